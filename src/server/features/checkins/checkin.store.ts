import { inCouple, readableIn, type Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import type { CheckinRow } from "../../platform/db-schema.ts";

export function checkinStore(db: Db, scope: Scope) {
  const own = { couple_id: scope.coupleId, author_id: scope.viewerId };
  return {
    /** Every check-in the viewer may read; the service holds back the partner's until both. */
    list(): Promise<CheckinRow[]> {
      return db
        .selectFrom("checkins")
        .selectAll()
        .where(readableIn(scope, "checkins"))
        .orderBy("week", "desc")
        .orderBy("created_at")
        .execute();
    },
    async insert(row: CheckinRow): Promise<void> {
      await db
        .insertInto("checkins")
        .values({ ...row, ...own })
        .execute();
    },
    /** One's own check-in for the week, words and all; the new id names the new envelopes. */
    async replaceOwn(week: string, row: CheckinRow): Promise<void> {
      await db
        .deleteFrom("checkins")
        .where("couple_id", "=", scope.coupleId)
        .where("author_id", "=", scope.viewerId)
        .where("week", "=", week)
        .execute();
      await db
        .insertInto("checkins")
        .values({ ...row, ...own })
        .execute();
    },
    async day(): Promise<{ weekday: string; setBy: string } | null> {
      const row = await db
        .selectFrom("couples")
        .select(["checkin_weekday", "checkin_day_set_by"])
        .where(inCouple(scope, "couples"))
        .executeTakeFirst();
      if (!row?.checkin_weekday) return null;
      return { weekday: row.checkin_weekday, setBy: row.checkin_day_set_by ?? scope.viewerId };
    },
    async setDay(weekday: string): Promise<void> {
      await db
        .updateTable("couples")
        .set({ checkin_weekday: weekday, checkin_day_set_by: scope.viewerId })
        .where(inCouple(scope, "couples"))
        .execute();
    },
  };
}
export type CheckinStore = ReturnType<typeof checkinStore>;
