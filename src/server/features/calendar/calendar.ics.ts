import { TZDate } from "@date-fns/tz";
import ical, {
  ICalEventClass,
  ICalEventRepeatingFreq,
  ICalEventTransparency,
  ICalWeekday,
} from "ical-generator";
import { type CalendarEvent, eventWords, yearsCovered } from "../../../domain/calendar-events.ts";
import { vtimezone } from "../../../domain/calendar-time-zones.ts";
import type { IsoDay } from "../../../domain/dates.ts";
import type { Weekday } from "../../../domain/schedule.ts";

const BY_DAY: Record<Weekday, ICalWeekday> = {
  mon: ICalWeekday.MO,
  tue: ICalWeekday.TU,
  wed: ICalWeekday.WE,
  thu: ICalWeekday.TH,
  fri: ICalWeekday.FR,
  sat: ICalWeekday.SA,
  sun: ICalWeekday.SU,
};

export interface FeedOptions {
  neutral: boolean;
  /** The instance's name, the calendar's name unless titles are neutral. */
  name: string;
  /** Where the app is, linked from each event unless titles are neutral. */
  appUrl: string;
  /** When the link was made: every event's DTSTAMP, so the same facts give the same bytes. */
  stamp: Date;
  now: Date;
  /** A stable UID per event, so calendar apps update an event rather than add it again. */
  uidOf: (event: CalendarEvent) => string;
}

/** The feed as an iCalendar text, made by ical-generator with our own VTIMEZONEs. */
export function icsOf(events: readonly CalendarEvent[], options: FeedOptions): string {
  const years = yearsCovered(events, options.now);
  const calendar = ical({
    prodId: options.neutral
      ? { company: "Calendar", product: "Feed" }
      : { company: "Mend", product: "Calendar feed" },
    name: options.neutral ? "Appointments" : options.name,
    // No calendar-wide zone: each talk time keeps its own, and all-day events have none.
    timezone: { name: null, generator: (zone) => vtimezone(zone, years.from, years.to) },
    ttl: 60 * 60,
  });
  for (const event of events) {
    const { title, description } = eventWords(event.kind, options.neutral);
    const common = {
      id: options.uidOf(event),
      stamp: options.stamp,
      summary: title,
      description,
      url: options.neutral ? null : options.appUrl,
      // Apps that share a calendar show others only "busy" for a private event.
      class: ICalEventClass.PRIVATE,
    };
    if (event.kind === "talk-time") {
      const start = wallClock(event.startsOn, event.start, event.timeZone);
      calendar.createEvent({
        ...common,
        start,
        end: new TZDate(start.getTime() + event.minutes * 60_000, event.timeZone),
        timezone: event.timeZone,
        repeating: { freq: ICalEventRepeatingFreq.WEEKLY, byDay: [BY_DAY[event.weekday]] },
      });
    } else {
      const day = event.kind === "checkin" ? event.startsOn : event.on;
      calendar.createEvent({
        ...common,
        start: allDay(day),
        allDay: true,
        transparency: ICalEventTransparency.TRANSPARENT,
        ...(event.kind === "checkin"
          ? { repeating: { freq: ICalEventRepeatingFreq.WEEKLY, byDay: [BY_DAY[event.weekday]] } }
          : {}),
      });
    }
  }
  return calendar.toString();
}

/**
 * `HH:MM` on `day` on the clocks of `timeZone`. ical-generator writes a TZDate's own wall-clock
 * fields after TZID, so what is written is the agreed time, whatever the server's zone.
 */
function wallClock(day: IsoDay, clock: string, timeZone: string): TZDate {
  const [year, month, date] = day.split("-").map(Number);
  const [hour, minute] = clock.split(":").map(Number);
  return new TZDate(year ?? 0, (month ?? 1) - 1, date ?? 1, hour ?? 0, minute ?? 0, timeZone);
}

/** An all-day date: with no zone on the event, ical-generator writes its UTC calendar day. */
function allDay(day: IsoDay): Date {
  return new Date(`${day}T00:00:00.000Z`);
}
