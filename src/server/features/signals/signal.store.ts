import type { Selectable } from "kysely";
import { inCouple, readableIn, type Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import type { SupportAnswersTable } from "../../platform/db-schema.ts";

export type SupportAnswerRow = Selectable<SupportAnswersTable>;

/**
 * The counts, states and dates the support signals are worked out from, each read through the
 * viewer's scope, so a partner's private item never reaches them. Never a word.
 */
export function signalStore(db: Db, scope: Scope) {
  const mine = { couple_id: scope.coupleId, user_id: scope.viewerId };
  return {
    async couple(): Promise<{ phase: string; phaseSince: string } | undefined> {
      const row = await db
        .selectFrom("couples")
        .select(["phase", "phase_since"])
        .where(inCouple(scope, "couples"))
        .executeTakeFirst();
      return row && { phase: row.phase, phaseSince: row.phase_since };
    },
    openTopics(): Promise<Array<{ carried_over: number; created_at: string }>> {
      return db
        .selectFrom("parking_lot")
        .select(["carried_over", "created_at"])
        .where(readableIn(scope, "parking_lot"))
        .where("status", "=", "open")
        .execute();
    },
    questions(): Promise<Array<{ times_asked: number; created_at: string; state: string }>> {
      return db
        .selectFrom("questions")
        .select(["times_asked", "created_at", "state"])
        .where(readableIn(scope, "questions"))
        .execute();
    },
    checkins() {
      return db
        .selectFrom("checkins")
        .select([
          "week",
          "author_id",
          "updated_at",
          "same_concern",
          "pushed_to_move_on",
          "dont_know_where_to_start",
        ])
        .where(readableIn(scope, "checkins"))
        .orderBy("week")
        .execute();
    },
    answers(): Promise<SupportAnswerRow[]> {
      return db
        .selectFrom("support_answers")
        .selectAll()
        .where(readableIn(scope, "support_answers"))
        .orderBy("created_at", "desc")
        .orderBy("id")
        .execute();
    },
    async story() {
      const paragraphs = await db
        .selectFrom("story_paragraphs")
        .select(["id", "version"])
        .where(readableIn(scope, "story_paragraphs"))
        .execute();
      const marks = await db
        .selectFrom("story_marks")
        .select(["paragraph_id", "author_id", "mark", "version", "created_at"])
        .where(readableIn(scope, "story_marks"))
        .execute();
      return { paragraphs, marks };
    },
    heardAnswers(): Promise<Array<{ heard: string; created_at: string }>> {
      return db
        .selectFrom("accountability_responses")
        .select(["heard", "created_at"])
        .where(readableIn(scope, "accountability_responses"))
        .orderBy("created_at")
        .execute();
    },
    promises(): Promise<
      Array<{ status: string; accepted_at: string | null; ended_at: string | null }>
    > {
      return db
        .selectFrom("promises")
        .select(["status", "accepted_at", "ended_at"])
        .where(readableIn(scope, "promises"))
        .execute();
    },
    snoozes(): Promise<Array<{ key: string; until: string }>> {
      return db
        .selectFrom("signal_snoozes")
        .select(["key", "until"])
        .where((eb) =>
          eb.and([eb("user_id", "=", scope.viewerId), eb("couple_id", "=", scope.coupleId)]),
        )
        .execute();
    },
    async shared(): Promise<boolean> {
      const row = await db
        .selectFrom("couple_members")
        .select("signals_shared")
        .where(inCouple(scope, "couple_members"))
        .where("user_id", "=", scope.viewerId)
        .executeTakeFirst();
      return row?.signals_shared === 1;
    },
    async insertAnswer(row: SupportAnswerRow): Promise<void> {
      await db
        .insertInto("support_answers")
        .values({ ...row, couple_id: scope.coupleId, author_id: scope.viewerId })
        .execute();
    },
    /** Only the author takes an answer back; anyone else's id deletes nothing. */
    async deleteOwnAnswer(id: string): Promise<boolean> {
      const result = await db
        .deleteFrom("support_answers")
        .where("id", "=", id)
        .where("couple_id", "=", scope.coupleId)
        .where("author_id", "=", scope.viewerId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async snooze(key: string, until: string): Promise<void> {
      await db
        .insertInto("signal_snoozes")
        .values({ ...mine, key, until })
        .onConflict((c) => c.columns(["user_id", "couple_id", "key"]).doUpdateSet({ until }))
        .execute();
    },
    async setShared(shared: boolean): Promise<void> {
      await db
        .updateTable("couple_members")
        .set({ signals_shared: shared ? 1 : 0 })
        .where(inCouple(scope, "couple_members"))
        .where("user_id", "=", scope.viewerId)
        .execute();
    },
  };
}
export type SignalStore = ReturnType<typeof signalStore>;
