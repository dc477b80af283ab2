import type { IsoDay } from "./dates.ts";
import { type Cadence, dayIn, dueDays } from "./occurrences.ts";
import {
  isValidTimeZone,
  localTimeIn,
  parseClock,
  type TalkTimeShape,
  type Weekday,
  windowsBetween,
} from "./schedule.ts";

/**
 * E-mail reminders, each kind turned on by the person alone: nothing is sent that they did not
 * ask for. Pure: the scanner hands in what it read and the instant; this says which reminders are
 * due, each under a key that names its one occurrence, so the same reminder is never sent twice.
 */
export const REMINDER_KINDS = [
  "talk-soon",
  "checkin-day",
  "review-due",
  "promise-due",
  "proposal-waiting",
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** What letters and the stop page call each kind, after "reminders of". */
export const REMINDER_NAMES: Record<ReminderKind, string> = {
  "talk-soon": "a talk time in an hour",
  "checkin-day": "the weekly check-in day",
  "review-due": "a review due today",
  "promise-due": "a promise to mark today",
  "proposal-waiting": "a proposal waiting for your answer",
};

export function isReminderKind(value: string): value is ReminderKind {
  return (REMINDER_KINDS as readonly string[]).includes(value);
}

/** How long before a talk time its reminder goes out. */
export const TALK_LEAD_MS = 60 * 60_000;
/**
 * How long a partner's proposal waits before it is worth an e-mail: most are answered in the app
 * within the hour, and a message for each would be noise.
 */
export const PROPOSAL_WAIT_MS = 60 * 60_000;

/**
 * When, on the couple's clocks, a reminder about a day goes out: the check-in day and a review in
 * the morning, so there is a day to find the time; a promise to mark in the evening, when the day
 * can be told.
 */
export const DAY_REMINDER_AT: Record<"checkin-day" | "review-due" | "promise-due", string> = {
  "checkin-day": "09:00",
  "review-due": "09:00",
  "promise-due": "19:00",
};

/**
 * A span of the day when nothing is sent; it may run past midnight. On the person's own clocks
 * (their browser's zone when they chose it), since it is their night, wherever the couple's talk
 * times are kept.
 */
export interface QuietHours {
  from: string;
  to: string;
  timeZone: string;
}

export interface ReminderSettings {
  kinds: ReadonlySet<ReminderKind>;
  quiet: QuietHours | null;
}

/** What the scanner read for one person, through their own access scope. */
export interface ReminderFacts {
  viewerId: string;
  /** The couple's zone: days and quiet hours are counted on its clocks. */
  timeZone: string;
  /** Talk times both agreed to and that still stand. */
  talkTimes: ReadonlyArray<TalkTimeShape & { id: string }>;
  checkinWeekday: Weekday | null;
  /** Whether this person's check-in for the current week is in. */
  checkedInThisWeek: boolean;
  /** Reviews the person may read: active promises and accepted agreements, by their review day. */
  reviews: ReadonlyArray<{ id: string; on: IsoDay }>;
  /** The person's own active promises, with the days already marked or excused. */
  ownPromises: ReadonlyArray<{
    id: string;
    cadence: Cadence;
    startedOn: IsoDay;
    settledDays: ReadonlySet<IsoDay>;
  }>;
  /** Proposals of the partner's waiting for this person's answer, with when they were made. */
  proposals: ReadonlyArray<{ kind: string; id: string; at: Date }>;
}

export interface DueReminder {
  kind: ReminderKind;
  /** Names the one occurrence: a reminder under a key already sent is not sent again. */
  key: string;
  /** For a talk time: when it starts, so the letter can say the hour. */
  startsAt?: Date;
}

export const QUIET_HOURS_HINT = "Give quiet hours as two times of day, like 22:00 and 07:30.";

/** Why quiet hours cannot be kept as given, or null. */
export function quietHoursProblem(quiet: QuietHours): string | null {
  if (!parseClock(quiet.from) || !parseClock(quiet.to)) return QUIET_HOURS_HINT;
  if (!isValidTimeZone(quiet.timeZone)) {
    return "Give the quiet hours' time zone as an IANA name, like Europe/Berlin.";
  }
  if (quiet.from === quiet.to) return "Quiet hours need to start and end at different times.";
  return null;
}

function minutesOf(clock: string): number {
  const parsed = parseClock(clock);
  if (!parsed) throw new RangeError(`Not a time of day: ${clock}`);
  return parsed.hour * 60 + parsed.minute;
}

/** Whether `now` falls in the quiet hours, on their own clocks. */
export function inQuietHours(quiet: QuietHours | null, now: Date): boolean {
  if (!quiet) return false;
  const at = minutesOf(localTimeIn(now, quiet.timeZone).clock);
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  return from < to ? at >= from && at < to : at >= from || at < to;
}

/**
 * The reminders due for one person at `now`, of the kinds they turned on. Nothing is due in quiet
 * hours: a day's reminder then waits for them to end (while it is still that day), a talk time's
 * is not sent at all, since it would come after the hour it is about.
 */
export function dueReminders(
  facts: ReminderFacts,
  settings: ReminderSettings,
  now: Date,
): DueReminder[] {
  if (settings.kinds.size === 0 || inQuietHours(settings.quiet, now)) return [];
  const today = dayIn(now, facts.timeZone);
  const clock = minutesOf(localTimeIn(now, facts.timeZone).clock);
  const dayHasCome = (kind: keyof typeof DAY_REMINDER_AT) =>
    clock >= minutesOf(DAY_REMINDER_AT[kind]);
  const due: DueReminder[] = [];
  const wants = (kind: ReminderKind) => settings.kinds.has(kind);

  if (wants("talk-soon")) {
    const horizon = new Date(now.getTime() + TALK_LEAD_MS);
    for (const talk of facts.talkTimes) {
      for (const window of windowsBetween(talk, now, horizon)) {
        if (window.startsAt.getTime() <= now.getTime()) continue;
        due.push({
          kind: "talk-soon",
          key: `talk-soon:${talk.id}:${window.startsAt.toISOString()}`,
          startsAt: window.startsAt,
        });
      }
    }
  }
  if (
    wants("checkin-day") &&
    dayHasCome("checkin-day") &&
    facts.checkinWeekday !== null &&
    localTimeIn(now, facts.timeZone).weekday === facts.checkinWeekday &&
    !facts.checkedInThisWeek
  ) {
    due.push({ kind: "checkin-day", key: `checkin-day:${today}` });
  }
  if (
    wants("review-due") &&
    dayHasCome("review-due") &&
    facts.reviews.some((review) => review.on === today)
  ) {
    due.push({ kind: "review-due", key: `review-due:${today}` });
  }
  if (
    wants("promise-due") &&
    dayHasCome("promise-due") &&
    facts.ownPromises.some(
      (promise) =>
        promise.startedOn <= today &&
        !promise.settledDays.has(today) &&
        dueDays(promise.cadence, today, today, promise.startedOn).length > 0,
    )
  ) {
    due.push({ kind: "promise-due", key: `promise-due:${today}` });
  }
  if (wants("proposal-waiting")) {
    for (const proposal of facts.proposals) {
      if (now.getTime() - proposal.at.getTime() < PROPOSAL_WAIT_MS) continue;
      due.push({
        kind: "proposal-waiting",
        key: `proposal-waiting:${proposal.kind}:${proposal.id}`,
      });
    }
  }
  return due;
}
