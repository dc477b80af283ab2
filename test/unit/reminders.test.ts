import { describe, expect, it } from "vitest";
import {
  dueReminders,
  inQuietHours,
  quietHoursProblem,
  REMINDER_KINDS,
  type ReminderFacts,
  type ReminderKind,
  type ReminderSettings,
} from "../../src/domain/reminders.ts";

const ME = "me";

const facts = (overrides: Partial<ReminderFacts> = {}): ReminderFacts => ({
  viewerId: ME,
  timeZone: "Europe/Berlin",
  talkTimes: [],
  checkinWeekday: null,
  checkedInThisWeek: false,
  reviews: [],
  ownPromises: [],
  proposals: [],
  ...overrides,
});

const all = (quiet: ReminderSettings["quiet"] = null): ReminderSettings => ({
  kinds: new Set(REMINDER_KINDS),
  quiet,
});
const only = (kind: ReminderKind, quiet: ReminderSettings["quiet"] = null): ReminderSettings => ({
  kinds: new Set([kind]),
  quiet,
});
const keys = (f: ReminderFacts, s: ReminderSettings, at: string) =>
  dueReminders(f, s, new Date(at)).map((r) => r.key);

const sundayTalk = {
  id: "t1",
  weekday: "sun" as const,
  start: "19:00",
  minutes: 60,
  timeZone: "Europe/Berlin",
};

describe("a talk time in an hour", () => {
  const f = facts({ talkTimes: [sundayTalk] });

  it("is due within the hour before the talk, named by the window it is for", () => {
    // Sunday 2026-03-22, CET (UTC+1): the talk starts 18:00Z.
    const [due] = dueReminders(f, only("talk-soon"), new Date("2026-03-22T17:10:00Z"));
    expect(due).toEqual({
      kind: "talk-soon",
      key: "talk-soon:t1:2026-03-22T18:00:00.000Z",
      startsAt: new Date("2026-03-22T18:00:00Z"),
    });
  });

  it("is not due earlier than an hour before, nor once the talk has begun", () => {
    expect(keys(f, only("talk-soon"), "2026-03-22T16:59:00Z")).toEqual([]);
    expect(keys(f, only("talk-soon"), "2026-03-22T18:00:00Z")).toEqual([]);
  });

  it("keeps the agreed hour on the couple's clocks across the change to summer time", () => {
    // Sunday 2026-03-29 is the day Berlin moves to CEST (UTC+2): 19:00 is 17:00Z.
    expect(keys(f, only("talk-soon"), "2026-03-29T16:30:00Z")).toEqual([
      "talk-soon:t1:2026-03-29T17:00:00.000Z",
    ]);
    expect(keys(f, only("talk-soon"), "2026-03-29T17:30:00Z")).toEqual([]);
  });

  it("is not sent in quiet hours, since afterwards it would come too late", () => {
    const quiet = { from: "18:00", to: "20:00", timeZone: "Europe/Berlin" };
    expect(keys(f, only("talk-soon", quiet), "2026-03-22T17:10:00Z")).toEqual([]);
  });
});

describe("reminders about a day", () => {
  it("tells of the check-in day from nine in the morning, until this week's check-in is in", () => {
    // 2026-12-03 is a Thursday; Berlin is UTC+1 in December.
    const f = facts({ checkinWeekday: "thu" });
    expect(keys(f, only("checkin-day"), "2026-12-03T07:59:00Z")).toEqual([]);
    expect(keys(f, only("checkin-day"), "2026-12-03T08:00:00Z")).toEqual([
      "checkin-day:2026-12-03",
    ]);
    expect(
      keys(facts({ checkinWeekday: "thu", checkedInThisWeek: true }), all(), "2026-12-03T12:00Z"),
    ).toEqual([]);
    expect(keys(f, only("checkin-day"), "2026-12-04T12:00:00Z")).toEqual([]);
  });

  it("counts the day on the couple's clocks, not the server's", () => {
    // 23:30 on Wednesday in UTC is already Thursday 08:30 in Tokyo, before nine there.
    const f = facts({ checkinWeekday: "thu", timeZone: "Asia/Tokyo" });
    expect(keys(f, only("checkin-day"), "2026-12-02T23:30:00Z")).toEqual([]);
    expect(keys(f, only("checkin-day"), "2026-12-03T00:00:00Z")).toEqual([
      "checkin-day:2026-12-03",
    ]);
  });

  it("tells of reviews due today once a day, however many there are", () => {
    const f = facts({
      reviews: [
        { id: "p1", on: "2026-12-03" },
        { id: "a1", on: "2026-12-03" },
      ],
    });
    expect(keys(f, only("review-due"), "2026-12-03T09:00:00Z")).toEqual(["review-due:2026-12-03"]);
    expect(keys(f, only("review-due"), "2026-12-04T09:00:00Z")).toEqual([]);
  });

  it("tells of a promise to mark in the evening of a due day it is not yet marked on", () => {
    const daily = {
      id: "p1",
      cadence: { kind: "daily" } as const,
      startedOn: "2028-02-20",
      settledDays: new Set<string>(),
    };
    // The leap day is a day like any other.
    expect(keys(facts({ ownPromises: [daily] }), all(), "2028-02-29T17:59:00Z")).toEqual([]);
    expect(keys(facts({ ownPromises: [daily] }), all(), "2028-02-29T18:00:00Z")).toEqual([
      "promise-due:2028-02-29",
    ]);
    const marked = { ...daily, settledDays: new Set(["2028-02-29"]) };
    expect(keys(facts({ ownPromises: [marked] }), all(), "2028-02-29T18:00:00Z")).toEqual([]);
    const notYet = { ...daily, startedOn: "2028-03-01" };
    expect(keys(facts({ ownPromises: [notYet] }), all(), "2028-02-29T18:00:00Z")).toEqual([]);
    // 2028-02-29 is a Tuesday.
    const mondays = { ...daily, cadence: { kind: "weekdays", days: ["mon"] } as const };
    expect(keys(facts({ ownPromises: [mondays] }), all(), "2028-02-29T18:00:00Z")).toEqual([]);
    const situational = { ...daily, cadence: { kind: "situational" } as const };
    expect(keys(facts({ ownPromises: [situational] }), all(), "2028-02-29T18:00:00Z")).toEqual([]);
  });

  it("waits for quiet hours to end, while it is still that day", () => {
    const f = facts({ checkinWeekday: "thu" });
    const quiet = { from: "22:00", to: "10:00", timeZone: "Europe/Berlin" };
    expect(keys(f, only("checkin-day", quiet), "2026-12-03T08:30:00Z")).toEqual([]);
    expect(keys(f, only("checkin-day", quiet), "2026-12-03T09:00:00Z")).toEqual([
      "checkin-day:2026-12-03",
    ]);
  });
});

