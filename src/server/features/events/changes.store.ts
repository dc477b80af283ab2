import { sql } from "kysely";
import { inCouple, type Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";

const KEEP_MS = 60 * 60_000;

/**
 * The one live channel's record: each shared change bumps the couple's revision and notes the
 * feature it touched. Open streams ask what changed after the revision they last told; rows
 * older than an hour are dropped as new ones come, so the table stays small.
 */
export function changeStore(db: Db) {
  return {
    async record(scope: Scope, feature: string, now: Date): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const bumped = await trx
          .updateTable("couples")
          .set({ revision: sql`revision + 1` })
          .where(inCouple(scope, "couples"))
          .returning("revision")
          .executeTakeFirst();
        if (!bumped) return;
        await trx
          .insertInto("couple_changes")
          .values({
            couple_id: scope.coupleId,
            revision: bumped.revision,
            feature,
            at: now.toISOString(),
          })
          .execute();
        await trx
          .deleteFrom("couple_changes")
          .where(inCouple(scope, "couple_changes"))
          .where("at", "<", new Date(now.getTime() - KEEP_MS).toISOString())
          .execute();
      });
    },

    async revision(scope: Scope): Promise<number> {
      const row = await db
        .selectFrom("couples")
        .select("revision")
        .where(inCouple(scope, "couples"))
        .executeTakeFirst();
      return row?.revision ?? 0;
    },

    /** The features changed after `revision`, each once. */
    async featuresSince(scope: Scope, revision: number): Promise<string[]> {
      const rows = await db
        .selectFrom("couple_changes")
        .select("feature")
        .distinct()
        .where(inCouple(scope, "couple_changes"))
        .where("revision", ">", revision)
        .execute();
      return rows.map((row) => row.feature).sort();
    },

    /** The couple someone has just joined (their session named none when the request came). */
    async coupleOf(userId: string): Promise<string | null> {
      const row = await db
        .selectFrom("couple_members")
        .select("couple_id")
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return row?.couple_id ?? null;
    },
  };
}
export type ChangeStore = ReturnType<typeof changeStore>;
