import { inCouple, type Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import type { PauseRow } from "../../platform/db-schema.ts";

export function pauseStore(db: Db, scope: Scope) {
  return {
    active(now: string): Promise<PauseRow | undefined> {
      return db
        .selectFrom("pauses")
        .selectAll()
        .where(inCouple(scope, "pauses"))
        .where("ended_at", "is", null)
        .where("ends_at", ">", now)
        .orderBy("ends_at", "desc")
        .executeTakeFirst();
    },

    async insert(row: PauseRow): Promise<void> {
      await db
        .insertInto("pauses")
        .values({ ...row, couple_id: scope.coupleId })
        .execute();
    },

    async end(id: string, now: string): Promise<void> {
      await db
        .updateTable("pauses")
        .set({ ended_at: now })
        .where("id", "=", id)
        .where(inCouple(scope, "pauses"))
        .where("ended_at", "is", null)
        .execute();
    },
  };
}
export type PauseStore = ReturnType<typeof pauseStore>;
