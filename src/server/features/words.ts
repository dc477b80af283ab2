import type { Database } from "../platform/db-schema.ts";

/**
 * Every column that holds a person's words, with the name the API gives them (the same `type`
 * and `field` the contracts mark with `words()`) and who wrote them. This one list is what
 * account deletion clears, and what sealing and export will work on;
 * `test/integration/words.test.ts` fails when a column the API writes words into is missing,
 * or when this list and the contracts disagree.
 *
 * - `owner`: the row's author wrote the words; deleting the author deletes the row (cascade).
 * - `column`: another column names the writer, on a row the couple keeps (a review note, the
 *   reason for a phase move): deleting the writer clears the words and keeps the row.
 * - `otherPartner`: the partner who is not the row's author wrote them (a concern about the
 *   other's confidant): deleting that partner clears the words.
 */
export type WrittenBy =
  | { kind: "owner"; column: string }
  | { kind: "column"; column: string }
  | { kind: "otherPartner"; authorColumn: string };

export interface Words<T extends keyof Database = keyof Database> {
  type: string;
  field: string;
  table: T;
  column: keyof Database[T] & string;
  writtenBy: WrittenBy;
  /** Other columns to set back when the words are cleared, so the row still makes sense. */
  resetWith?: Partial<Record<keyof Database[T] & string, string | null>>;
  /** Chosen answers rather than free text (the safety check): sealed all the same. */
  structured?: true;
}

const entry = <T extends keyof Database>(words: Words<T>): Words => words as unknown as Words;
const owner = (column: string): WrittenBy => ({ kind: "owner", column });
const writer = (column: string): WrittenBy => ({ kind: "column", column });

export const AUTHORED_WORDS: readonly Words[] = [
  entry({
    type: "agreement",
    field: "text",
    table: "agreements",
    column: "text",
    writtenBy: owner("proposed_by"),
  }),
  entry({
    type: "agreement-event",
    field: "note",
    table: "agreement_events",
    column: "note",
    writtenBy: writer("actor_id"),
  }),
  entry({
    type: "phase-move",
    field: "reason",
    table: "phase_proposals",
    column: "reason",
    writtenBy: owner("proposed_by"),
  }),
  entry({
    type: "phase-move",
    field: "reason",
    table: "phase_history",
    column: "reason",
    writtenBy: writer("reason_by"),
  }),
  entry({
    type: "talk-log",
    field: "note",
    table: "talk_logs",
    column: "note",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "parking-lot",
    field: "topic",
    table: "parking_lot",
    column: "topic",
    writtenBy: owner("raised_by"),
  }),
  entry({
    type: "intensity",
    field: "note",
    table: "intensity_entries",
    column: "note",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "stressor",
    field: "text",
    table: "stressors",
    column: "text",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "circle",
    field: "name",
    table: "circle_people",
    column: "name",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "circle",
    field: "relation",
    table: "circle_people",
    column: "relation",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "circle",
    field: "concern",
    table: "circle_people",
    column: "concern",
    writtenBy: { kind: "otherPartner", authorColumn: "author_id" },
    resetWith: { status: "proposed" },
  }),
  entry({
    type: "safety-check",
    field: "answers",
    table: "safety_checks",
    column: "answers",
    writtenBy: owner("user_id"),
    structured: true,
  }),
  // Make meaning. A story paragraph belongs to whoever proposed it, whoever wrote its current
  // version: it goes with its proposer's account. A reply (a comment, a response, an answer, a
  // mark) goes with the item it answers: without it, it would answer nothing.
  entry({
    type: "reflection",
    field: "body",
    table: "reflections",
    column: "body",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "reflection-comment",
    field: "text",
    table: "reflection_comments",
    column: "text",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "accountability-draft",
    field: "whatIDid",
    table: "accountability_drafts",
    column: "what_i_did",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "accountability-draft",
    field: "impact",
    table: "accountability_drafts",
    column: "impact",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "accountability-draft",
    field: "whyNotSooner",
    table: "accountability_drafts",
    column: "why_not_sooner",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "accountability",
    field: "whatIDid",
    table: "accountability_versions",
    column: "what_i_did",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "accountability",
    field: "impact",
    table: "accountability_versions",
    column: "impact",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "accountability",
    field: "whyNotSooner",
    table: "accountability_versions",
    column: "why_not_sooner",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "addendum",
    field: "text",
    table: "accountability_addenda",
    column: "text",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "response",
    field: "missing",
    table: "accountability_responses",
    column: "missing",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "hurt",
    field: "words",
    table: "hurt_entries",
    column: "words",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "hurt",
    field: "broken",
    table: "hurt_entries",
    column: "broken",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "question",
    field: "text",
    table: "questions",
    column: "text",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "answer",
    field: "text",
    table: "question_answers",
    column: "text",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "ask-again",
    field: "note",
    table: "question_askings",
    column: "note",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "paragraph",
    field: "text",
    table: "story_paragraphs",
    column: "text",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "mark",
    field: "note",
    table: "story_marks",
    column: "note",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "promise",
    field: "text",
    table: "promises",
    column: "text",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "promise",
    field: "noticeHow",
    table: "promises",
    column: "notice_how",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "mark",
    field: "repairNote",
    table: "promise_marks",
    column: "repair_note",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "excusal",
    field: "reason",
    table: "promise_excusals",
    column: "reason",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "checkin",
    field: "appreciation",
    table: "checkins",
    column: "appreciation",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "checkin",
    field: "concern",
    table: "checkins",
    column: "concern",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "checkin",
    field: "wish",
    table: "checkins",
    column: "wish",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "setback",
    field: "text",
    table: "setbacks",
    column: "text",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "step",
    field: "text",
    table: "setback_steps",
    column: "text",
    writtenBy: owner("author_id"),
  }),
  entry({
    type: "therapist-note",
    field: "text",
    table: "therapist_notes",
    column: "text",
    writtenBy: owner("therapist_id"),
  }),
];
