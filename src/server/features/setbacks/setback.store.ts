import { inCouple, readableIn, type Scope } from "../../platform/access.ts";
import { partnerIdsOf } from "../../platform/couple-members.ts";
import type { Db } from "../../platform/db.ts";
import type { SetbackRow, SetbackStepRow } from "../../platform/db-schema.ts";

export function setbackStore(db: Db, scope: Scope) {
  const own = { couple_id: scope.coupleId, author_id: scope.viewerId };
  const readable = () => db.selectFrom("setbacks").selectAll().where(readableIn(scope, "setbacks"));
  return {
    find(id: string): Promise<SetbackRow | undefined> {
      return readable().where("id", "=", id).executeTakeFirst();
    },
    list(): Promise<SetbackRow[]> {
      return readable().orderBy("created_at", "desc").orderBy("id").execute();
    },
    steps(): Promise<SetbackStepRow[]> {
      return db
        .selectFrom("setback_steps")
        .selectAll()
        .where(readableIn(scope, "setback_steps"))
        .orderBy("created_at")
        .orderBy("id")
        .execute();
    },
    repairs(): Promise<Array<{ setback_id: string; user_id: string; at: string }>> {
      return db
        .selectFrom("setback_repairs")
        .select(["setback_id", "user_id", "at"])
        .where(inCouple(scope, "setback_repairs"))
        .orderBy("at")
        .execute();
    },
    partnerIds: () => partnerIdsOf(db, scope),
    async phase(): Promise<string> {
      const row = await db
        .selectFrom("couples")
        .select("phase")
        .where(inCouple(scope, "couples"))
        .executeTakeFirst();
      return row?.phase ?? "stabilize";
    },
    async insert(row: SetbackRow): Promise<void> {
      await db
        .insertInto("setbacks")
        .values({ ...row, ...own })
        .execute();
    },
    async insertStep(row: SetbackStepRow): Promise<void> {
      await db
        .insertInto("setback_steps")
        .values({ ...row, ...own })
        .execute();
    },
    /** Saying "repaired" twice is saying it once: the first time stands. */
    async sayRepaired(setbackId: string, at: string): Promise<void> {
      await db
        .insertInto("setback_repairs")
        .values({ couple_id: scope.coupleId, setback_id: setbackId, user_id: scope.viewerId, at })
        .onConflict((c) => c.columns(["setback_id", "user_id"]).doNothing())
        .execute();
    },
  };
}
export type SetbackStore = ReturnType<typeof setbackStore>;
