import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { addDaysToDay, daysBetween, type IsoDay } from "./dates.ts";
import { isValidTimeZone, WEEKDAYS, type Weekday } from "./schedule.ts";

/**
 * When a promise falls due. Due days are calendar days in the couple's zone: a daily promise is
 * due once per date on their wall calendar, however long that day is in hours when the clocks
 * change, so all arithmetic here is on zoneless `IsoDay`s and the zone enters only through
 * `dayIn`, where an instant becomes a date.
 */
export type Cadence =
  | { kind: "daily" }
  | { kind: "weekdays"; days: readonly Weekday[] }
  | { kind: "weekly"; days?: readonly Weekday[] }
  | { kind: "situational" };

/**
 * How many calendar days back a mark may be made: enough to catch up after a hard week, not so
 * many that the record becomes a reconstruction from memory.
 */
export const MARK_WINDOW_DAYS = 7;

/** Any Monday: weekdays of other days are counted from it, so the machine's zone never enters. */
const KNOWN_MONDAY: IsoDay = "2024-01-01";

const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

/** Whether `text` is a `YYYY-MM-DD` that exists on the calendar (so not 2027-02-29). */
export function isIsoDay(text: string): text is IsoDay {
  // Date.UTC rolls 2027-02-29 over to 1 March; a day that survives the round trip is real.
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && addDaysToDay(text, 0) === text;
}

/** The day of the week of a calendar day. */
export function weekdayOf(day: IsoDay): Weekday {
  const offset = daysBetween(KNOWN_MONDAY, day);
  const weekday = WEEKDAYS[((offset % 7) + 7) % 7];
  if (weekday === undefined) throw new RangeError(`Not a calendar day: ${day}`);
  return weekday;
}

/**
 * The calendar days (in the couple's zone, as `dayIn` gives them) on which the promise is due,
 * from `from` to `to` inclusive, oldest first; [] for a reversed range. Situational promises
 * have no fixed due days: [].
 *
 * A weekly promise without days (or with an empty list) is due on the weekday of `anchor` —
 * pass the day the promise was accepted, so "once a week" keeps the rhythm the couple began
 * with. It is required for that cadence alone; leaving it out there throws a RangeError, since
 * guessing a weekday would put due days where the couple never agreed to any.
 */
export function dueDays(cadence: Cadence, from: IsoDay, to: IsoDay, anchor?: IsoDay): IsoDay[] {
  requireIsoDay(from, "from");
  requireIsoDay(to, "to");
  const weekdays = dueWeekdays(cadence, anchor);
  if (weekdays === null) return [];
  const days: IsoDay[] = [];
  for (let day = from; daysBetween(day, to) >= 0; day = addDaysToDay(day, 1)) {
    if (weekdays.has(weekdayOf(day))) days.push(day);
  }
  return days;
}

/** The couple's calendar day of an instant. Throws a RangeError for an unknown zone or date. */
export function dayIn(at: Date, timeZone: string): IsoDay {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  if (Number.isNaN(at.getTime())) throw new RangeError("The instant is not a valid date.");
  return format(new TZDate(at.getTime(), timeZone), "yyyy-MM-dd");
}

/**
 * Why a mark for `on` may not be made at `now`, in plain words, or null when it may: `on` must
 * be a real day, not in the future in `timeZone`, on or after `startedOn` (the acceptance day),
 * at most MARK_WINDOW_DAYS calendar days back, and a due day of the cadence.
 *
 * A situational promise ("when I'm running late, I text") falls due whenever its situation
 * arises, which only the promiser can tell, so any day in the window may carry its mark.
 *
 * Throws a RangeError for an invalid `startedOn`, `now` or zone: those come from stored data,
 * so a bad one is a bug rather than a mistake to explain.
 */
export function markProblem(
  cadence: Cadence,
  startedOn: IsoDay,
  on: IsoDay,
  now: Date,
  timeZone: string,
): string | null {
  requireIsoDay(startedOn, "startedOn");
  const today = dayIn(now, timeZone);
  if (!isIsoDay(on)) return "Write the day as YYYY-MM-DD, and make it a real calendar day.";
  const daysBack = daysBetween(on, today);
  if (daysBack < 0) return `${on} has not come yet, so it cannot be marked.`;
  if (daysBetween(startedOn, on) < 0) {
    return `This promise began on ${startedOn}, so there is nothing to mark before that day.`;
  }
  if (daysBack > MARK_WINDOW_DAYS) {
    return `Marks can go back ${MARK_WINDOW_DAYS} days at most, and ${on} is ${daysBack} days ago.`;
  }
  if (cadence.kind !== "situational" && dueDays(cadence, on, on, startedOn).length === 0) {
    return `This promise is not due on ${on}, a ${WEEKDAY_NAMES[weekdayOf(on)]}.`;
  }
  return null;
}

/** The weekdays a cadence falls due on; null when it has no fixed ones. */
function dueWeekdays(cadence: Cadence, anchor: IsoDay | undefined): ReadonlySet<Weekday> | null {
  switch (cadence.kind) {
    case "daily":
      return new Set(WEEKDAYS);
    case "weekdays":
      return new Set(cadence.days);
    case "weekly":
      if (cadence.days !== undefined && cadence.days.length > 0) return new Set(cadence.days);
      if (anchor === undefined) {
        throw new RangeError("A weekly promise without days needs an anchor day.");
      }
      requireIsoDay(anchor, "anchor");
      return new Set([weekdayOf(anchor)]);
    case "situational":
      return null;
  }
}

function requireIsoDay(day: string, name: string): void {
  if (!isIsoDay(day)) throw new RangeError(`${name} is not a YYYY-MM-DD calendar day: ${day}`);
}
