import type { PagePosition } from "../../../domain/pages.ts";
import { inCouple, readableIn, type Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import type { TalkLogRow, TalkTimeRow } from "../../platform/db-schema.ts";

/** Talk times and their logs, as one viewer may see them. */
export function talkTimeStore(db: Db, scope: Scope) {
  const talkTimes = () =>
    db.selectFrom("talk_times").selectAll().where(readableIn(scope, "talk_times"));
  const logs = () => db.selectFrom("talk_logs").selectAll().where(readableIn(scope, "talk_logs"));

  return {
    find(id: string): Promise<TalkTimeRow | undefined> {
      return talkTimes().where("id", "=", id).executeTakeFirst();
    },

    list(): Promise<TalkTimeRow[]> {
      return talkTimes().orderBy("created_at").orderBy("id").execute();
    },

    async insert(row: TalkTimeRow): Promise<void> {
      await db
        .insertInto("talk_times")
        .values({ ...row, couple_id: scope.coupleId })
        .execute();
    },

    /** Moves the status only if it is still `from`; false means someone got there first. */
    async transition(id: string, from: string, to: string, now: string): Promise<boolean> {
      const result = await db
        .updateTable("talk_times")
        .set({ status: to, updated_at: now, ...(to === "accepted" ? { accepted_at: now } : {}) })
        .where("id", "=", id)
        .where("couple_id", "=", scope.coupleId)
        .where("status", "=", from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** False when this author has logged this window already. */
    async insertLog(row: TalkLogRow): Promise<boolean> {
      const result = await db
        .insertInto("talk_logs")
        .values({ ...row, couple_id: scope.coupleId })
        .onConflict((oc) => oc.columns(["author_id", "talk_time_id", "window_start"]).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    /** Logs, newest window first, before a position when given; `limit` of them. */
    logs(before: PagePosition | null, limit: number): Promise<TalkLogRow[]> {
      let query = logs();
      if (before) {
        query = query.where((eb) =>
          eb.or([
            eb("window_start", "<", before.at),
            eb.and([eb("window_start", "=", before.at), eb("id", "<", before.id)]),
          ]),
        );
      }
      return query.orderBy("window_start", "desc").orderBy("id", "desc").limit(limit).execute();
    },

    /** Talks the viewer can see were held: counted where they are, however long the history. */
    async heldCount(): Promise<number> {
      const row = await db
        .selectFrom("talk_logs")
        .select((eb) => eb.fn.countAll<number | string>().as("held"))
        .where(readableIn(scope, "talk_logs"))
        .where("went", "!=", "did-not-happen")
        .executeTakeFirstOrThrow();
      return Number(row.held);
    },

    /** Whether a pause ran during part of a window (it may have taken the whole talk). */
    async pausedDuring(startsAt: string, endsAt: string): Promise<boolean> {
      const row = await db
        .selectFrom("pauses")
        .select("id")
        .where(inCouple(scope, "pauses"))
        .where("started_at", "<", endsAt)
        .where((eb) =>
          eb.or([
            eb.and([eb("ended_at", "is", null), eb("ends_at", ">", startsAt)]),
            eb("ended_at", ">", startsAt),
          ]),
        )
        .executeTakeFirst();
      return row !== undefined;
    },

    /** The viewer's own logs of windows from `since` on, to know which they have logged. */
    ownLogsSince(since: string): Promise<TalkLogRow[]> {
      return logs()
        .where("author_id", "=", scope.viewerId)
        .where("window_start", ">=", since)
        .execute();
    },
  };
}
export type TalkTimeStore = ReturnType<typeof talkTimeStore>;
