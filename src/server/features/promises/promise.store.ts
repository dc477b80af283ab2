import { inCouple, readableIn, type Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import type {
  PromiseExcusalRow,
  PromiseMarkRow,
  PromiseRow,
  PromiseViewRow,
} from "../../platform/db-schema.ts";

export function promiseStore(db: Db, scope: Scope) {
  const own = { couple_id: scope.coupleId, author_id: scope.viewerId };
  const readable = () => db.selectFrom("promises").selectAll().where(readableIn(scope, "promises"));
  return {
    find(id: string): Promise<PromiseRow | undefined> {
      return readable().where("id", "=", id).executeTakeFirst();
    },
    list(): Promise<PromiseRow[]> {
      return readable().orderBy("created_at").orderBy("id").execute();
    },
    marks(): Promise<PromiseMarkRow[]> {
      return db
        .selectFrom("promise_marks")
        .selectAll()
        .where(readableIn(scope, "promise_marks"))
        .orderBy("on_day")
        .execute();
    },
    views(): Promise<PromiseViewRow[]> {
      return db
        .selectFrom("promise_views")
        .selectAll()
        .where(inCouple(scope, "promise_views"))
        .orderBy("on_day")
        .execute();
    },
    excusals(): Promise<PromiseExcusalRow[]> {
      return db
        .selectFrom("promise_excusals")
        .selectAll()
        .where(readableIn(scope, "promise_excusals"))
        .orderBy("created_at")
        .orderBy("id")
        .execute();
    },
    async insert(row: PromiseRow): Promise<void> {
      await db
        .insertInto("promises")
        .values({ ...row, ...own })
        .execute();
    },
    /**
     * Moves the promise on only from the status it was checked in: of two answers racing, the
     * second finds the status changed and is refused.
     */
    async move(
      id: string,
      from: string,
      change: Partial<
        Pick<PromiseRow, "status" | "accepted_at" | "started_on" | "ended_at" | "review_on">
      > & { updated_at: string },
    ): Promise<boolean> {
      const result = await db
        .updateTable("promises")
        .set(change)
        .where("id", "=", id)
        .where("couple_id", "=", scope.coupleId)
        .where("status", "=", from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    /** A mark replaces an earlier one for the same day: one mark per due day. */
    async replaceMark(row: PromiseMarkRow): Promise<void> {
      await db
        .deleteFrom("promise_marks")
        .where("promise_id", "=", row.promise_id)
        .where("on_day", "=", row.on_day)
        .where("couple_id", "=", scope.coupleId)
        .where("author_id", "=", scope.viewerId)
        .execute();
      await db
        .insertInto("promise_marks")
        .values({ ...row, ...own })
        .execute();
    },
    async putView(row: Omit<PromiseViewRow, "couple_id" | "by_id">): Promise<void> {
      const values = { ...row, couple_id: scope.coupleId, by_id: scope.viewerId };
      await db
        .insertInto("promise_views")
        .values(values)
        .onConflict((c) =>
          c.columns(["promise_id", "on_day"]).doUpdateSet({ view: row.view, at: row.at }),
        )
        .execute();
    },
    async insertExcusal(row: PromiseExcusalRow): Promise<void> {
      await db
        .insertInto("promise_excusals")
        .values({ ...row, ...own })
        .execute();
    },
    async answerExcusal(id: string, status: string, at: string): Promise<boolean> {
      const result = await db
        .updateTable("promise_excusals")
        .set({ status, answered_at: at })
        .where("id", "=", id)
        .where("couple_id", "=", scope.coupleId)
        .where("status", "=", "proposed")
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
export type PromiseStore = ReturnType<typeof promiseStore>;
