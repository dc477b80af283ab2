import { inCouple, readableIn, type Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";

/**
 * Dates, counts, states and links of the couple's Make-meaning items, read through the scope:
 * what readiness and the balance guard are computed from. Never a word.
 */
export function meaningFactsStore(db: Db, scope: Scope) {
  const datesOf = async (
    table:
      | "accountability_versions"
      | "accountability_addenda"
      | "question_answers"
      | "story_marks",
  ) =>
    (
      await db
        .selectFrom(table)
        .select("created_at as at")
        .where(readableIn(scope, table))
        .execute()
    ).map((row) => row.at);
  return {
    async meaningWork(): Promise<string[]> {
      const shared = await db
        .selectFrom("reflections")
        .select("shared_at")
        .where(readableIn(scope, "reflections"))
        .where("shared_at", "is not", null)
        .execute();
      const paragraphs = await db
        .selectFrom("story_paragraphs")
        .select("updated_at")
        .where(readableIn(scope, "story_paragraphs"))
        .execute();
      return [
        ...shared.flatMap((r) => (r.shared_at ? [r.shared_at] : [])),
        ...paragraphs.map((p) => p.updated_at),
        ...(await datesOf("accountability_versions")),
        ...(await datesOf("accountability_addenda")),
        ...(await datesOf("question_answers")),
        ...(await datesOf("story_marks")),
      ];
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
    async askedAgain(): Promise<Array<{ at: string; questionId: string }>> {
      const askings = await db
        .selectFrom("question_askings")
        .select(["created_at", "question_id"])
        .where(readableIn(scope, "question_askings"))
        .execute();
      const repeats = await db
        .selectFrom("questions")
        .select(["created_at", "repeat_of"])
        .where(readableIn(scope, "questions"))
        .where("repeat_of", "is not", null)
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
