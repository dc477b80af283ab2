import { tzOffset } from "@date-fns/tz";

/**
 * Talk times: the weekly windows a couple sets aside for conversations about the rupture, so
 * that hard talks happen at an agreed hour instead of as late-night crises.
 *
 * Every window is computed in the talk time's own time zone, so "Sunday 19:00 in Berlin" stays
 * at 19:00 on Berlin's clocks all year, whatever the server's zone and whichever zone the other
 * partner lives in.
 */

/** Days of the week as the API spells them, Monday first. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Shortest and longest talk time in minutes: long enough for each partner to be heard, short
 * enough to end before both are worn out.
 */
export const TALK_MINUTES = { min: 15, max: 180 } as const;

/** A recurring weekly window, as agreed by the couple. `start` is wall-clock time in `timeZone`. */
export interface TalkTimeShape {
  weekday: Weekday;
  start: string;
  minutes: number;
  timeZone: string;
}

/** One concrete occurrence of a talk time. */
export interface TalkWindow {
  startsAt: Date;
  endsAt: Date;
}

/** A wall-clock time of day. */
export interface Clock {
  hour: number;
  minute: number;
}

/** How a moment reads on the clocks and calendars of a given zone. */
export interface LocalTime {
  weekday: Weekday;
  /** `HH:MM`, 24-hour. */
  clock: string;
  /** `YYYY-MM-DD`. */
  dateLabel: string;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export function isWeekday(value: string): value is Weekday {
  return WEEKDAYS.some((weekday) => weekday === value);
}

/**
 * Whether the runtime knows `zone` as an IANA time zone ("UTC" included). Fixed offsets such as
 * "+01:00" are refused even where the runtime would take them: they never follow daylight-saving
 * time, so a talk time set in one would drift by an hour for half the year.
 */
export function isValidTimeZone(zone: string): boolean {
  const known = zoneValidity.get(zone);
  if (known !== undefined) return known;
  let valid = /^[A-Za-z]/.test(zone);
  if (valid) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
    } catch {
      valid = false;
    }
  }
  // Building a formatter is costly and the answer never changes within a process.
  if (zoneValidity.size < 1_000) zoneValidity.set(zone, valid);
  return valid;
}

const zoneValidity = new Map<string, boolean>();

/** Reads a strict 24-hour `HH:MM` (two digits each, 00:00–23:59), or null. */
export function parseClock(text: string): Clock | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match) return null;
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

type TalkTimeField = "weekday" | "start" | "minutes" | "timeZone";

/**
 * What is wrong with a proposed talk time, one plain message per field; empty when it is fine.
 * Takes loose strings so that it can check input before it is known to be a `TalkTimeShape`.
 */
export function talkTimeProblems(input: {
  weekday: string;
  start: string;
  minutes: number;
  timeZone: string;
}): Partial<Record<TalkTimeField, string>> {
  const problems: Partial<Record<TalkTimeField, string>> = {};
  if (!isWeekday(input.weekday)) {
    problems.weekday = "Pick a day of the week: mon, tue, wed, thu, fri, sat or sun.";
  }
  if (parseClock(input.start) === null) {
    problems.start = "Write the start time as HH:MM on a 24-hour clock, for example 19:30.";
  }
  if (
    !Number.isInteger(input.minutes) ||
    input.minutes < TALK_MINUTES.min ||
    input.minutes > TALK_MINUTES.max
  ) {
    problems.minutes = `Choose a length between ${TALK_MINUTES.min} and ${TALK_MINUTES.max} whole minutes.`;
  }
  if (!isValidTimeZone(input.timeZone)) {
    problems.timeZone =
      "Pick a time zone from the list, such as Europe/Berlin or America/New_York.";
  }
  return problems;
}

