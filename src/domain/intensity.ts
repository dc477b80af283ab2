import { addDaysToDay, type IsoDay } from "./dates.ts";
import { isValidTimeZone, localTimeIn } from "./schedule.ts";

/**
 * The daily intensity check: each partner rates "how intense does it feel today" from 0 (calm)
 * to 10 (overwhelming). Stabilize aims to bring this down, so the readiness checklist and the
 * charts read its trend. Days are the partner's own local calendar days, never UTC days: a
 * intensity check at 00:30 in Berlin belongs to the day it was written on there.
 */

/** Lowest rating: calm. */
export const INTENSITY_MIN = 0;
/** Highest rating: as intense as it gets. */
export const INTENSITY_MAX = 10;

/** Days the trend looks back over by default: two weeks, compared week against week. */
export const TREND_DAYS = 14;
/** Fewer intensity checks than this, and one hard day would decide the trend on its own. */
export const TREND_MIN_CHECKS = 4;
/** At or below this average things feel calm enough that the direction no longer matters. */
export const TREND_LOW_MEAN = 3;
/** Week-to-week moves smaller than this are day-to-day noise on a 0–10 self-rating. */
export const TREND_MEANINGFUL_CHANGE = 1;

/**
 * How far back the long run looks: the first week of the last six. A fall this large from then
 * to this week is easing, whatever the last fortnight did week against week.
 */
export const LONG_RUN_DAYS = 42;
export const LONG_RUN_MEANINGFUL_FALL = 2;

export const TREND_STATUSES = ["low", "easing", "steady", "rising", "not-enough-data"] as const;
export type TrendStatus = (typeof TREND_STATUSES)[number];

export interface IntensityEntry {
  value: number;
  at: Date;
}

/** One local calendar day of a chart: the day's mean, or null when nobody checked in. */
export interface DailyPoint {
  day: IsoDay;
  value: number | null;
}

export interface IntensityTrend {
  status: TrendStatus;
  /** Mean of the recent half of the window (the last 7 days by default), 1 decimal. */
  recentMean: number | null;
  /** Mean of the half before it (the 7 days before that by default), 1 decimal. */
  earlierMean: number | null;
  /** Mean of the whole window, 1 decimal. */
  windowMean: number | null;
  /** Mean of the first week of the long run (six weeks back), 1 decimal; null without data. */
  longAgoMean: number | null;
  /** Intensity checks inside the window. */
  checks: number;
  /** Length of the window in days. */
  days: number;
}

/** A rating the check accepts: a whole number from 0 to 10. */
export function isIntensityValue(value: number): boolean {
  return Number.isInteger(value) && value >= INTENSITY_MIN && value <= INTENSITY_MAX;
}

/**
 * One point per local calendar day from the day containing `from` to the day containing `to`,
 * both included: the mean of that day's intensity checks to one decimal, or null where there is none.
 * An entry counts when its local day is in that range. A reversed range gives [].
 */
export function dailySeries(
  entries: readonly IntensityEntry[],
  timeZone: string,
  from: Date,
  to: Date,
): DailyPoint[] {
  requireValidZone(timeZone);
  const firstDay = localDay(from, timeZone);
  const lastDay = localDay(to, timeZone);
  const byDay = groupByLocalDay(entries, timeZone);
  const points: DailyPoint[] = [];
  for (let day = firstDay; day <= lastDay; day = addDaysToDay(day, 1)) {
    const values = byDay.get(day);
    points.push({ day, value: values ? roundToTenth(mean(values)) : null });
  }
  return points;
}

/**
 * Which way intensity is heading over the last `days` local days (today included), in words a
 * person can check against their own memory:
 * - `not-enough-data` with fewer than 4 intensity checks in the window, or when one of the two halves
 *   being compared has none;
 * - `low` when the window's mean is 3 or less — calm enough, whatever the direction;
 * - otherwise the recent half (the last 7 days) is compared with the half before it:
 *   `easing` if the mean dropped by 1 or more, `rising` if it rose by 1 or more, else `steady`.
 *
 * Each day counts once: a day with several intensity checks contributes the mean of that day, so a
 * hard day with many intensity checks does not outweigh calmer days with one. The comparison uses the
 * means rounded to one decimal, exactly as `trendSentence` shows them, so the status always
 * matches the numbers a person sees. Intensity checks after `now` are ignored. `days` must be even,
 * so that the two halves are the same length; a RangeError says otherwise.
 */
