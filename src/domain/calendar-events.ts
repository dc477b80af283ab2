import { addDaysToDay, type IsoDay } from "./dates.ts";
import { dayIn, weekdayOf } from "./occurrences.ts";
import { localTimeIn, type TalkTimeShape, type Weekday, windowsBetween } from "./schedule.ts";

/**
 * What a person's calendar feed holds: the couple's agreed talk times as weekly events at their
 * agreed hour in their zone, the weekly check-in day, and the day each active promise is to be
 * reviewed. Dates, times and fixed titles only: nothing anyone wrote, which the server could not
 * read anyway, and a calendar is often shared with people the couple never meant to tell.
 */
export const CALENDAR_EVENT_KINDS = ["talk-time", "checkin", "promise-review"] as const;
export type CalendarEventKind = (typeof CALENDAR_EVENT_KINDS)[number];

/** The one title every event has when the person chooses titles that say nothing. */
export const NEUTRAL_TITLE = "Appointment";

const TITLES: Record<CalendarEventKind, string> = {
  "talk-time": "Talk time (Mend)",
  checkin: "Weekly check-in (Mend)",
  "promise-review": "Promise review (Mend)",
};

const DESCRIPTIONS: Record<CalendarEventKind, string> = {
  "talk-time":
    "The time the two of you agreed for talking things through. The topics you parked for it are in Mend.",
  checkin:
    "Your weekly check-in day: each of you answers in Mend, and you read each other's once both have.",
  "promise-review":
    "The day you agreed to look at a promise together in Mend: keep it as it is, change it, or let it rest.",
};

/** An event's title and description; with neutral titles, "Appointment" and nothing more. */
export function eventWords(
  kind: CalendarEventKind,
  neutral: boolean,
): { title: string; description: string | null } {
  return neutral
    ? { title: NEUTRAL_TITLE, description: null }
    : { title: TITLES[kind], description: DESCRIPTIONS[kind] };
}

/** The facts a feed is made from, read through the person's own access scope. */
export interface CalendarFacts {
  /** Talk times both partners agreed to and that still stand, with when they were agreed. */
  talkTimes: ReadonlyArray<TalkTimeShape & { id: string; acceptedAt: Date }>;
  checkinWeekday: Weekday | null;
  /** Active promises and the day each is to be reviewed. */
  reviews: ReadonlyArray<{ promiseId: string; on: IsoDay }>;
  /** The couple's zone, which their days (check-ins, reviews) are counted in. */
  timeZone: string;
  /** When the feed was turned on: a weekly event with no start of its own begins that week. */
  since: Date;
}

export type CalendarEvent =
  | {
      kind: "talk-time";
      id: string;
      /** The first agreed window's day, in the talk time's zone. */
      startsOn: IsoDay;
      /** `HH:MM` on the clocks of `timeZone`, every week, whatever the season. */
      start: string;
      minutes: number;
      timeZone: string;
      weekday: Weekday;
    }
  | { kind: "checkin"; id: string; startsOn: IsoDay; weekday: Weekday }
  | { kind: "promise-review"; id: string; on: IsoDay };

const WEEK_MS = 7 * 86_400_000;

/** The events of a feed, in a stable order (by kind, then id) so the same facts give the same feed. */
export function calendarEvents(facts: CalendarFacts): CalendarEvent[] {
  const talks = facts.talkTimes.map((talk): CalendarEvent => {
    const window = windowsBetween(
      talk,
      talk.acceptedAt,
      new Date(talk.acceptedAt.getTime() + WEEK_MS),
    )[0];
    const first = window ? window.startsAt : talk.acceptedAt;
    return {
      kind: "talk-time",
      id: talk.id,
      // The agreed hour on the first window's day: a first window pushed out of a skipped hour
      // must not move every week after it.
      startsOn: localTimeIn(first, talk.timeZone).dateLabel,
      start: talk.start,
      minutes: talk.minutes,
      timeZone: talk.timeZone,
      weekday: talk.weekday,
    };
  });
  const checkins: CalendarEvent[] =
    facts.checkinWeekday === null
      ? []
      : [
          {
            kind: "checkin",
            id: "weekly",
            startsOn: firstWeekdayFrom(dayIn(facts.since, facts.timeZone), facts.checkinWeekday),
            weekday: facts.checkinWeekday,
          },
        ];
  const reviews = facts.reviews.map(
    (review): CalendarEvent => ({ kind: "promise-review", id: review.promiseId, on: review.on }),
  );
  return [...talks, ...checkins, ...reviews].sort(
    (a, b) =>
      CALENDAR_EVENT_KINDS.indexOf(a.kind) - CALENDAR_EVENT_KINDS.indexOf(b.kind) ||
      a.id.localeCompare(b.id),
  );
}

/** The first day on or after `day` that is a `weekday`. */
export function firstWeekdayFrom(day: IsoDay, weekday: Weekday): IsoDay {
  let found = day;
  while (weekdayOf(found) !== weekday) found = addDaysToDay(found, 1);
  return found;
}

/**
 * The years the time zones of a feed's timed events must cover: from the first talk time's
 * start (this year at the latest) to two years on, which gives every yearly clock change three
 * onsets to be recognised as a rule by.
 */
export function yearsCovered(
  events: readonly CalendarEvent[],
  now: Date,
): { from: number; to: number } {
  const thisYear = now.getUTCFullYear();
  const starts = events.flatMap((event) =>
    event.kind === "talk-time" ? [Number(event.startsOn.slice(0, 4))] : [],
  );
  return { from: Math.min(thisYear, ...starts), to: thisYear + 2 };
}