/**
 * The window of `talkTime` that is happening now or comes next: the first occurrence whose end
 * lies after `now`. A talk that has begun but not ended is "next" because it is the one to join.
 *
 * The start is the agreed wall-clock time in the talk time's zone, so it does not move when the
 * clocks change. On the two nights a year where that is not simple:
 * - the start falls into the hour skipped when clocks spring forward (02:30 on such a night in
 *   Berlin or New York): it moves forward by the length of the gap, to 03:30 — the talk still
 *   happens that day, as soon after the agreed time as the clock allows;
 * - the start is ambiguous because clocks fall back and the hour happens twice: the first of the
 *   two is taken, so nobody waits an extra hour for a talk that was due.
 * The length is real elapsed time: a 60-minute talk lasts 60 minutes even if the clocks change
 * during it.
 *
 * Throws a RangeError for a talk time that fails `talkTimeProblems` or an invalid `now`: stored
 * talk times are validated on the way in, so reaching this with bad data is a bug to surface.
 */
export function nextWindow(talkTime: TalkTimeShape, now: Date): TalkWindow {
  const clock = requireValidTalkTime(talkTime);
  const nowMs = requireValidDate(now, "now");
  const today = civilDayAt(nowMs, talkTime.timeZone);
  // A window can run past midnight (at most 180 minutes), so yesterday's may still be going on;
  // today plus the next seven days always contain one more occurrence.
  for (let offset = -1; offset <= 7; offset += 1) {
    const day = addCivilDays(today, offset);
    if (weekdayOfCivilDay(day) !== talkTime.weekday) continue;
    const window = windowOn(day, clock, talkTime);
    if (window.endsAt.getTime() > nowMs) return window;
  }
  throw new RangeError("No talk window found within eight days; this cannot happen.");
}

/**
 * The earliest window among several talk times, with the talk time it belongs to and its index
 * in the list; null for an empty list. When two windows start at the same moment the earlier in
 * the list wins, so the answer is stable.
 */
export function nextWindowOf<T extends TalkTimeShape>(
  talkTimes: readonly T[],
  now: Date,
): (TalkWindow & { talkTime: T; index: number }) | null {
  let best: (TalkWindow & { talkTime: T; index: number }) | null = null;
  for (const [index, talkTime] of talkTimes.entries()) {
    const window = nextWindow(talkTime, now);
    if (best === null || window.startsAt.getTime() < best.startsAt.getTime()) {
      best = { ...window, talkTime, index };
    }
  }
  return best;
}

/**
 * Every window of `talkTime` that starts in [from, to), oldest first — for logs and calendars.
 * Follows the same daylight-saving rules as `nextWindow`. An empty or reversed range gives [].
 */
export function windowsBetween(talkTime: TalkTimeShape, from: Date, to: Date): TalkWindow[] {
  const clock = requireValidTalkTime(talkTime);
  const fromMs = requireValidDate(from, "from");
  const toMs = requireValidDate(to, "to");
  if (toMs <= fromMs) return [];
  // A gap can push a start past midnight, so begin one local day early and end one day late.
  let day = addCivilDays(civilDayAt(fromMs, talkTime.timeZone), -1);
  const lastDay = addCivilDays(civilDayAt(toMs, talkTime.timeZone), 1);
  while (weekdayOfCivilDay(day) !== talkTime.weekday) day = addCivilDays(day, 1);
  const windows: TalkWindow[] = [];
  for (; compareCivilDays(day, lastDay) <= 0; day = addCivilDays(day, 7)) {
    const window = windowOn(day, clock, talkTime);
    const startMs = window.startsAt.getTime();
    if (startMs >= fromMs && startMs < toMs) windows.push(window);
  }
  return windows;
}

/**
 * How `date` reads in `timeZone` — to show a window in the other partner's zone, since partners
 * may live apart. Throws a RangeError for an unknown zone.
 */
export function localTimeIn(date: Date, timeZone: string): LocalTime {
  requireValidZone(timeZone);
  const ms = requireValidDate(date, "date");
  const local = new Date(ms + offsetMinutesAt(timeZone, ms) * MINUTE_MS);
  return {
    weekday: weekdayFromSundayIndex(local.getUTCDay()),
    clock: `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}`,
    dateLabel: `${local.getUTCFullYear()}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}`,
  };
}

/** Offsets known to hold for a whole UTC day, by zone and day number. */
const steadyOffsets = new Map<string, number | null>();

