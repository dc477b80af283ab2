import { numberWord } from "./number-words.ts";
import type { Phase } from "./phases.ts";
import { groupByQuestion } from "./questions.ts";

/**
 * The balance guard: gentle notes when a couple in Make meaning seems to be hurrying past the
 * hard part (minimizing) or going round in circles (looping). The middle path it points to
 * lies between burying what happened and going over it without end. Everything is read from
 * dates, counts and links, never from words, and no note says which partner did what: both
 * see the same note, and it is about the couple's rhythm, not about anyone's fault.
 *
 * "In the last N days" means less than N × 24 hours before `now`: an event exactly N days old
 * has just left the window. Events dated after `now` are not counted.
 */

export interface BalanceFacts {
  now: Date;
  phase: Phase;
  /** When the couple entered its current phase (ISO). */
  phaseSince: string;
  /** Proposals to move forward (e.g. to Rebuild) the other partner answered "not yet", or that were withdrawn, with when (ISO). */
  forwardPushes: readonly string[];
  /** When meaning-making work happened (ISO): a reflection shared, a statement version or addendum, a question answered, a story paragraph or mark. */
  meaningWork: readonly string[];
  /** When a question was asked again (an ask-again, or a new question confirmed as a repeat), with the root question id. */
  askedAgain: ReadonlyArray<{ at: string; questionId: string }>;
  /**
   * Open parking-lot topics and how many times each was carried over; `since`, when known, is
   * when the topic was first carried over (ISO).
   */
  carriedOver: ReadonlyArray<{ itemId: string; times: number; since?: string }>;
}

export const BALANCE_KEYS = [
  "moving-on-fast",
  "gone-quiet",
  "same-questions",
  "topics-carried-over",
] as const;
export type BalanceKey = (typeof BALANCE_KEYS)[number];

export interface BalanceNote {
  key: BalanceKey;
  leaning: "minimizing" | "looping";
  /** What the data shows, with numbers: "Two proposals to move on in the last three weeks." */
  saw: string;
  why: string;
  tryThis: string;
  clearsWhen: string;
  /** ISO: since when the condition has held (the earliest event counted). */
  since: string;
}

/** One proposal set aside can simply be early; a second within this window reads as hurry. */
export const PUSH_WINDOW_DAYS = 21;
export const PUSH_COUNT = 2;
/** Three weeks without any meaning-making work, in the phase at least that long. */
export const QUIET_DAYS = 21;
/** Many questions asked again in a short time: looping across the ledger. */
export const ASK_AGAIN_WINDOW_DAYS = 14;
export const ASK_AGAIN_COUNT = 3;
/** One question asked again this often within four weeks: looping on a single point. */
export const SAME_QUESTION_WINDOW_DAYS = 28;
export const SAME_QUESTION_COUNT = 3;
/** An open topic moved to the next talk time this many times is being postponed, not parked. */
export const CARRIED_OVER_TIMES = 3;

const DAY_MS = 86_400_000;

/** The notes that hold now, in a fixed order; none outside Make meaning. */
export function balanceNotes(facts: BalanceFacts): BalanceNote[] {
  if (facts.phase !== "meaning") return [];
  return [
    movingOnFast(facts),
    goneQuiet(facts),
    sameQuestions(facts),
    topicsCarriedOver(facts),
  ].filter((note) => note !== null);
}

function movingOnFast(facts: BalanceFacts): BalanceNote | null {
  const pushes = facts.forwardPushes.filter((at) => inLast(facts.now, PUSH_WINDOW_DAYS, at));
  if (pushes.length < PUSH_COUNT) return null;
  return {
    key: "moving-on-fast",
    leaning: "minimizing",
    saw: `${capitalized(numberWord(pushes.length))} proposals to move on in the last ${weeks(PUSH_WINDOW_DAYS)}, each one set aside for now.`,
    why: "Wanting the hardest part to be over is natural, for both of you. Moving on before you understand what happened tends to bury it rather than settle it; the middle path is a pace at which understanding can catch up, without going over every detail forever.",
    tryThis:
      "Before proposing again, choose one thing that still feels unclear, a reflection or an open question, and give it your next talk time. Then ask each other: what would we need to understand for moving on to feel right to both of us?",
    clearsWhen: `When the last ${weeks(PUSH_WINDOW_DAYS)} hold fewer than ${numberWord(PUSH_COUNT)} such proposals, or when you both agree to move on.`,
    since: earliest(pushes),
  };
}

/** Quiet is counted from the last work, or from the start of the phase if that is later. */
function goneQuiet(facts: BalanceFacts): BalanceNote | null {
  const lastWork = latest(facts.meaningWork.filter((at) => notAfter(facts.now, at)));
  const workedInPhase = lastWork !== undefined && time(lastWork) > time(facts.phaseSince);
  const since = workedInPhase ? lastWork : facts.phaseSince;
  const days = Math.floor((facts.now.getTime() - time(since)) / DAY_MS);
  if (days < QUIET_DAYS) return null;
  return {
    key: "gone-quiet",
    leaning: "minimizing",
    saw: workedInPhase
      ? `Nothing new in Make meaning for ${days} days: no reflection shared, no question answered, no change to the statement or the story.`
      : `Nothing new in Make meaning since this phase began ${days} days ago.`,
    why: "A pause can be rest, and rest is allowed. A long silence can also be a way of hoping it fades by itself. Understanding tends to grow in small, steady steps: not all at once, and not by leaving it alone.",
    tryThis:
      "This week, each choose one reflection prompt and write for ten minutes. It stays private until you decide to share it.",
    clearsWhen:
      "As soon as there is new meaning-making work: a reflection shared, a question answered, or a change to the statement or the story.",
    since,
  };
}

