import type { Db } from "../../platform/db.ts";
import type { UserRow } from "../../platform/db-schema.ts";

interface SignupVerificationsTable {
  id: string;
  email: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Ends the transaction without a write when the address was taken meanwhile. */
class AddressTaken extends Error {}

/** The links that let an address be signed up while e-mail is on, and their one use. */
export function signupVerificationStore(database: Db) {
  // The table is this step's alone, so its shape is declared here.
  const db = database.withTables<{ signup_verifications: SignupVerificationsTable }>();
  return {
    /** Keeps a new link's hash; links past their day go at the same time, addresses with them. */
    async insertSignupVerification(row: Omit<SignupVerificationsTable, "used_at">): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom("signup_verifications")
          .where("expires_at", "<=", row.created_at)
          .execute();
        await trx.insertInto("signup_verifications").values(row).execute();
      });
    },

    /** The address an unspent link in its day was mailed to. */
    async signupVerificationEmail(tokenHash: string, now: string): Promise<string | undefined> {
      const row = await db
        .selectFrom("signup_verifications")
        .select("email")
        .where("token_hash", "=", tokenHash)
        .where("used_at", "is", null)
        .where("expires_at", ">", now)
        .executeTakeFirst();
      return row?.email;
    },

    /**
     * A partner's account made through a sign-up link: the link is spent and the account made in
     * one transaction. "no-link" for an unknown, spent or expired link or one sent to another
     * address; "taken" when the address has an account already (the link then stays usable).
     */
    async insertVerifiedUser(
      user: Omit<UserRow, "role">,
      tokenHash: string,
    ): Promise<"ok" | "no-link" | "taken"> {
      return db
        .transaction()
        .execute(async (trx) => {
          const spent = await trx
            .updateTable("signup_verifications")
            .set({ used_at: user.created_at })
            .where("token_hash", "=", tokenHash)
            .where("email", "=", user.email)
            .where("used_at", "is", null)
            .where("expires_at", ">", user.created_at)
            .executeTakeFirst();
          if (Number(spent.numUpdatedRows) !== 1) return "no-link";
          const inserted = await trx
            .insertInto("users")
            .values({ ...user, role: "partner" })
            .onConflict((oc) => oc.column("email").doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new AddressTaken();
          return "ok";
        })
        .catch((error) => {
          if (error instanceof AddressTaken) return "taken" as const;
          throw error;
        });
    },
  };
}
