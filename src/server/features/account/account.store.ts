import { sql } from "kysely";
import type { Db } from "../../platform/db.ts";
import type { UserRow } from "../../platform/db-schema.ts";
import { AUTHORED_WORDS } from "../words.ts";
import { signupVerificationStore } from "./signup-verification.store.ts";

class InviteRaceLost extends Error {}

export function accountStore(db: Db) {
  return {
    ...signupVerificationStore(db),
    findByEmail(email: string): Promise<UserRow | undefined> {
      return db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
    },

    findById(id: string): Promise<UserRow | undefined> {
      return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    },

    /** Inserts unless the e-mail is taken; false means someone has it already. */
    async insert(user: Omit<UserRow, "role">): Promise<boolean> {
      const result = await db
        .insertInto("users")
        .values({ ...user, role: "partner" })
        .onConflict((oc) => oc.column("email").doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    /**
     * A therapist's account from an operator's invite: the invite is used up and the account made
     * in one transaction. "no-invite" for an unknown, used or expired link; "taken" when the
     * e-mail has an account already (the invite then stays usable).
     */
    async insertTherapist(
      user: Omit<UserRow, "role">,
      tokenHash: string,
      recoveryCodeHashes: readonly string[],
    ): Promise<"ok" | "no-invite" | "wrong-email" | "taken"> {
      return db
        .transaction()
        .execute(async (trx) => {
          const invite = await trx
            .selectFrom("therapist_invites")
            .select(["id", "email"])
            .where("token_hash", "=", tokenHash)
            .where("used_at", "is", null)
            .where("expires_at", ">", user.created_at)
            .executeTakeFirst();
          if (!invite) return "no-invite";
          if (invite.email !== user.email) return "wrong-email";
          const inserted = await trx
            .insertInto("users")
            .values({ ...user, role: "therapist" })
            .onConflict((oc) => oc.column("email").doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return "taken";
          const used = await trx
            .updateTable("therapist_invites")
            .set({ used_at: user.created_at })
            .where("id", "=", invite.id)
            .where("used_at", "is", null)
            .executeTakeFirst();
          // Two sign-ups with one link at once: the second finds it used and makes nothing.
          if (Number(used.numUpdatedRows) === 0) throw new InviteRaceLost();
          await trx
            .insertInto("totp_recovery_codes")
            .values(recoveryCodeHashes.map((code_hash) => ({ user_id: user.id, code_hash })))
            .execute();
          return "ok";
        })
        .catch((error) => {
          if (error instanceof InviteRaceLost) return "no-invite" as const;
          throw error;
        });
    },

    therapistInvite(tokenHash: string, now: string) {
      return db
        .selectFrom("therapist_invites")
        .select(["email", "expires_at"])
        .where("token_hash", "=", tokenHash)
        .where("used_at", "is", null)
        .where("expires_at", ">", now)
        .executeTakeFirst();
    },

    async insertTherapistInvite(row: {
      id: string;
      email: string;
      token_hash: string;
      created_at: string;
      expires_at: string;
    }): Promise<void> {
      await db.insertInto("therapist_invites").values(row).execute();
    },

    /** Records the step of an accepted code; false when that step or a later one was used. */
    async advanceTotpStep(userId: string, step: number): Promise<boolean> {
      const result = await db
        .updateTable("users")
        .set({ totp_last_step: step })
        .where("id", "=", userId)
        .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Uses up one recovery code of the second factor; false when it is unknown or used. */
    async spendTotpRecoveryCode(userId: string, codeHash: string, now: string): Promise<boolean> {
      const result = await db
        .updateTable("totp_recovery_codes")
        .set({ used_at: now })
        .where("user_id", "=", userId)
        .where("code_hash", "=", codeHash)
        .where("used_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async setName(id: string, name: string): Promise<UserRow | undefined> {
      return db
        .updateTable("users")
        .set({ name })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirst();
    },

    async setPasswordHash(id: string, passwordHash: string): Promise<void> {
      await db
        .updateTable("users")
        .set({ password_hash: passwordHash })
        .where("id", "=", id)
        .execute();
    },

    /**
     * A new authKey hash and key boxes (a password change or a recovery), and every session of
     * the account ended, in one transaction: no session outlives the keys it was opened with.
     */
    async setKeysEndingSessions(
      id: string,
      keys: Pick<UserRow, "password_hash" | "kdf" | "identity_box" | "personal_box"> &
        Partial<
          Pick<UserRow, "recovery_identity_box" | "recovery_personal_box" | "recovery_auth_hash">
        >,
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable("users").set(keys).where("id", "=", id).execute();
        await trx.deleteFrom("sessions").where("user_id", "=", id).execute();
      });
    },

    /** A one-time reset link's row; the operator's command makes it, the person's browser uses it. */
    async insertReset(row: {
      id: string;
      user_id: string;
      token_hash: string;
      created_at: string;
      expires_at: string;
    }): Promise<void> {
      await db
        .insertInto("account_resets")
        .values({ ...row, used_at: null })
        .execute();
    },

    /**
     * Uses a live reset link: brand-new keys for the account, every session ended and every
     * grant of the couple's key to the old identity deleted (it opens nothing now), in one
     * transaction. Undefined when the link is unknown, used or expired.
     */
    async resetKeys(
      tokenHash: string,
      now: string,
      keys: Pick<
        UserRow,
        | "password_hash"
        | "kdf"
        | "public_key"
        | "identity_box"
        | "personal_box"
        | "recovery_identity_box"
        | "recovery_personal_box"
        | "recovery_auth_hash"
      >,
    ): Promise<UserRow | undefined> {
      return db.transaction().execute(async (trx) => {
        const reset = await trx
          .updateTable("account_resets")
          .set({ used_at: now })
          .where("token_hash", "=", tokenHash)
          .where("used_at", "is", null)
          .where("expires_at", ">", now)
          .returning("user_id")
          .executeTakeFirst();
        if (!reset) return undefined;
        await trx.updateTable("users").set(keys).where("id", "=", reset.user_id).execute();
        await trx.deleteFrom("sessions").where("user_id", "=", reset.user_id).execute();
        await trx.deleteFrom("space_grants").where("user_id", "=", reset.user_id).execute();
        return trx
          .selectFrom("users")
          .selectAll()
          .where("id", "=", reset.user_id)
          .executeTakeFirst();
      });
    },

    /** This instance's secret of that name, made once by whichever process asks first. */
    async serverSecret(name: string, make: () => string): Promise<string> {
      await db
        .insertInto("server_secrets")
        .values({ name, value: make() })
        .onConflict((oc) => oc.column("name").doNothing())
        .execute();
      const row = await db
        .selectFrom("server_secrets")
        .select("value")
        .where("name", "=", name)
        .executeTakeFirstOrThrow();
      return row.value;
    },

    async coupleOf(userId: string) {
      return db
        .selectFrom("couple_members")
        .innerJoin("couples", "couples.id", "couple_members.couple_id")
        .select(["couples.id", "couples.phase"])
        .where("couple_members.user_id", "=", userId)
        .executeTakeFirst();
    },

    /**
     * Deletes the user and everything they wrote: rows they own go by cascade, and their words
     * on rows the couple keeps (a review note, a reason for a phase move, a concern about the
     * other's confidant) are cleared, as `AUTHORED_WORDS` lists them, so no later partner can
     * read them. A couple left with no partner at all goes too. One transaction: nothing is
     * half-deleted.
     */
    async deleteUser(id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const membership = await trx
          .selectFrom("couple_members")
          .select("couple_id")
          .where("user_id", "=", id)
          .executeTakeFirst();
        for (const words of AUTHORED_WORDS) {
          const { writtenBy } = words;
          if (writtenBy.kind === "owner") continue;
          const cleared = [
            sql`${sql.ref(words.column)} = null`,
            ...Object.entries(words.resetWith ?? {}).map(
              ([column, value]) => sql`${sql.ref(column)} = ${value}`,
            ),
          ];
          const whose =
            writtenBy.kind === "column"
              ? sql`${sql.ref(writtenBy.column)} = ${id}`
              : membership
                ? sql`couple_id = ${membership.couple_id} and ${sql.ref(writtenBy.authorColumn)} <> ${id}`
                : null;
          if (whose === null) continue;
          await sql`update ${sql.table(words.table)} set ${sql.join(cleared)} where ${whose} and ${sql.ref(
            words.column,
          )} is not null`.execute(trx);
        }
        await trx.deleteFrom("users").where("id", "=", id).execute();
        if (membership) {
          const left = await trx
            .selectFrom("couple_members")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("couple_id", "=", membership.couple_id)
            .executeTakeFirstOrThrow();
          if (Number(left.n) === 0) {
            await trx.deleteFrom("couples").where("id", "=", membership.couple_id).execute();
          }
        }
      });
    },
  };
}
export type AccountStore = ReturnType<typeof accountStore>;
