import { describe, expect, it } from "vitest";
import {
  isValidTimeZone,
  localTimeIn,
  nextWindow,
  nextWindowOf,
  parseClock,
  TALK_MINUTES,
  type TalkTimeShape,
  talkTimeProblems,
  WEEKDAYS,
  windowsBetween,
} from "../../src/domain/schedule.ts";

const talk = (over: Partial<TalkTimeShape> = {}): TalkTimeShape => ({
  weekday: "sun",
  start: "19:00",
  minutes: 60,
  timeZone: "Europe/Berlin",
  ...over,
});

const at = (iso: string): Date => new Date(iso);

/** The window as ISO strings, so failures read as times rather than Date objects. */
const iso = (window: { startsAt: Date; endsAt: Date }) => ({
  startsAt: window.startsAt.toISOString(),
  endsAt: window.endsAt.toISOString(),
});

// Calendar facts used below (2026): 1 March is a Sunday. The US moves clocks forward on Sunday
// 8 March and back on Sunday 1 November; the EU forward on Sunday 29 March and back on Sunday
// 25 October; Sydney back on Sunday 5 April and forward on Sunday 4 October.

describe("vocabulary and limits", () => {
  it("lists the weekdays Monday first and bounds the length", () => {
    expect(WEEKDAYS).toEqual(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
    expect(TALK_MINUTES).toEqual({ min: 15, max: 180 });
  });
});

describe("parseClock", () => {
  it("reads strict 24-hour HH:MM", () => {
    expect(parseClock("00:00")).toEqual({ hour: 0, minute: 0 });
    expect(parseClock("07:05")).toEqual({ hour: 7, minute: 5 });
    expect(parseClock("19:30")).toEqual({ hour: 19, minute: 30 });
    expect(parseClock("23:59")).toEqual({ hour: 23, minute: 59 });
  });

  it("refuses anything else", () => {
    for (const text of [
      "24:00",
      "25:00",
      "7:5",
      "7:05",
      "07:5",
      "07:60",
      "0700",
      "07:00:00",
      " 07:00",
      "07:00 ",
      "7pm",
      "-1:00",
      "",
    ]) {
      expect(parseClock(text), text).toBeNull();
    }
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA zones, UTC included", () => {
    for (const zone of [
      "UTC",
      "Etc/UTC",
      "Europe/Berlin",
      "America/New_York",
      "Australia/Sydney",
    ]) {
      expect(isValidTimeZone(zone), zone).toBe(true);
    }
  });

  it("refuses unknown names, blanks and fixed offsets", () => {
    for (const zone of ["", "Mars/Olympus", "Europe/Berlin ", "+01:00", "-05:00", "1"]) {
      expect(isValidTimeZone(zone), zone).toBe(false);
    }
  });
});

describe("talkTimeProblems", () => {
  it("is empty for a good talk time, at both length limits", () => {
    expect(talkTimeProblems(talk())).toEqual({});
    expect(talkTimeProblems(talk({ minutes: 15 }))).toEqual({});
    expect(talkTimeProblems(talk({ minutes: 180 }))).toEqual({});
  });

  it("names each bad field in plain words", () => {
    const problems = talkTimeProblems({
      weekday: "sunday",
      start: "25:00",
      minutes: 10,
      timeZone: "Mars/Olympus",
    });
    expect(problems.weekday).toMatch(/day of the week/);
    expect(problems.start).toMatch(/HH:MM/);
    expect(problems.minutes).toMatch(/between 15 and 180/);
    expect(problems.timeZone).toMatch(/time zone/);
  });

  it("refuses lengths that are too long or not whole minutes", () => {
    expect(talkTimeProblems(talk({ minutes: 181 }))).toHaveProperty("minutes");
    expect(talkTimeProblems(talk({ minutes: 30.5 }))).toHaveProperty("minutes");
    expect(talkTimeProblems(talk({ minutes: Number.NaN }))).toHaveProperty("minutes");
  });
});

describe("nextWindow — ordinary weeks", () => {
  const wednesday = talk({ weekday: "wed", start: "19:00", minutes: 60 });
  // Wednesday 7 January 2026, 19:00 in Berlin (UTC+1) is 18:00 UTC.

  it("finds the coming window later the same day", () => {
    expect(iso(nextWindow(wednesday, at("2026-01-07T08:00:00Z")))).toEqual({
      startsAt: "2026-01-07T18:00:00.000Z",
      endsAt: "2026-01-07T19:00:00.000Z",
    });
  });

  it("counts a window in progress as the next one", () => {
    expect(iso(nextWindow(wednesday, at("2026-01-07T18:00:00Z"))).startsAt).toBe(
      "2026-01-07T18:00:00.000Z",
    );
    expect(iso(nextWindow(wednesday, at("2026-01-07T18:30:00Z"))).startsAt).toBe(
      "2026-01-07T18:00:00.000Z",
    );
    expect(iso(nextWindow(wednesday, at("2026-01-07T18:59:59.999Z"))).startsAt).toBe(
      "2026-01-07T18:00:00.000Z",
    );
  });

  it("moves on a week once the window has ended", () => {
    expect(iso(nextWindow(wednesday, at("2026-01-07T19:00:00Z")))).toEqual({
      startsAt: "2026-01-14T18:00:00.000Z",
      endsAt: "2026-01-14T19:00:00.000Z",
    });
  });

  it("wraps from Sunday to the next Monday", () => {
    const monday = talk({ weekday: "mon", start: "08:00", timeZone: "UTC" });
    expect(iso(nextWindow(monday, at("2026-01-04T20:00:00Z"))).startsAt).toBe(
      "2026-01-05T08:00:00.000Z",
    );
  });

  it("wraps to next Sunday just after Sunday's window", () => {
    const sunday = talk({ weekday: "sun", start: "20:00", minutes: 30, timeZone: "UTC" });
    expect(iso(nextWindow(sunday, at("2026-01-04T20:30:00Z"))).startsAt).toBe(
      "2026-01-11T20:00:00.000Z",
    );
  });

  it("keeps a late window that runs past midnight in progress the next day", () => {
    const late = talk({ weekday: "sun", start: "23:30", minutes: 120, timeZone: "UTC" });
    expect(iso(nextWindow(late, at("2026-01-05T00:30:00Z")))).toEqual({
      startsAt: "2026-01-04T23:30:00.000Z",
      endsAt: "2026-01-05T01:30:00.000Z",
    });
    expect(iso(nextWindow(late, at("2026-01-05T01:30:00Z"))).startsAt).toBe(
      "2026-01-11T23:30:00.000Z",
    );
  });

  it("uses the local weekday, not the UTC one", () => {
    // Monday 07:00 in Tokyo is still Sunday in UTC.
    const tokyo = talk({ weekday: "mon", start: "07:00", timeZone: "Asia/Tokyo" });
    expect(iso(nextWindow(tokyo, at("2026-01-04T12:00:00Z"))).startsAt).toBe(
      "2026-01-04T22:00:00.000Z",
    );
  });
});

describe("nextWindow — daylight-saving changes keep the wall-clock time", () => {
  it("Europe/Berlin: 19:00 before and after the spring change", () => {
    const evening = talk({ weekday: "sun", start: "19:00" });
    expect(iso(nextWindow(evening, at("2026-03-22T12:00:00Z"))).startsAt).toBe(
      "2026-03-22T18:00:00.000Z",
    );
    expect(iso(nextWindow(evening, at("2026-03-23T12:00:00Z"))).startsAt).toBe(
      "2026-03-29T17:00:00.000Z",
    );
  });

  it("Europe/Berlin: a start in the skipped hour moves forward by the gap", () => {
    const night = talk({ weekday: "sun", start: "02:30" });
    const window = nextWindow(night, at("2026-03-28T12:00:00Z"));
    expect(iso(window)).toEqual({
      startsAt: "2026-03-29T01:30:00.000Z",
      endsAt: "2026-03-29T02:30:00.000Z",
    });
    expect(localTimeIn(window.startsAt, "Europe/Berlin").clock).toBe("03:30");
    // The week after, 02:30 exists again and is kept.
    expect(localTimeIn(nextWindow(night, window.endsAt).startsAt, "Europe/Berlin")).toEqual({
      weekday: "sun",
      clock: "02:30",
      dateLabel: "2026-04-05",
    });
  });

  it("Europe/Berlin: a repeated hour takes its first occurrence", () => {
    const night = talk({ weekday: "sun", start: "02:30" });
    const window = nextWindow(night, at("2026-10-24T12:00:00Z"));
    // 02:30 summer time (UTC+2), not 02:30 winter time an hour later.
    expect(iso(window).startsAt).toBe("2026-10-25T00:30:00.000Z");
    // A length of 60 minutes is real time, even across the change.
    expect(iso(window).endsAt).toBe("2026-10-25T01:30:00.000Z");
  });

  it("Europe/Berlin: 19:00 before and after the autumn change", () => {
    const evening = talk({ weekday: "sun", start: "19:00" });
    expect(iso(nextWindow(evening, at("2026-10-18T12:00:00Z"))).startsAt).toBe(
      "2026-10-18T17:00:00.000Z",
    );
    expect(iso(nextWindow(evening, at("2026-10-19T12:00:00Z"))).startsAt).toBe(
      "2026-10-25T18:00:00.000Z",
    );
  });

  it("America/New_York: spring gap and autumn overlap", () => {
    const gap = talk({ weekday: "sun", start: "02:30", timeZone: "America/New_York" });
    expect(iso(nextWindow(gap, at("2026-02-28T12:00:00Z"))).startsAt).toBe(
      "2026-03-01T07:30:00.000Z",
    );
    const shifted = nextWindow(gap, at("2026-03-07T12:00:00Z"));
    expect(iso(shifted).startsAt).toBe("2026-03-08T07:30:00.000Z");
    expect(localTimeIn(shifted.startsAt, "America/New_York").clock).toBe("03:30");

    const overlap = talk({ weekday: "sun", start: "01:30", timeZone: "America/New_York" });
    // 01:30 daylight time (UTC−4) comes before 01:30 standard time (UTC−5).
    expect(iso(nextWindow(overlap, at("2026-10-31T12:00:00Z"))).startsAt).toBe(
      "2026-11-01T05:30:00.000Z",
    );
  });

  it("Australia/Sydney: autumn overlap in April, spring gap in October", () => {
    const night = talk({ weekday: "sun", start: "02:30", timeZone: "Australia/Sydney" });
    // 5 April: 02:30 happens twice; the first is still daylight time (UTC+11).
    expect(iso(nextWindow(night, at("2026-04-04T00:00:00Z"))).startsAt).toBe(
      "2026-04-04T15:30:00.000Z",
    );
    // 4 October: 02:00–03:00 is skipped; the talk starts at 03:30 daylight time.
    const shifted = nextWindow(night, at("2026-10-03T00:00:00Z"));
    expect(iso(shifted).startsAt).toBe("2026-10-03T16:30:00.000Z");
    expect(localTimeIn(shifted.startsAt, "Australia/Sydney")).toEqual({
      weekday: "sun",
      clock: "03:30",
      dateLabel: "2026-10-04",
    });

    const evening = talk({ weekday: "sun", start: "19:00", timeZone: "Australia/Sydney" });
    expect(iso(nextWindow(evening, at("2026-03-29T00:00:00Z"))).startsAt).toBe(
      "2026-03-29T08:00:00.000Z",
    );
    expect(iso(nextWindow(evening, at("2026-03-30T00:00:00Z"))).startsAt).toBe(
      "2026-04-05T09:00:00.000Z",
    );
  });

  it("shifts by the real size of the gap, which is not always an hour", () => {
    // Lord Howe Island moves its clocks by 30 minutes, from 02:00 to 02:30.
    const night = talk({ weekday: "sun", start: "02:15", timeZone: "Australia/Lord_Howe" });
    const window = nextWindow(night, at("2026-10-03T00:00:00Z"));
    expect(localTimeIn(window.startsAt, "Australia/Lord_Howe").clock).toBe("02:45");
  });

  it("does not depend on the zone the process runs in", () => {
    const saved = process.env.TZ;
    const evening = talk({ weekday: "sun", start: "19:00" });
    const now = at("2026-03-23T12:00:00Z");
    try {
      const results = ["UTC", "Pacific/Auckland", "America/Los_Angeles"].map((zone) => {
        process.env.TZ = zone;
        return iso(nextWindow(evening, now)).startsAt;
      });
      expect(new Set(results)).toEqual(new Set(["2026-03-29T17:00:00.000Z"]));
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe("nextWindow — bad input", () => {
  it("throws for a talk time that was never valid", () => {
    const now = at("2026-01-07T08:00:00Z");
    expect(() => nextWindow(talk({ timeZone: "Mars/Olympus" }), now)).toThrow(RangeError);
    expect(() => nextWindow(talk({ start: "24:00" }), now)).toThrow(/HH:MM/);
    expect(() => nextWindow(talk({ minutes: 5 }), now)).toThrow(/between 15 and 180/);
  });

  it("throws for an invalid date", () => {
    expect(() => nextWindow(talk(), new Date(Number.NaN))).toThrow(/now is not a valid date/);
  });
});

describe("nextWindowOf", () => {
  const now = at("2026-01-07T08:00:00Z"); // a Wednesday morning

  it("is null for no talk times", () => {
    expect(nextWindowOf([], now)).toBeNull();
  });

  it("picks the earliest window and keeps the talk time it came from", () => {
    const talkTimes = [
      { id: "sunday-berlin", ...talk({ weekday: "sun" }) },
      { id: "thursday-ny", ...talk({ weekday: "thu", timeZone: "America/New_York" }) },
      { id: "friday-utc", ...talk({ weekday: "fri", timeZone: "UTC" }) },
    ];
    const next = nextWindowOf(talkTimes, now);
    expect(next?.talkTime.id).toBe("thursday-ny");
    expect(next?.index).toBe(1);
    expect(next?.startsAt.toISOString()).toBe("2026-01-09T00:00:00.000Z");
  });

  it("prefers a window in progress over one about to start", () => {
    const talkTimes = [
      talk({ weekday: "wed", start: "09:30", minutes: 30, timeZone: "UTC" }),
      talk({ weekday: "wed", start: "08:45", minutes: 60, timeZone: "UTC" }),
    ];
    expect(nextWindowOf(talkTimes, at("2026-01-07T09:15:00Z"))?.index).toBe(1);
  });

  it("breaks a tie by list order", () => {
    const same = talk({ weekday: "thu", start: "19:00", timeZone: "UTC" });
    expect(nextWindowOf([same, same], now)?.index).toBe(0);
  });
});

describe("windowsBetween", () => {
  const evening = talk({ weekday: "sun", start: "19:00" });

  it("lists every start in [from, to), including from and excluding to", () => {
    const windows = windowsBetween(evening, at("2026-01-04T18:00:00Z"), at("2026-01-25T18:00:00Z"));
    expect(windows.map((w) => w.startsAt.toISOString())).toEqual([
      "2026-01-04T18:00:00.000Z",
      "2026-01-11T18:00:00.000Z",
      "2026-01-18T18:00:00.000Z",
    ]);
  });

  it("is empty for an empty or reversed range", () => {
    const moment = at("2026-01-04T18:00:00Z");
    expect(windowsBetween(evening, moment, moment)).toEqual([]);
    expect(windowsBetween(evening, moment, at("2026-01-01T00:00:00Z"))).toEqual([]);
  });

  it("leaves out a window that started before from, even if still going on", () => {
    const windows = windowsBetween(evening, at("2026-01-04T18:30:00Z"), at("2026-01-12T00:00:00Z"));
    expect(windows.map((w) => w.startsAt.toISOString())).toEqual(["2026-01-11T18:00:00.000Z"]);
  });

  it("keeps the wall-clock time through both changes of a year", () => {
    const windows = windowsBetween(evening, at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z"));
    expect(windows).toHaveLength(52);
    const clocks = new Set(windows.map((w) => localTimeIn(w.startsAt, "Europe/Berlin").clock));
    expect(clocks).toEqual(new Set(["19:00"]));
    for (const w of windows) expect(w.endsAt.getTime() - w.startsAt.getTime()).toBe(3_600_000);
  });

  it("agrees with nextWindow", () => {
    const night = talk({ weekday: "sun", start: "02:30" });
    const windows = windowsBetween(night, at("2026-03-01T00:00:00Z"), at("2026-11-30T00:00:00Z"));
    for (const w of windows) {
      expect(nextWindow(night, new Date(w.startsAt.getTime() - 1)).startsAt).toEqual(w.startsAt);
    }
  });
});

describe("partners in different zones", () => {
  it("shows a Berlin window on New York clocks while the two switch on different dates", () => {
    const berlin = talk({ weekday: "sun", start: "19:00", timeZone: "Europe/Berlin" });
    const windows = windowsBetween(berlin, at("2026-03-01T00:00:00Z"), at("2026-04-05T00:00:00Z"));
    expect(windows.map((w) => localTimeIn(w.startsAt, "Europe/Berlin").clock)).toEqual([
      "19:00",
      "19:00",
      "19:00",
      "19:00",
      "19:00",
    ]);
    // Six hours apart, then five while only the US has moved its clocks, then six again.
    expect(windows.map((w) => localTimeIn(w.startsAt, "America/New_York"))).toEqual([
      { weekday: "sun", clock: "13:00", dateLabel: "2026-03-01" },
      { weekday: "sun", clock: "14:00", dateLabel: "2026-03-08" },
      { weekday: "sun", clock: "14:00", dateLabel: "2026-03-15" },
      { weekday: "sun", clock: "14:00", dateLabel: "2026-03-22" },
      { weekday: "sun", clock: "13:00", dateLabel: "2026-03-29" },
    ]);
  });

  it("shows the other partner a different weekday when the window crosses their midnight", () => {
    const tokyo = talk({ weekday: "mon", start: "07:00", timeZone: "Asia/Tokyo" });
    const window = nextWindow(tokyo, at("2026-01-01T00:00:00Z"));
    expect(localTimeIn(window.startsAt, "Asia/Tokyo")).toEqual({
      weekday: "mon",
      clock: "07:00",
      dateLabel: "2026-01-05",
    });
    expect(localTimeIn(window.startsAt, "America/New_York")).toEqual({
      weekday: "sun",
      clock: "17:00",
      dateLabel: "2026-01-04",
    });
  });

  it("refuses an unknown zone", () => {
    expect(() => localTimeIn(at("2026-01-01T00:00:00Z"), "Nowhere/Land")).toThrow(RangeError);
  });
});
