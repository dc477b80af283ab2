import { TZDate } from "@date-fns/tz";
import { getISOWeek, getISOWeekYear } from "date-fns";

/**
 * The question ledger's life cycle. One partner asks; the other answers in writing or defers
 * the question to the next talk; the asker may ask again after an answer (counted: that is how
 * looping shows) or let it go, which is the middle path between burying a question and asking
 * it for ever. Who may see a question is the access scope's job; this knows who may move it.
 */
export const QUESTION_STATES = ["open", "answered", "asked-again", "let-go"] as const;
export type QuestionState = (typeof QUESTION_STATES)[number];

export const QUESTION_MOVES = ["answer", "defer", "ask-again", "let-go"] as const;
export type QuestionMove = (typeof QUESTION_MOVES)[number];

export interface QuestionFacts {
  state: QuestionState;
  askedBy: string;
}

/** Where a move leaves the question; a deferral keeps it waiting for its answer. */
export function stateAfter(move: QuestionMove, state: QuestionState): QuestionState {
  if (move === "answer") return "answered";
  if (move === "ask-again") return "asked-again";
  if (move === "let-go") return "let-go";
  return state;
}

/** Why `actorId` cannot make this move now, or null when they can. */
export function questionMoveProblem(
  question: QuestionFacts,
  move: QuestionMove,
  actorId: string,
): string | null {
  const asker = question.askedBy === actorId;
  if (question.state === "let-go") return "This question was let go, so it is closed now.";
  if (move === "answer" || move === "defer") {
    if (asker) return "Your partner answers the questions you ask.";
    if (question.state === "answered") {
      return move === "answer"
        ? "This question has an answer already. If it is asked again, you can answer again."
        : "This question has an answer already.";
    }
    return null;
  }
  if (!asker) return "Only the person who asked can do this.";
  if (move === "ask-again" && question.state !== "answered") {
    return "A question can be asked again once it has an answer.";
  }
  return null;
}

/** The ISO week (`2026-W49`) an instant falls in, counted in the couple's zone. */
export function isoWeekOf(at: Date, timeZone: string): string {
  const local = new TZDate(at.getTime(), timeZone);
  return `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, "0")}`;
}

export interface LedgerEvent {
  kind: "asked" | "asked-again" | "answered" | "let-go";
  at: string;
}

export interface LedgerWeek {
  week: string;
  asked: number;
  askedAgain: number;
  answered: number;
  letGo: number;
}

const FIELD = {
  asked: "asked",
  "asked-again": "askedAgain",
  answered: "answered",
  "let-go": "letGo",
} as const satisfies Record<LedgerEvent["kind"], keyof Omit<LedgerWeek, "week">>;

/** Weekly counts of the ledger, oldest week first: looping and letting go, made visible. */
export function ledgerWeeks(events: readonly LedgerEvent[], timeZone: string): LedgerWeek[] {
  const weeks = new Map<string, LedgerWeek>();
  for (const event of events) {
    const week = isoWeekOf(new Date(event.at), timeZone);
    const row = weeks.get(week) ?? { week, asked: 0, askedAgain: 0, answered: 0, letGo: 0 };
    row[FIELD[event.kind]] += 1;
    weeks.set(week, row);
  }
  return [...weeks.values()].sort((a, b) => a.week.localeCompare(b.week));
}

/** Items that belong to a question, by its id, in the order given (Node 20 has no Map.groupBy). */
export function groupByQuestion<T>(
  items: readonly T[],
  questionOf: (item: T) => string,
): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const item of items) {
    const id = questionOf(item);
    const group = grouped.get(id);
    if (group) group.push(item);
    else grouped.set(id, [item]);
  }
  return grouped;
}
