import type { Checkin, CheckinWeek } from "../../../contracts/checkins.ts";
import type { CheckinScale } from "../../../domain/checkins.ts";
import { lazyDateFormat } from "../../ui/format.ts";

const DAY_MS = 86_400_000;
const WEEK = /^(\d{4})-W(\d{2})$/;

/** The Monday and Sunday of an ISO week (`2026-W49`) as calendar days, or null if malformed. */
export function daysOfWeek(week: string): { monday: string; sunday: string } | null {
  const match = WEEK.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2]);
  if (number < 1 || number > 53) return null;
  // 4 January always lies in week 1.
  const fourth = Date.UTC(year, 0, 4);
  const back = (new Date(fourth).getUTCDay() + 6) % 7;
  const monday = fourth - back * DAY_MS + (number - 1) * 7 * DAY_MS;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { monday: day(monday), sunday: day(monday + 6 * DAY_MS) };
}

const rangeFormat = lazyDateFormat({
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "30 Nov – 6 Dec 2026": the week's days, as the viewer's language writes a range. */
export function weekRange(week: string): string {
  const days = daysOfWeek(week);
  if (!days) return week;
  const at = (day: string) => new Date(`${day}T12:00:00Z`);
  return rangeFormat().formatRange(at(days.monday), at(days.sunday));
}

/** The week's answers as the reply has them, or an empty week when nobody has written yet. */
export function weekIn(weeks: readonly CheckinWeek[], week: string): CheckinWeek {
  return (
    weeks.find((w) => w.week === week) ?? {
      week,
      mine: null,
      theirs: null,
      partnerSubmitted: false,
    }
  );
}

/**
 * Where a week stands for the viewer: both answers side by side; the viewer's own, still theirs
 * to change while the partner has not sent one; or nothing from the viewer yet.
 */
export type WeekState = "revealed" | "mine-open" | "to-write";

export function weekState(week: CheckinWeek): WeekState {
  if (week.mine && (week.theirs || week.partnerSubmitted)) return "revealed";
  return week.mine ? "mine-open" : "to-write";
}

/**
 * The weeks to look back on, newest first: every week the reply has except those still shown
 * as open above them (this week always; last week while it can still be written or changed).
 */
export function pastWeeks(
  weeks: readonly CheckinWeek[],
  currentWeek: string,
  previousWeek: string,
): CheckinWeek[] {
  const previousOpen = weekState(weekIn(weeks, previousWeek)) !== "revealed";
  return weeks
    .filter((w) => w.week !== currentWeek && !(previousOpen && w.week === previousWeek))
    .filter((w) => w.mine || w.partnerSubmitted)
    .toSorted((a, b) => b.week.localeCompare(a.week));
}

export interface TrendPoint {
  week: string;
  mine: number;
  theirs: number;
}

/** One scale across the weeks both answered, oldest first: only revealed weeks are drawn. */
export function trendPoints(weeks: readonly CheckinWeek[], scale: CheckinScale): TrendPoint[] {
  return weeks
    .flatMap((w) =>
      w.mine && w.theirs ? [{ week: w.week, mine: w.mine[scale], theirs: w.theirs[scale] }] : [],
    )
    .toSorted((a, b) => a.week.localeCompare(b.week));
}

/**
 * One person's answers on a scale in a sentence: the latest, and how it compares with the week
 * before. It names the direction only, never whether it is good: for intensity, higher is harder.
 */
export function trendSentence(values: readonly number[]): string {
  const latest = values.at(-1);
  if (latest === undefined) return "No answers side by side yet.";
  const before = values.at(-2);
  if (before === undefined) return `${latest} of 10, the first week side by side.`;
  if (latest === before) return `${latest} of 10, the same as the week before.`;
  return `${latest} of 10, ${latest > before ? "up" : "down"} from ${before} the week before.`;
}

/** The form's starting values: one's own answers when changing them, nothing chosen otherwise. */
export function formValues(mine: Checkin | null) {
  const unsaid = { sameConcern: false, pushedToMoveOn: false, dontKnowWhereToStart: false };
  if (!mine) return { appreciation: "", concern: "", wish: "", ...unsaid };
  const { safety, connection, trust, intensity, appreciation, concern, wish } = mine;
  const { sameConcern, pushedToMoveOn, dontKnowWhereToStart } = mine;
  return {
    safety,
    connection,
    trust,
    intensity,
    appreciation,
    concern,
    wish,
    sameConcern,
    pushedToMoveOn,
    dontKnowWhereToStart,
  };
}