function sameQuestions(facts: BalanceFacts): BalanceNote | null {
  const recent = facts.askedAgain.filter((a) => inLast(facts.now, ASK_AGAIN_WINDOW_DAYS, a.at));
  const burst = recent.length >= ASK_AGAIN_COUNT ? recent : [];
  const returning = [
    ...groupByQuestion(
      facts.askedAgain.filter((a) => inLast(facts.now, SAME_QUESTION_WINDOW_DAYS, a.at)),
      (a) => a.questionId,
    ).values(),
  ].filter((askings) => askings.length >= SAME_QUESTION_COUNT);
  if (burst.length === 0 && returning.length === 0) return null;
  const saw = [
    burst.length > 0
      ? `Questions were asked again ${numberWord(burst.length)} times in the last ${weeks(ASK_AGAIN_WINDOW_DAYS)}.`
      : null,
    returning.length > 0 ? returningSentence(returning) : null,
  ].filter((sentence) => sentence !== null);
  return {
    key: "same-questions",
    leaning: "looping",
    saw: saw.join(" "),
    why: "A question that comes back usually means its answer has not brought calm yet, not that anyone is doing it wrong. Going round the same ground can keep the hurt raw without adding understanding; the middle path is to find out what is still missing, and to let a question go once it no longer needs answering.",
    tryThis:
      "At your next talk time, take one question that keeps returning and ask together: what would help this answer settle? Sometimes it is a detail; often it is feeling believed or understood. Letting a question go does not mean it did not matter.",
    clearsWhen: `When the last ${weeks(ASK_AGAIN_WINDOW_DAYS)} hold fewer than ${numberWord(ASK_AGAIN_COUNT)} questions asked again, and no question was asked again ${numberWord(SAME_QUESTION_COUNT)} times in ${weeks(SAME_QUESTION_WINDOW_DAYS)}.`,
    since: earliest([...burst, ...returning.flat()].map((a) => a.at)),
  };
}

function returningSentence(returning: ReadonlyArray<readonly unknown[]>): string {
  const window = `in the last ${weeks(SAME_QUESTION_WINDOW_DAYS)}`;
  const [only] = returning;
  if (returning.length === 1 && only) {
    return `One question was asked again ${numberWord(only.length)} times ${window}.`;
  }
  return `${capitalized(numberWord(returning.length))} questions were each asked again ${numberWord(SAME_QUESTION_COUNT)} times or more ${window}.`;
}

/** Topics whose first carry-over is unknown are dated from the start of the phase. */
function topicsCarriedOver(facts: BalanceFacts): BalanceNote | null {
  const stuck = facts.carriedOver.filter((item) => item.times >= CARRIED_OVER_TIMES);
  const [only] = stuck;
  if (only === undefined) return null;
  return {
    key: "topics-carried-over",
    leaning: "looping",
    saw:
      stuck.length === 1
        ? `One open topic has been carried over ${numberWord(only.times)} times.`
        : `${capitalized(numberWord(stuck.length))} open topics have each been carried over ${numberWord(CARRIED_OVER_TIMES)} times or more.`,
    why: "A topic that keeps moving to the next talk time may be too big for one conversation, or hard to begin. Postponed again and again, it is neither talked through nor set down; the middle path is to give it a real place, and then let it rest.",
    tryThis:
      "Give the topic a talk time of its own, or start with one small part of it. If it still will not move, it may be a good one to bring to a therapist.",
    clearsWhen: `When every topic carried over ${numberWord(CARRIED_OVER_TIMES)} times or more has been talked through and marked discussed.`,
    since: earliest(stuck.map((item) => item.since ?? facts.phaseSince)),
  };
}

// --- helpers -------------------------------------------------------------------------------

function time(iso: string): number {
  return Date.parse(iso);
}

function notAfter(now: Date, iso: string): boolean {
  return time(iso) <= now.getTime();
}

function inLast(now: Date, days: number, iso: string): boolean {
  return notAfter(now, iso) && now.getTime() - time(iso) < days * DAY_MS;
}

/** Callers pass at least one date. */
function earliest(isos: readonly string[]): string {
  return isos.reduce((first, iso) => (time(iso) < time(first) ? iso : first));
}

function latest(isos: readonly string[]): string | undefined {
  return isos.length === 0
    ? undefined
    : isos.reduce((last, iso) => (time(iso) > time(last) ? iso : last));
}

/** The windows are whole weeks, and read better as such. */
function weeks(days: number): string {
  const n = Math.round(days / 7);
  return n === 1 ? "week" : `${numberWord(n)} weeks`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
