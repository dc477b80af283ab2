import { describe, expect, it } from "vitest";
import {
  type CalendarFacts,
  calendarEvents,
  eventWords,
  firstWeekdayFrom,
  NEUTRAL_TITLE,
  yearsCovered,
} from "../../src/domain/calendar-events.ts";

const facts = (overrides: Partial<CalendarFacts> = {}): CalendarFacts => ({
  talkTimes: [],
  checkinWeekday: null,
  reviews: [],
  timeZone: "Europe/Berlin",
  since: new Date("2026-03-04T10:00:00Z"),
  ...overrides,
});

describe("calendar events", () => {
  it("starts a talk time on its first window after it was agreed, at the agreed hour", () => {
    const [event] = calendarEvents(
      facts({
        talkTimes: [
          {
            id: "t1",
            weekday: "sun",
            start: "19:30",
            minutes: 45,
            timeZone: "Europe/Berlin",
            // Agreed on Sunday evening after that day's window had begun: the next Sunday.
            acceptedAt: new Date("2026-03-01T18:40:00Z"),
          },
        ],
      }),
    );
    expect(event).toEqual({
      kind: "talk-time",
      id: "t1",
      startsOn: "2026-03-08",
      start: "19:30",
      minutes: 45,
      timeZone: "Europe/Berlin",
      weekday: "sun",
    });
  });

  it("keeps the agreed hour when the first window falls in the hour the clocks skip", () => {
    const [event] = calendarEvents(
      facts({
        talkTimes: [
          {
            id: "t1",
            weekday: "sun",
            start: "02:30",
            minutes: 30,
            timeZone: "Europe/Berlin",
            acceptedAt: new Date("2026-03-27T12:00:00Z"),
          },
        ],
      }),
    );
    // That night's talk is held at 03:30, but the weekly rule stays at 02:30.
    expect(event).toMatchObject({ startsOn: "2026-03-29", start: "02:30" });
  });

  it("starts the weekly check-in in the week the feed was turned on, on the couple's day", () => {
    const events = calendarEvents(
      facts({
        checkinWeekday: "sun",
        timeZone: "America/New_York",
        // Still Saturday evening in New York.
        since: new Date("2026-03-08T01:00:00Z"),
      }),
    );
    expect(events).toEqual([
      { kind: "checkin", id: "weekly", startsOn: "2026-03-08", weekday: "sun" },
    ]);
  });

  it("lists events by kind and id, whatever order the facts came in", () => {
    const talk = {
      weekday: "mon" as const,
      start: "08:00",
      minutes: 30,
      timeZone: "UTC",
      acceptedAt: new Date("2026-03-02T00:00:00Z"),
    };
    const events = calendarEvents(
      facts({
        reviews: [
          { promiseId: "p2", on: "2026-04-01" },
          { promiseId: "p1", on: "2026-05-01" },
        ],
        checkinWeekday: "fri",
        talkTimes: [
          { ...talk, id: "t2" },
          { ...talk, id: "t1" },
        ],
      }),
    );
    expect(events.map((e) => `${e.kind} ${e.id}`)).toEqual([
      "talk-time t1",
      "talk-time t2",
      "checkin weekly",
      "promise-review p1",
      "promise-review p2",
    ]);
  });

  it("titles every event neutrally, with nothing more, when the person chooses so", () => {
    for (const kind of ["talk-time", "checkin", "promise-review"] as const) {
      expect(eventWords(kind, true)).toEqual({ title: NEUTRAL_TITLE, description: null });
      const named = eventWords(kind, false);
      expect(named.title).toMatch(/ \(Mend\)$/);
      expect(named.description).toEqual(expect.any(String));
    }
    expect(eventWords("talk-time", false).title).toBe("Talk time (Mend)");
    expect(eventWords("checkin", false).title).toBe("Weekly check-in (Mend)");
    expect(eventWords("promise-review", false).title).toBe("Promise review (Mend)");
  });

  it("finds the first given weekday on or after a day", () => {
    expect(firstWeekdayFrom("2026-03-04", "wed")).toBe("2026-03-04");
    expect(firstWeekdayFrom("2026-03-04", "tue")).toBe("2026-03-10");
    expect(firstWeekdayFrom("2026-12-30", "mon")).toBe("2027-01-04");
  });

  it("covers the years from the first talk time to two years past now", () => {
    const now = new Date("2028-06-01T00:00:00Z");
    expect(yearsCovered([], now)).toEqual({ from: 2028, to: 2030 });
    expect(
      yearsCovered(
        [
          {
            kind: "talk-time",
            id: "t",
            startsOn: "2026-11-01",
            start: "19:30",
            minutes: 30,
            timeZone: "UTC",
            weekday: "sun",
          },
          { kind: "promise-review", id: "p", on: "2025-01-01" },
        ],
        now,
      ),
    ).toEqual({ from: 2026, to: 2030 });
  });
});
