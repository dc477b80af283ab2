import { isUnopened } from "../../../client/sealing.ts";
import type { Question } from "../../../contracts/questions.ts";
import { closeQuestions } from "../../../domain/question-similarity.ts";
import { type QuestionMove, questionMoveProblem } from "../../../domain/questions.ts";

/** The ledger as the viewer reads it: what waits (theirs to answer, or their own), then the rest. */
export interface QuestionGroups {
  /** The partner's questions waiting for the viewer's answer, the longest waiting first. */
  toAnswer: Question[];
  /** The viewer's own questions waiting for the partner, the longest waiting first. */
  waitingForPartner: Question[];
  /** The latest answer first. */
  answered: Question[];
  /** The latest let go first. */
  letGo: Question[];
}

/** The latest of ISO timestamps (they sort as text). */
function latestOf(first: string, rest: readonly string[]): string {
  return rest.reduce((latest, at) => (at.localeCompare(latest) > 0 ? at : latest), first);
}

/** When a question last began waiting: asked, or asked again. */
export function waitingSince(question: Question): string {
  return latestOf(
    question.askedAt,
    question.askedAgain.map((asking) => asking.at),
  );
}

function lastAnswerAt(question: Question): string {
  return latestOf(
    question.askedAt,
    question.answers.map((answer) => answer.at),
  );
}

export function groupQuestions(questions: readonly Question[]): QuestionGroups {
  const waiting = questions
    .filter((q) => q.state === "open" || q.state === "asked-again")
    .sort((a, b) => waitingSince(a).localeCompare(waitingSince(b)));
  return {
    toAnswer: waiting.filter((q) => !q.mine),
    waitingForPartner: waiting.filter((q) => q.mine),
    answered: questions
      .filter((q) => q.state === "answered")
      .sort((a, b) => lastAnswerAt(b).localeCompare(lastAnswerAt(a))),
    letGo: questions
      .filter((q) => q.state === "let-go")
      .sort((a, b) => (b.letGoAt ?? "").localeCompare(a.letGoAt ?? "")),
  };
}

export type HistoryEntry =
  | { kind: "answer"; id: string; at: string; by: string; text: string }
  | { kind: "asked-again"; id: string; at: string; note: string | undefined }
  | { kind: "let-go"; id: string; at: string };

/** What happened to a question after it was asked, in the order it happened. */
export function questionHistory(question: Question): HistoryEntry[] {
  const entries: HistoryEntry[] = [
    ...question.answers.map((a) => ({
      kind: "answer" as const,
      id: a.id,
      at: a.at,
      by: a.by,
      text: a.text,
    })),
    ...question.askedAgain.map((a) => ({
      kind: "asked-again" as const,
      id: a.id,
      at: a.at,
      note: a.note,
    })),
    ...(question.letGoAt ? [{ kind: "let-go" as const, id: "let-go", at: question.letGoAt }] : []),
  ];
  // Stable: at the same instant an answer stays before the asking that followed it.
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

/** "Asked twice", "Asked 3 times"; nothing for a question asked once. */
export function timesAskedLabel(times: number): string | null {
  if (times <= 1) return null;
  return times === 2 ? "Asked twice" : `Asked ${times} times`;
}

/** From how many askings a question's card mentions, gently, that it keeps coming back. */
export const COMING_BACK_NOTICE = 3;

const DEFER_PREFIX = "A question to talk about: ";

/** The parking-lot topic a deferred question starts as, within the topic's length. */
export function deferTopic(text: string, max: number): string {
  if (isUnopened(text)) return DEFER_PREFIX.trim().replace(/:$/, "");
  const full = `${DEFER_PREFIX}${text.trim()}`;
  if (full.length <= max) return full;
  const cut = full.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${lastSpace > DEFER_PREFIX.length ? cut.slice(0, lastSpace) : cut}…`;
}

/** Earlier questions close to a draft, best first; words that did not open compare with nothing. */
export function closeEarlier(draft: string, questions: readonly Question[], limit = 3) {
  const readable = questions
    .filter((q) => !isUnopened(q.text))
    // On equal scores the newer question is the one to show.
    .sort((a, b) => b.askedAt.localeCompare(a.askedAt));
  return closeQuestions(draft, readable, limit).map((close) => close.item);
}

/**
 * How asking a close earlier question again works: one's own answered question is asked again
 * in place (its answers stay with it); any other is sent as a new question linked to it.
 */
export function askAgainWay(earlier: Question, meId: string): "in-place" | "linked" {
  return questionMoveProblem(earlier, "ask-again", meId) === null ? "in-place" : "linked";
}

/** The moves the viewer may make on a question now, in the order they are offered. */
export function movesFor(question: Question, meId: string): QuestionMove[] {
  const order: QuestionMove[] = ["answer", "defer", "ask-again", "let-go"];
  return order.filter((move) => {
    // Deferred once is enough: it already waits in the parking lot.
    if (move === "defer" && question.deferredTo) return false;
    return questionMoveProblem(question, move, meId) === null;
  });
}

type NameOf = (id: string, options?: { capital?: boolean }) => string;

/**
 * What happened to a question between two readings of it, in sentences; empty when nothing did.
 * Said when a screen turns out to be stale, so the person knows what they are now looking at.
 */
export function whatChanged(before: Question, after: Question, nameOf: NameOf): string[] {
  const asker = nameOf(after.askedBy, { capital: true });
  const changes: string[] = [];
  const newAnswers = after.answers.filter((a) => !before.answers.some((b) => b.id === a.id));
  const lastNew = newAnswers.at(-1);
  if (lastNew) changes.push(`${nameOf(lastNew.by, { capital: true })} answered it.`);
  if (after.askedAgain.length > before.askedAgain.length) {
    changes.push(`${asker} asked it again.`);
  }
  if (after.deferredTo && after.deferredTo !== before.deferredTo) {
    changes.push("It's been kept for your next talk time.");
  }
  if (after.state === "let-go" && before.state !== "let-go") {
    changes.push(`${asker} let it go.`);
  }
  return changes;
}