describe("a proposal waiting", () => {
  const f = facts({
    proposals: [
      { kind: "agreement", id: "a1", at: new Date("2026-12-03T10:00:00Z") },
      { kind: "phase", id: "x1", at: new Date("2026-12-03T10:30:00Z") },
    ],
  });

  it("is due once it has waited an hour, each under its own key", () => {
    expect(keys(f, only("proposal-waiting"), "2026-12-03T10:59:00Z")).toEqual([]);
    expect(keys(f, only("proposal-waiting"), "2026-12-03T11:00:00Z")).toEqual([
      "proposal-waiting:agreement:a1",
    ]);
    expect(keys(f, only("proposal-waiting"), "2026-12-03T11:30:00Z")).toEqual([
      "proposal-waiting:agreement:a1",
      "proposal-waiting:phase:x1",
    ]);
  });

  it("is not due in a kind the person did not turn on", () => {
    expect(keys(f, only("talk-soon"), "2026-12-03T12:00:00Z")).toEqual([]);
    expect(keys(f, { kinds: new Set(), quiet: null }, "2026-12-03T12:00:00Z")).toEqual([]);
  });
});

describe("quiet hours", () => {
  it("may run past midnight, and end at their second time", () => {
    const quiet = { from: "22:00", to: "07:00", timeZone: "Europe/Berlin" };
    expect(inQuietHours(quiet, new Date("2026-12-03T21:00:00Z"))).toBe(true);
    expect(inQuietHours(quiet, new Date("2026-12-03T05:59:00Z"))).toBe(true);
    expect(inQuietHours(quiet, new Date("2026-12-03T06:00:00Z"))).toBe(false);
    expect(inQuietHours(quiet, new Date("2026-12-03T20:59:00Z"))).toBe(false);
  });

  it("are kept on the person's own clocks, not the couple's", () => {
    // The couple keeps Berlin's clocks; the person sleeps in New York (UTC-5 in December).
    const f = facts({ checkinWeekday: "thu" });
    const quiet = { from: "22:00", to: "07:00", timeZone: "America/New_York" };
    expect(keys(f, only("checkin-day", quiet), "2026-12-03T11:59:00Z")).toEqual([]);
    expect(keys(f, only("checkin-day", quiet), "2026-12-03T12:00:00Z")).toEqual([
      "checkin-day:2026-12-03",
    ]);
  });

  it("follow their clocks when summer time begins", () => {
    // 07:00 in Berlin is 06:00Z in winter and 05:00Z from 2026-03-29.
    const quiet = { from: "22:00", to: "07:00", timeZone: "Europe/Berlin" };
    expect(inQuietHours(quiet, new Date("2026-03-28T05:30:00Z"))).toBe(true);
    expect(inQuietHours(quiet, new Date("2026-03-29T05:30:00Z"))).toBe(false);
  });

  it("name what is wrong with them", () => {
    const zone = "Europe/Berlin";
    expect(quietHoursProblem({ from: "22:00", to: "07:30", timeZone: zone })).toBeNull();
    expect(quietHoursProblem({ from: "25:00", to: "07:00", timeZone: zone })).toMatch(
      /two times of day/,
    );
    expect(quietHoursProblem({ from: "08:00", to: "08:00", timeZone: zone })).toMatch(
      /different times/,
    );
    expect(quietHoursProblem({ from: "22:00", to: "07:00", timeZone: "Mars/Olympus" })).toMatch(
      /IANA name/,
    );
  });
});
