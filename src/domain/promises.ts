import { addDaysToDay, daysBetween, type IsoDay } from "./dates.ts";
import { type Cadence, dueDays, isIsoDay } from "./occurrences.ts";
import {
  type MarkOutcome,
  occurrencesPerDay,
  reliabilityInWords,
  reliabilitySeries,
} from "./reliability.ts";

/**
 * A promise's life: one partner proposes it, the other accepts it as meaningful (only then is
 * it tracked), or declines; the promiser may withdraw it while it waits. An active promise is
 * reviewed on its review day: kept (with a new review day), or retired. Changing a promise is
 * proposing its new wording as a replacement: the old one is tracked until the new one is
 * accepted, so no day falls between two promises.
 */
export const PROMISE_STATUSES = ["proposed", "active", "declined", "withdrawn", "retired"] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

export const PROMISE_KINDS = ["ordinary", "transparency"] as const;
export type PromiseKind = (typeof PROMISE_KINDS)[number];

export const SELF_MARKS = ["kept", "missed"] as const;
export type SelfMark = (typeof SELF_MARKS)[number];

export const PARTNER_VIEWS = ["saw-it", "did-not-see"] as const;
export type PartnerView = (typeof PARTNER_VIEWS)[number];

export const PROMISE_MOVES = ["accept", "decline", "withdraw", "mark", "view", "review"] as const;
export type PromiseMove = (typeof PROMISE_MOVES)[number];

/** An ordinary promise is looked at again after four weeks unless the couple choose otherwise. */
export const DEFAULT_PROMISE_REVIEW_DAYS = 28;
/** A transparency routine is time-limited: reviewed within 90 days, never open-ended. */
export const TRANSPARENCY_REVIEW_MAX_DAYS = 90;
/** The furthest an ordinary promise's review day may lie. */
export const PROMISE_REVIEW_MAX_DAYS = 180;
/** An excusal covers a trip or an illness, not a season. */
export const EXCUSAL_MAX_DAYS = 31;

/** Why `actorId` may not make `move` on a promise in `status` by `promiser`, or null. */
export function promiseMoveProblem(
  promise: { status: PromiseStatus; promiser: string },
  move: PromiseMove,
  actorId: string,
): string | null {
  const own = promise.promiser === actorId;
  switch (move) {
    case "accept":
    case "decline":
      if (promise.status !== "proposed") return "Only a promise still waiting can be answered.";
      return own ? "Your partner is the one to accept the promise you made." : null;
    case "withdraw":
      if (promise.status !== "proposed") return "Only a promise still waiting can be withdrawn.";
      return own ? null : "Only the partner who made the promise can withdraw it.";
    case "mark":
      if (promise.status !== "active") return "Only an accepted, active promise is marked.";
      return own ? null : "The partner who made the promise marks it; you can say what you saw.";
    case "view":
      if (promise.status !== "active") return "Only an accepted, active promise is marked.";
      return own ? "Your partner says what they saw; you mark your own promise." : null;
    case "review":
      return promise.status === "active" ? null : "Only an active promise is reviewed.";
  }
}

/**
 * Why a review day does not fit the promise, or null: it lies after `today`, within 90 days
 * for a transparency routine (which must have one), within 180 for any other.
 */
export function reviewDayProblem(
  kind: PromiseKind,
  reviewOn: IsoDay | undefined,
  today: IsoDay,
): string | null {
  if (reviewOn === undefined) {
    return kind === "transparency"
      ? "A transparency routine needs a review day within 90 days: it is time-limited."
      : null;
  }
  if (!isIsoDay(reviewOn)) return "Write the day as YYYY-MM-DD, and make it a real calendar day.";
  const ahead = daysBetween(today, reviewOn);
  if (ahead < 1) return "Choose a review day after today.";
  const max = kind === "transparency" ? TRANSPARENCY_REVIEW_MAX_DAYS : PROMISE_REVIEW_MAX_DAYS;
  if (ahead > max) {
    return kind === "transparency"
      ? `A transparency routine is reviewed within ${max} days; choose a day by ${addDaysToDay(today, max)}.`
      : `Choose a review day within ${max} days.`;
  }
  return null;
}

