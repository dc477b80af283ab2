import type { Db } from "../../platform/db.ts";
import { isUniqueViolation } from "../../platform/http-errors.ts";

/** The table is this feature's alone, so its shape is declared here. */
type EmailChangeTables = {
  email_changes: {
    id: string;
    user_id: string;
    email: string;
    token_hash: string;
    created_at: string;
    expires_at: string;
    used_at: string | null;
  };
};

export type EmailSet = "changed" | "taken" | "gone";

/** Change links (kept as hashes) and the one write that moves an account to a new address. */
export function emailChangeStore(database: Db) {
  const db = database.withTables<EmailChangeTables>();

  /** The address itself, in the caller's transaction: a taken one is refused, never half-written. */
  async function setEmail(trx: Db, userId: string, email: string): Promise<EmailSet> {
    const taken = await trx
      .selectFrom("users")
      .select("id")
      .where("email", "=", email)
      .executeTakeFirst();
    if (taken) return taken.id === userId ? "changed" : "taken";
    try {
      const moved = await trx
        .updateTable("users")
        .set({ email })
        .where("id", "=", userId)
        .executeTakeFirst();
      return Number(moved.numUpdatedRows) === 1 ? "changed" : "gone";
    } catch (error) {
      // Another account took the address between the look and the write.
      if (isUniqueViolation(error)) return "taken";
      throw error;
    }
  }

  return {
    async addressTaken(email: string): Promise<boolean> {
      const row = await db
        .selectFrom("users")
        .select("id")
        .where("email", "=", email)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Without e-mail: the new address at once. */
    setEmail: (userId: string, email: string) =>
      database.transaction().execute((trx) => setEmail(trx, userId, email)),

    /** A new link; links past their day go as new ones are written. */
    async addLink(row: {
      id: string;
      userId: string;
      email: string;
      tokenHash: string;
      now: Date;
      expiresAt: Date;
    }): Promise<void> {
      await db
        .deleteFrom("email_changes")
        .where("expires_at", "<", row.now.toISOString())
        .execute();
      await db
        .insertInto("email_changes")
        .values({
          id: row.id,
          user_id: row.userId,
          email: row.email,
          token_hash: row.tokenHash,
          created_at: row.now.toISOString(),
          expires_at: row.expiresAt.toISOString(),
        })
        .execute();
    },

    /**
     * Spends an unspent link in its day and moves its account to the address, in one
     * transaction, spending the account's other links with it: a taken address leaves the link
     * unspent and the account as it was.
     */
    spend(
      tokenHash: string,
      now: Date,
    ): Promise<{ result: EmailSet; userId: string; email: string; before: string } | null> {
      return database.transaction().execute(async (trx) => {
        const at = now.toISOString();
        const link = await trx
          .withTables<EmailChangeTables>()
          .selectFrom("email_changes")
          .innerJoin("users", "users.id", "email_changes.user_id")
          .select([
            "email_changes.id",
            "email_changes.user_id",
            "email_changes.email",
            "users.email as before",
          ])
          .where("email_changes.token_hash", "=", tokenHash)
          .where("email_changes.used_at", "is", null)
          .where("email_changes.expires_at", ">", at)
          .executeTakeFirst();
        if (!link) return null;
        const result = await setEmail(trx, link.user_id, link.email);
        if (result !== "changed")
          return { result, userId: link.user_id, email: link.email, before: link.before };
        const spent = await trx
          .withTables<EmailChangeTables>()
          .updateTable("email_changes")
          .set({ used_at: at })
          .where("id", "=", link.id)
          .where("used_at", "is", null)
          .executeTakeFirst();
        // Two confirmations at once: the second finds the link spent and changes nothing more.
        if (Number(spent.numUpdatedRows) !== 1) return null;
        // The account's other links were asked for before this move: none may undo it later.
        await trx
          .withTables<EmailChangeTables>()
          .updateTable("email_changes")
          .set({ used_at: at })
          .where("user_id", "=", link.user_id)
          .where("used_at", "is", null)
          .execute();
        return { result, userId: link.user_id, email: link.email, before: link.before };
      });
    },
  };
}
export type EmailChangeStore = ReturnType<typeof emailChangeStore>;