export function intensityTrend(
  entries: readonly IntensityEntry[],
  now: Date,
  timeZone: string,
  days: number = TREND_DAYS,
): IntensityTrend {
  requireValidZone(timeZone);
  if (!Number.isInteger(days) || days < 2 || days % 2 !== 0) {
    throw new RangeError("A trend window is an even number of whole days, split in two halves.");
  }
  const recentDays = days / 2;
  const today = localDay(now, timeZone);
  const windowStart = addDaysToDay(today, -(days - 1));
  const recentStart = addDaysToDay(today, -(recentDays - 1));

  const inWindow = entries.filter(
    (entry) => entry.at.getTime() <= now.getTime() && localDay(entry.at, timeZone) >= windowStart,
  );
  const dailyMeans = [...groupByLocalDay(inWindow, timeZone)].map(([day, values]) => ({
    day,
    value: mean(values),
  }));
  const meanOf = (points: { value: number }[]): number | null =>
    points.length === 0 ? null : roundToTenth(mean(points.map((point) => point.value)));

  const longStart = addDaysToDay(today, -(LONG_RUN_DAYS - 1));
  const longWeekEnd = addDaysToDay(longStart, 6);
  const longAgo = [
    ...groupByLocalDay(
      entries.filter((entry) => {
        const day = localDay(entry.at, timeZone);
        return entry.at.getTime() <= now.getTime() && day >= longStart && day <= longWeekEnd;
      }),
      timeZone,
    ),
  ].map(([day, values]) => ({ day, value: mean(values) }));

  const trend = {
    recentMean: meanOf(dailyMeans.filter((point) => point.day >= recentStart)),
    earlierMean: meanOf(dailyMeans.filter((point) => point.day < recentStart)),
    windowMean: meanOf(dailyMeans),
    // Two days at least, so one hard day six weeks ago does not make a fall on its own.
    longAgoMean: longAgo.length >= 2 ? meanOf(longAgo) : null,
    checks: inWindow.length,
    days,
  };
  return { status: trendStatus(trend), ...trend };
}

function trendStatus(trend: Omit<IntensityTrend, "status">): TrendStatus {
  if (trend.checks < TREND_MIN_CHECKS || trend.windowMean === null) return "not-enough-data";
  if (tenths(trend.windowMean) <= tenths(TREND_LOW_MEAN)) return "low";
  if (trend.recentMean === null || trend.earlierMean === null) return "not-enough-data";
  // Whole tenths, so that 6.1 → 5.1 counts as the full drop of 1 it looks like.
  const change = tenths(trend.recentMean) - tenths(trend.earlierMean);
  if (change <= -tenths(TREND_MEANINGFUL_CHANGE)) return "easing";
  if (change >= tenths(TREND_MEANINGFUL_CHANGE)) return "rising";
  return fellOverTheWeeks(trend) ? "easing" : "steady";
}

/** This week well below the first week of the last six: easing in the long run. */
function fellOverTheWeeks(trend: Omit<IntensityTrend, "status">): boolean {
  if (trend.longAgoMean === null || trend.recentMean === null) return false;
  return tenths(trend.longAgoMean) - tenths(trend.recentMean) >= tenths(LONG_RUN_MEANINGFUL_FALL);
}

/** A short plain sentence for the screen, e.g. "Easing: about 6.1 a week ago, 4.3 this week." */
export function trendSentence(trend: IntensityTrend): string {
  const words = periodWords(trend.days / 2);
  const compared = `about ${oneDecimal(trend.earlierMean)} ${words.earlier}, ${oneDecimal(trend.recentMean)} ${words.recent}.`;
  switch (trend.status) {
    case "low":
      return `Low: about ${oneDecimal(trend.windowMean)} on average over the last ${trend.days} days.`;
    case "easing":
      return tenths(trend.earlierMean ?? 0) - tenths(trend.recentMean ?? 0) >=
        tenths(TREND_MEANINGFUL_CHANGE)
        ? `Easing: ${compared}`
        : `Easing over the weeks: about ${oneDecimal(trend.longAgoMean)} six weeks ago, ${oneDecimal(trend.recentMean)} ${words.recent}.`;
    case "rising":
      return `Rising: ${compared}`;
    case "steady":
      return `Steady: ${compared}`;
    case "not-enough-data":
      if (trend.checks < TREND_MIN_CHECKS) {
        return `Not enough intensity checks yet to show a trend: ${trend.checks} in the last ${trend.days} days, and a trend needs ${TREND_MIN_CHECKS}.`;
      }
      return `Nothing to compare with yet: no intensity checks ${trend.recentMean === null ? words.recent : words.earlierPeriod}.`;
  }
}

function periodWords(halfDays: number): { recent: string; earlier: string; earlierPeriod: string } {
  if (halfDays === 7) {
    return { recent: "this week", earlier: "a week ago", earlierPeriod: "in the week before" };
  }
  return {
    recent: `in the last ${halfDays} days`,
    earlier: `in the ${halfDays} days before`,
    earlierPeriod: `in the ${halfDays} days before`,
  };
}

// --- helpers -------------------------------------------------------------------------------

function localDay(at: Date, timeZone: string): IsoDay {
  return localTimeIn(at, timeZone).dateLabel;
}

function groupByLocalDay(
  entries: readonly IntensityEntry[],
  timeZone: string,
): Map<IsoDay, number[]> {
  const byDay = new Map<IsoDay, number[]>();
  for (const entry of entries) {
    const day = localDay(entry.at, timeZone);
    const values = byDay.get(day);
    if (values) values.push(entry.value);
    else byDay.set(day, [entry.value]);
  }
  return byDay;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function roundToTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

function tenths(value: number): number {
  return Math.round(value * 10);
}

function oneDecimal(value: number | null): string {
  return value === null ? "–" : value.toFixed(1);
}

function requireValidZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
}
