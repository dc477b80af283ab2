import { inCouple, readableIn, type Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";

/**
 * Dates, counts, states and links of the couple's Make-meaning items, read through the scope:
 * what readiness and the balance guard are computed from. Never a word.
 */
export function meaningFactsStore(db: Db, scope: Scope) {
  /** The newest date of a table's readable rows up to `now`: all the quiet check needs. */
  const latestOf = async (
    table:
      | "accountability_versions"
      | "accountability_addenda"
      | "question_answers"
      | "story_marks",
    now: string,
  ) => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.max("created_at").as("at"))
      .where(readableIn(scope, table))
      .where("created_at", "<=", now)
      .executeTakeFirst();
    return row?.at ?? null;
  };
  return {
    /**
     * When the couple last did Make-meaning work, table by table (the newest date of each, up to
     * `now`): a quiet spell is measured from the latest, however long the history behind it.
     */
    async meaningWork(now: string): Promise<string[]> {
      const shared = await db
        .selectFrom("reflections")
        .select((eb) => eb.fn.max("shared_at").as("at"))
        .where(readableIn(scope, "reflections"))
        .where("shared_at", "<=", now)
        .executeTakeFirst();
      const paragraphs = await db
        .selectFrom("story_paragraphs")
        .select((eb) => eb.fn.max("updated_at").as("at"))
        .where(readableIn(scope, "story_paragraphs"))
        .where("updated_at", "<=", now)
        .executeTakeFirst();
      const latest = [
        shared?.at ?? null,
        paragraphs?.at ?? null,
        await latestOf("accountability_versions", now),
        await latestOf("accountability_addenda", now),
        await latestOf("question_answers", now),
        await latestOf("story_marks", now),
      ];
      return latest.filter((at): at is string => at !== null);
    },
    /** Moves to Rebuild the other partner set aside, or that were taken back. */
    async forwardPushes(): Promise<string[]> {
      const rows = await db
        .selectFrom("phase_proposals")
        .select(["resolved_at", "created_at"])
        .where(inCouple(scope, "phase_proposals"))
        .where("to_phase", "=", "rebuild")
        .where("resolution", "in", ["declined", "withdrawn"])
        .execute();
      return rows.map((r) => r.resolved_at ?? r.created_at);
    },
    /** Questions asked again from `since` on (the widest window any rule looks back over). */
    async askedAgain(since: string): Promise<Array<{ at: string; questionId: string }>> {
      const askings = await db
        .selectFrom("question_askings")
        .select(["created_at", "question_id"])
        .where(readableIn(scope, "question_askings"))
        .where("created_at", ">=", since)
        .execute();
      const repeats = await db
        .selectFrom("questions")
        .select(["created_at", "repeat_of"])
        .where(readableIn(scope, "questions"))
        .where("repeat_of", "is not", null)
        .where("created_at", ">=", since)
        .execute();
      return [
        ...askings.map((a) => ({ at: a.created_at, questionId: a.question_id })),
        ...repeats.map((r) => ({ at: r.created_at, questionId: r.repeat_of ?? "" })),
      ];
    },
    async openQuestionsSince(): Promise<string[]> {
      const rows = await db
        .selectFrom("questions")
        .select("updated_at")
        .where(readableIn(scope, "questions"))
        .where("state", "in", ["open", "asked-again"])
        .execute();
      return rows.map((r) => r.updated_at);
    },
    async carriedOver(): Promise<Array<{ itemId: string; times: number }>> {
      const rows = await db
        .selectFrom("parking_lot")
        .select(["id", "carried_over"])
        .where(readableIn(scope, "parking_lot"))
        .where("status", "=", "open")
        .where("carried_over", ">", 0)
        .execute();
      return rows.map((r) => ({ itemId: r.id, times: r.carried_over }));
    },
    async statements() {
      const versions = await db
        .selectFrom("accountability_versions")
        .select(["id", "n", "author_id"])
        .where(readableIn(scope, "accountability_versions"))
        .execute();
      const responses = await db
        .selectFrom("accountability_responses")
        .select(["version_id", "heard", "created_at"])
        .where(readableIn(scope, "accountability_responses"))
        .execute();
      return { versions, responses };
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
      const partners = await db
        .selectFrom("couple_members")
        .select("user_id")
        .where(inCouple(scope, "couple_members"))
        .execute();
      const couple = await db
        .selectFrom("couples")
        .select("story_revision")
        .where(inCouple(scope, "couples"))
        .executeTakeFirst();
      const signatures = await db
        .selectFrom("story_signatures")
        .select(["user_id", "revision"])
        .where(inCouple(scope, "story_signatures"))
        .execute();
      return {
        paragraphs,
        marks,
        partners: partners.map((p) => p.user_id),
        revision: Number(couple?.story_revision ?? 0),
        signatures,
      };
    },
  };
}
export type MeaningFactsStore = ReturnType<typeof meaningFactsStore>;