/**
 * The zone's offset from UTC at an instant. Zones change offset at most once a day, so when the
 * offset is the same at both ends of a UTC day it holds all day and is remembered; only days
 * with a change ask the zone database for the exact instant.
 */
function offsetMinutesAt(timeZone: string, ms: number): number {
  const dayNumber = Math.floor(ms / DAY_MS);
  const key = `${timeZone} ${dayNumber}`;
  let steady = steadyOffsets.get(key);
  if (steady === undefined) {
    const atStart = tzOffset(timeZone, new Date(dayNumber * DAY_MS));
    const atEnd = tzOffset(timeZone, new Date((dayNumber + 1) * DAY_MS - 1));
    steady = atStart === atEnd ? atStart : null;
    if (steadyOffsets.size > 50_000) steadyOffsets.clear();
    steadyOffsets.set(key, steady);
  }
  return steady ?? tzOffset(timeZone, new Date(ms));
}

// --- calendar arithmetic -------------------------------------------------------------------

/** A date on a wall calendar, with no zone attached. `month` is 1–12. */
interface CivilDay {
  year: number;
  month: number;
  day: number;
}

function windowOn(day: CivilDay, clock: Clock, talkTime: TalkTimeShape): TalkWindow {
  const startsAt = instantOfWallClock(day, clock, talkTime.timeZone);
  return { startsAt, endsAt: new Date(startsAt.getTime() + talkTime.minutes * MINUTE_MS) };
}

/**
 * The instant at which clocks in `timeZone` show `clock` on `day`, following the gap and overlap
 * rules documented on `nextWindow`. Done by hand rather than with `new TZDate(y, m, d, h, min)`
 * because TZDate resolves the repeated hour differently from zone to zone.
 */
function instantOfWallClock(day: CivilDay, clock: Clock, timeZone: string): Date {
  const wallAsUtc = Date.UTC(day.year, day.month - 1, day.day, clock.hour, clock.minute);
  // The true instant lies within ±14 hours of `wallAsUtc`, so the offsets a day either side
  // are the only candidates (no zone changes its clocks twice within two days).
  const offsetBefore = tzOffset(timeZone, new Date(wallAsUtc - DAY_MS));
  const offsetAfter = tzOffset(timeZone, new Date(wallAsUtc + DAY_MS));
  const fitting = [offsetBefore, offsetAfter]
    .map((offset) => wallAsUtc - offset * MINUTE_MS)
    .filter((ms) => tzOffset(timeZone, new Date(ms)) * MINUTE_MS === wallAsUtc - ms);
  if (fitting.length > 0) return new Date(Math.min(...fitting));
  // No instant shows this time: it is in a gap. Reading it with the offset from before the gap
  // lands exactly one gap-length later on the new clock.
  return new Date(wallAsUtc - offsetBefore * MINUTE_MS);
}

function civilDayAt(ms: number, timeZone: string): CivilDay {
  const shifted = new Date(ms + tzOffset(timeZone, new Date(ms)) * MINUTE_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

function addCivilDays(day: CivilDay, days: number): CivilDay {
  const moved = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

function compareCivilDays(a: CivilDay, b: CivilDay): number {
  return Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day);
}

function weekdayOfCivilDay(day: CivilDay): Weekday {
  return weekdayFromSundayIndex(new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay());
}

/** Maps JavaScript's day numbering (0 = Sunday) onto ours (Monday first). */
function weekdayFromSundayIndex(sundayIndex: number): Weekday {
  const weekday = WEEKDAYS[(sundayIndex + 6) % 7];
  if (weekday === undefined) throw new RangeError(`Not a day number: ${sundayIndex}`);
  return weekday;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

// --- guards --------------------------------------------------------------------------------

function requireValidTalkTime(talkTime: TalkTimeShape): Clock {
  const problems = Object.values(talkTimeProblems(talkTime));
  const clock = parseClock(talkTime.start);
  if (problems.length > 0 || clock === null) {
    throw new RangeError(`Invalid talk time: ${problems.join(" ")}`);
  }
  return clock;
}

function requireValidZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
}

function requireValidDate(date: Date, name: string): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is not a valid date.`);
  return ms;
}