/** Why an excusal from `from` to `to` cannot be asked for on `today`, or null. */
export function excusalProblem(from: IsoDay, to: IsoDay, today: IsoDay): string | null {
  if (!isIsoDay(from) || !isIsoDay(to)) return "Write the days as YYYY-MM-DD.";
  if (daysBetween(today, from) < 0) {
    return "Days off are agreed ahead: choose a first day from today on.";
  }
  const span = daysBetween(from, to) + 1;
  if (span < 1) return "The last day comes on or after the first.";
  if (span > EXCUSAL_MAX_DAYS) {
    return `Days off cover up to ${EXCUSAL_MAX_DAYS} days; for longer, review the promise together.`;
  }
  return null;
}

export interface Occurrence {
  on: IsoDay;
  self: SelfMark | null;
  partner: PartnerView | null;
  excused: boolean;
}

export interface TrackedPromise {
  cadence: Cadence;
  /** The day tracking began: the acceptance day in the couple's zone. */
  startedOn: IsoDay;
  /** The last day tracked: today, or the day it was retired. */
  until: IsoDay;
  marks: ReadonlyArray<{ on: IsoDay; mark: SelfMark }>;
  views: ReadonlyArray<{ on: IsoDay; view: PartnerView }>;
  /** Accepted excusals. */
  excusals: ReadonlyArray<{ from: IsoDay; to: IsoDay }>;
}

/**
 * Every occurrence of a promise so far, oldest first, each with the promiser's mark and the
 * partner's view side by side. Due days come from the cadence; a situational promise has no
 * calendar, so its occurrences are the days either partner said something about.
 */
export function occurrencesOf(promise: TrackedPromise): Occurrence[] {
  const self = new Map(promise.marks.map((m) => [m.on, m.mark]));
  const partner = new Map(promise.views.map((v) => [v.on, v.view]));
  const days =
    promise.cadence.kind === "situational"
      ? [...new Set([...self.keys(), ...partner.keys()])]
          .filter((d) => daysBetween(promise.startedOn, d) >= 0)
          .sort()
      : dueDays(promise.cadence, promise.startedOn, promise.until, promise.startedOn);
  return days.map((on) => ({
    on,
    self: self.get(on) ?? null,
    partner: partner.get(on) ?? null,
    excused: promise.excusals.some(
      (e) => daysBetween(e.from, on) >= 0 && daysBetween(on, e.to) >= 0,
    ),
  }));
}

/**
 * The promiser's record, for the score. A day agreed off counts as excused unless it was kept
 * anyway. A day nobody marked is left out rather than guessed: counting it missed would punish
 * a forgotten tap, counting it kept would flatter; the wall shows it as unmarked instead.
 */
export function selfRecord(occurrences: readonly Occurrence[]): MarkOutcome[] {
  return occurrences.flatMap((o): MarkOutcome[] => {
    if (o.self === "kept") return ["kept"];
    if (o.excused) return ["excused"];
    return o.self === "missed" ? ["missed"] : [];
  });
}

/** The partner's record: what they saw, scored the same way, never blended with the promiser's. */
export function partnerRecord(occurrences: readonly Occurrence[]): MarkOutcome[] {
  return occurrences.flatMap((o): MarkOutcome[] => {
    if (o.partner === "saw-it") return ["kept"];
    if (o.excused) return ["excused"];
    return o.partner === "did-not-see" ? ["missed"] : [];
  });
}

export interface PromiseReliability {
  score: number | null;
  words: string;
  /** One point per scored occurrence: its day and the score after it. */
  series: Array<{ on: IsoDay; score: number }>;
}

/** A record's score, its words and its course over time. */
export function reliabilityOf(
  occurrences: readonly Occurrence[],
  cadence: Cadence,
  record: (occurrences: readonly Occurrence[]) => MarkOutcome[],
): PromiseReliability {
  const scored = occurrences.filter((o) => record([o]).length > 0);
  const marks = record(scored);
  const scores = reliabilitySeries(marks, occurrencesPerDay(cadence));
  return {
    score: scores.at(-1) ?? null,
    words: reliabilityInWords(marks, cadence),
    series: scored.map((o, i) => ({ on: o.on, score: scores[i] ?? 0 })),
  };
}

/** Where the two views part: days the promiser kept that the partner did not see, and back. */
export function viewsDiffer(o: Occurrence): boolean {
  if (o.self === null || o.partner === null) return false;
  return (o.self === "kept") !== (o.partner === "saw-it");
}
