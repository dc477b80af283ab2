import { numberWord } from "./number-words.ts";
import type { Cadence } from "./occurrences.ts";

/**
 * How reliably a promise is being kept, as a score from 0 to 1 that follows Loop Habit
 * Tracker's habit strength: every occurrence pulls the score a little toward 1 (kept) or 0
 * (missed), so one lapse dents months of keeping without wiping them out, and trust shown
 * recently counts more than trust shown long ago.
 */
export type MarkOutcome = "kept" | "missed" | "excused";

/** Days for a daily promise's score to move halfway to where its recent marks point. */
export const HALF_LIFE_DAYS = 13;

/**
 * One score after each mark: `score = previous · m + (kept ? 1 : 0) · (1 − m)` with
 * `m = 0.5 ^ (1 / (13 · √occurrencesPerDay))`. An excused occurrence was agreed off ahead of
 * time, so it leaves the score as it was. `start` (default 0) lets a series continue from a
 * known score. Throws a RangeError for a rate that is not positive or a start outside 0–1.
 */
export function reliabilitySeries(
  marks: readonly MarkOutcome[],
  occurrencesPerDay: number,
  start = 0,
): number[] {
  const m = decayPerOccurrence(occurrencesPerDay);
  if (!(start >= 0 && start <= 1)) throw new RangeError(`A score lies in 0–1, not ${start}.`);
  let score = start;
  return marks.map((mark) => {
    if (mark !== "excused") score = score * m + (mark === "kept" ? 1 : 0) * (1 - m);
    return score;
  });
}

/**
 * The half-life counted in occurrences grows with the square root of the rate, as in Loop Habit
 * Tracker: a fixed 13 occurrences would take a weekly promise a quarter of a year to recover
 * from a miss, a fixed 13 days would let it forget one within two occurrences; the root lands
 * between, at about five weeks.
 */
function decayPerOccurrence(occurrencesPerDay: number): number {
  if (!(occurrencesPerDay > 0 && Number.isFinite(occurrencesPerDay))) {
    throw new RangeError(`A promise must fall due now and then, not ${occurrencesPerDay} a day.`);
  }
  return 0.5 ** (1 / (HALF_LIFE_DAYS * Math.sqrt(occurrencesPerDay)));
}

/**
 * How often a promise falls due, for `reliabilitySeries`; a weekday listed twice counts once.
 * A weekdays promise with no days gives 0, which `reliabilitySeries` refuses: it never falls
 * due, so there is nothing to score.
 */
export function occurrencesPerDay(cadence: Cadence): number {
  return occurrencesPerWeek(cadence) / 7;
}

/**
 * Situational promises count as weekly. They fall due when their situation arises, which no
 * calendar knows; once a week is a middling guess for "when I'm running late" or "when my ex
 * writes", and it gives each mark a weekly promise's weight — one miss takes 1.0 to 0.868 — so
 * a single lapse shows without sinking the score, however rarely the situation comes up.
 */
function occurrencesPerWeek(cadence: Cadence): number {
  switch (cadence.kind) {
    case "daily":
      return 7;
    case "weekdays":
      return new Set(cadence.days).size;
    case "weekly":
      return Math.max(1, new Set(cadence.days).size);
    case "situational":
      return 1;
  }
}

/** Fewer kept marks than this, with no miss among them, is too little to describe yet. */
export const JUST_STARTING_MARKS = 3;
/** A run of kept marks covering this many weeks of the cadence reads as steady. */
export const STEADY_WEEKS = 2;
/** Misses within this many weeks of the cadence (counted in its occurrences) are "lately". */
export const RECENT_WEEKS = 4;
/** A lone recent miss "dented" the score only if the score had reached this before it. */
export const DENTED_FROM_SCORE = 0.5;

/**
 * A short, warm sentence for a promise's record, for people who should not have to read a
 * score. `marks` rather than the scores, because a score cannot tell a miss from an excusal at
 * 0, nor a kept mark from an excusal at 1. First rule that fits wins:
 *
 * 1. fewer than JUST_STARTING_MARKS kept and no miss: "Just starting";
 * 2. the current run of kept marks (excusals neither break nor lengthen it) covers STEADY_WEEKS
 *    or more: "Steady for three weeks" ("Kept the last three times" when situational, whose
 *    occurrences are no measure of time);
 * 3. the latest kept-or-missed mark is a miss: "Missed last time; the next one lifts it again";
 * 4. two or more misses within RECENT_WEEKS: "A few misses lately; each kept one lifts it again";
 * 5. one miss within RECENT_WEEKS, the score having reached DENTED_FROM_SCORE before it: "One
 *    miss dented it; it is recovering";
 * 6. otherwise: "Building up".
 */
export function reliabilityInWords(
  marks: readonly MarkOutcome[],
  cadence: Cadence,
  start = 0,
): string {
  const series = reliabilitySeries(marks, occurrencesPerDay(cadence), start);
  const perWeek = occurrencesPerWeek(cadence);
  const decisive = marks.filter((mark) => mark !== "excused");
  const run = keptRun(decisive);
  if (run === decisive.length && run < JUST_STARTING_MARKS) return "Just starting";
  const steadyWeeks = Math.floor(run / perWeek);
  if (steadyWeeks >= STEADY_WEEKS) {
    return cadence.kind === "situational"
      ? `Kept the last ${numberWord(run)} times`
      : `Steady for ${numberWord(steadyWeeks)} weeks`;
  }
  if (run === 0) return "Missed last time; the next one lifts it again";
  const recentFrom = Math.max(0, marks.length - RECENT_WEEKS * perWeek);
  const recentMisses = marks.slice(recentFrom).filter((mark) => mark === "missed").length;
  if (recentMisses >= 2) return "A few misses lately; each kept one lifts it again";
  const lastMiss = marks.lastIndexOf("missed");
  const beforeMiss = lastMiss > 0 ? (series[lastMiss - 1] ?? start) : start;
  if (recentMisses === 1 && beforeMiss >= DENTED_FROM_SCORE) {
    return "One miss dented it; it is recovering";
  }
  return "Building up";
}

function keptRun(decisive: readonly MarkOutcome[]): number {
  const lastMiss = decisive.lastIndexOf("missed");
  return decisive.length - 1 - lastMiss;
}

/**
 * The couple's reliability: the mean of each promise's latest score, weighted by `weight`
 * (default 1); null when no promise has a mark yet. Unmarked promises are left out rather than
 * counted as 0, so a promise made today does not pull the couple's figure down.
 */
export function coupleReliability(
  perPromise: ReadonlyArray<{ series: readonly number[]; weight?: number }>,
): number | null {
  let weighted = 0;
  let totalWeight = 0;
  for (const { series, weight = 1 } of perPromise) {
    const latest = series.at(-1);
    if (latest === undefined) continue;
    if (!(weight >= 0 && Number.isFinite(weight))) {
      throw new RangeError(`A weight is a finite number of at least 0, not ${weight}.`);
    }
    weighted += latest * weight;
    totalWeight += weight;
  }
  return totalWeight > 0 ? weighted / totalWeight : null;
}
