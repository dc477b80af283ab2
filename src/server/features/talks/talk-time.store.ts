import type { Db } from "../../platform/db.ts";
import type { TalkLogRow, TalkTimeRow } from "../../platform/db-schema.ts";

export function talkTimeStore(db: Db) {
  return {
    find(id: string): Promise<TalkTimeRow | undefined> {
      return db.selectFrom("talk_times").selectAll().where("id", "=", id).executeTakeFirst();
    },

    listForCouple(coupleId: string): Promise<TalkTimeRow[]> {
      return db
        .selectFrom("talk_times")
        .selectAll()
        .where("couple_id", "=", coupleId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
    },

    async insert(row: TalkTimeRow): Promise<void> {
      await db.insertInto("talk_times").values(row).execute();
    },

    /** Moves the status only if it is still `from`; false means someone got there first. */
    async transition(id: string, from: string, to: string, now: string): Promise<boolean> {
      const result = await db
        .updateTable("talk_times")
        .set({ status: to, updated_at: now, ...(to === "accepted" ? { accepted_at: now } : {}) })
        .where("id", "=", id)
        .where("status", "=", from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** False when this author has logged this window already. */
    async insertLog(row: TalkLogRow): Promise<boolean> {
      const result = await db
        .insertInto("talk_logs")
        .values(row)
        .onConflict((oc) => oc.columns(["author_id", "talk_time_id", "window_start"]).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    logsForCouple(coupleId: string): Promise<TalkLogRow[]> {
      return db
        .selectFrom("talk_logs")
        .selectAll()
        .where("couple_id", "=", coupleId)
        .orderBy("window_start", "desc")
        .orderBy("id")
        .execute();
    },
  };
}
export type TalkTimeStore = ReturnType<typeof talkTimeStore>;
