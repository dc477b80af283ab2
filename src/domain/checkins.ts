import { TZDate } from "@date-fns/tz";
import { addWeeks, getISOWeek, getISOWeekYear } from "date-fns";
import { isoWeekOf } from "./questions.ts";

/**
 * The weekly check-in: each partner rates four things from 0 to 10 and writes one appreciation,
 * one concern and one wish. Neither sees the other's until both have submitted that week, so
 * each answers for themselves rather than in reply.
 */
export const CHECKIN_SCALES = ["safety", "connection", "trust", "intensity"] as const;
export type CheckinScale = (typeof CHECKIN_SCALES)[number];

export const CHECKIN_SCALE_LABELS: Record<
  CheckinScale,
  { label: string; low: string; high: string }
> = {
  safety: { label: "How emotionally safe did you feel?", low: "not safe", high: "very safe" },
  connection: { label: "How connected did you feel?", low: "far apart", high: "close" },
  trust: { label: "How much trust do you feel now?", low: "none yet", high: "a lot" },
  intensity: { label: "How intense did it feel?", low: "calm", high: "overwhelming" },
};

const WEEK = /^(\d{4})-W(\d{2})$/;

/** Whether `text` names an ISO week that exists (`2026-W53` does, `2027-W53` does not). */
export function isIsoWeek(text: string): boolean {
  const match = WEEK.exec(text);
  if (!match) return false;
  const [year, week] = [Number(match[1]), Number(match[2])];
  if (week < 1) return false;
  // 28 December is always in the year's last ISO week.
  return week <= getISOWeek(new TZDate(Date.UTC(year, 11, 28, 12), "UTC"));
}

/** The current and the previous ISO week in the couple's zone: the weeks a check-in may be for. */
export function openWeeks(now: Date, timeZone: string): { current: string; previous: string } {
  const local = new TZDate(now.getTime(), timeZone);
  const before = addWeeks(local, -1);
  return {
    current: isoWeekOf(now, timeZone),
    previous: `${getISOWeekYear(before)}-W${String(getISOWeek(before)).padStart(2, "0")}`,
  };
}

/** Why a check-in for `week` cannot be written at `now`, or null. */
export function checkinWeekProblem(week: string, now: Date, timeZone: string): string | null {
  if (!isIsoWeek(week)) return "Name the week as an ISO week, like 2026-W49.";
  const { current, previous } = openWeeks(now, timeZone);
  if (week === current || week === previous) return null;
  return `A check-in is for this week (${current}) or last week (${previous}).`;
}

/**
 * For each week both partners checked in (`weeks`, any order), oldest first, how many weeks in
 * a row it ends: each the week after the one before, across year ends (2026-W53, 2027-W01).
 */
export function weekRuns(weeks: readonly string[]): { week: string; length: number }[] {
  const sorted = [...new Set(weeks)].filter(isIsoWeek).sort();
  const runs: { week: string; length: number }[] = [];
  let length = 0;
  let previous: string | null = null;
  for (const week of sorted) {
    length = previous !== null && weekAfter(previous) === week ? length + 1 : 1;
    runs.push({ week, length });
    previous = week;
  }
  return runs;
}

/** The ISO week after `week`. */
export function weekAfter(week: string): string {
  const match = WEEK.exec(week);
  if (!match) throw new RangeError(`Not an ISO week: ${week}`);
  const [year, n] = [Number(match[1]), Number(match[2])];
  // The Thursday of week n lies in that ISO year; a week later is the Thursday of the next.
  const jan4 = new Date(Date.UTC(year, 0, 4, 12));
  const mondayOfWeek1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000;
  const nextThursday = new TZDate(mondayOfWeek1 + ((n - 1) * 7 + 3 + 7) * 86_400_000, "UTC");
  return `${getISOWeekYear(nextThursday)}-W${String(getISOWeek(nextThursday)).padStart(2, "0")}`;
}
