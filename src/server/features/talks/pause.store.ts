import type { Db } from "../../platform/db.ts";
import type { PauseRow } from "../../platform/db-schema.ts";

export function pauseStore(db: Db) {
  return {
    active(coupleId: string, now: string): Promise<PauseRow | undefined> {
      return db
        .selectFrom("pauses")
        .selectAll()
        .where("couple_id", "=", coupleId)
        .where("ended_at", "is", null)
        .where("ends_at", ">", now)
        .orderBy("ends_at", "desc")
        .executeTakeFirst();
    },

    async insert(row: PauseRow): Promise<void> {
      await db.insertInto("pauses").values(row).execute();
    },

    async end(id: string, now: string): Promise<void> {
      await db.updateTable("pauses").set({ ended_at: now }).where("id", "=", id).execute();
    },
  };
}
