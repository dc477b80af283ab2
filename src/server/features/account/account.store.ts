import type { Db } from "../../platform/db.ts";
import type { UserRow } from "../../platform/db-schema.ts";

export function accountStore(db: Db) {
  return {
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

    async setPasswordHash(id: string, passwordHash: string): Promise<void> {
      await db
        .updateTable("users")
        .set({ password_hash: passwordHash })
        .where("id", "=", id)
        .execute();
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
     * other's confidant) are cleared, so no later partner can read them. A couple left with no
     * partner at all goes too. One transaction: nothing is half-deleted.
     */
    async deleteUser(id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const membership = await trx
          .selectFrom("couple_members")
          .select("couple_id")
          .where("user_id", "=", id)
          .executeTakeFirst();
        await trx
          .updateTable("agreement_events")
          .set({ note: null })
          .where("actor_id", "=", id)
          .execute();
        await trx
          .updateTable("phase_history")
          .set({ reason: null })
          .where((eb) => eb.or([eb("by_user", "=", id), eb("confirmed_by", "=", id)]))
          .execute();
        await trx
          .updateTable("phase_proposals")
          .set({ reason: null })
          .where("proposed_by", "=", id)
          .execute();
        if (membership) {
          await trx
            .updateTable("circle_people")
            .set({ concern: null, status: "proposed" })
            .where("couple_id", "=", membership.couple_id)
            .where("author_id", "!=", id)
            .where("concern", "is not", null)
            .execute();
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
