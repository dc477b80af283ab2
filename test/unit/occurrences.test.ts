import { describe, expect, it } from "vitest";
import {
  type Cadence,
  dayIn,
  dueDays,
  isIsoDay,
  MARK_WINDOW_DAYS,
  markProblem,
  weekdayOf,
} from "../../src/domain/occurrences.ts";

// Calendar facts used below: 2026-03-01 is a Sunday. The EU moves clocks forward on Sunday
// 2026-03-29 (01:00 UTC) and back on Sunday 2026-10-25 (01:00 UTC); the US forward on Sunday
// 2026-03-08 and back on Sunday 2026-11-01 (02:00 local). 2028-02-29 is a Tuesday,
// 2026-12-31 a Thursday. Every instant is written in UTC, so nothing depends on the machine's
// zone or on today's date.

const at = (iso: string): Date => new Date(iso);
const daily: Cadence = { kind: "daily" };
const situational: Cadence = { kind: "situational" };

describe("isIsoDay and weekdayOf", () => {
  it("accepts only days that exist on the calendar", () => {
    expect(isIsoDay("2028-02-29")).toBe(true);
    expect(isIsoDay("2026-12-31")).toBe(true);
    for (const text of [
      "2027-02-29",
      "2026-13-01",
      "2026-04-31",
      "2026-3-1",
      "",
      "2026-03-01T00",
    ]) {
      expect(isIsoDay(text), text).toBe(false);
    }
  });

  it("knows the weekday of a day, before and after its reference Monday", () => {
    expect(weekdayOf("2026-03-01")).toBe("sun");
    expect(weekdayOf("2026-03-29")).toBe("sun");
    expect(weekdayOf("2026-03-30")).toBe("mon");
    expect(weekdayOf("2028-02-29")).toBe("tue");
    expect(weekdayOf("2026-12-31")).toBe("thu");
    expect(weekdayOf("2027-01-01")).toBe("fri");
    expect(weekdayOf("1999-12-31")).toBe("fri");
  });
});

describe("dueDays", () => {
  it("gives a daily promise every day across the EU spring-forward weekend", () => {
    expect(dueDays(daily, "2026-03-27", "2026-03-31")).toEqual([
      "2026-03-27",
      "2026-03-28",
      "2026-03-29",
      "2026-03-30",
      "2026-03-31",
    ]);
  });

  it("gives a daily promise every day across the EU fall-back weekend", () => {
    expect(dueDays(daily, "2026-10-24", "2026-10-26")).toEqual([
      "2026-10-24",
      "2026-10-25",
      "2026-10-26",
    ]);
  });

  it("keeps a Sunday promise on Sundays through both clock changes", () => {
    const sundays: Cadence = { kind: "weekdays", days: ["sun"] };
    expect(dueDays(sundays, "2026-03-22", "2026-04-05")).toEqual([
      "2026-03-22",
      "2026-03-29",
      "2026-04-05",
    ]);
    expect(dueDays(sundays, "2026-10-18", "2026-11-01")).toEqual([
      "2026-10-18",
      "2026-10-25",
      "2026-11-01",
    ]);
  });

  it("keeps chosen weekdays across the US spring-forward weekend", () => {
    const weekend: Cadence = { kind: "weekdays", days: ["sat", "sun", "mon"] };
    expect(dueDays(weekend, "2026-03-05", "2026-03-10")).toEqual([
      "2026-03-07",
      "2026-03-08",
      "2026-03-09",
    ]);
  });

  it("includes the leap day, and only in a leap year", () => {
    expect(dueDays(daily, "2028-02-27", "2028-03-01")).toEqual([
      "2028-02-27",
      "2028-02-28",
      "2028-02-29",
      "2028-03-01",
    ]);
    expect(dueDays(daily, "2027-02-27", "2027-03-01")).toEqual([
      "2027-02-27",
      "2027-02-28",
      "2027-03-01",
    ]);
  });

  it("keeps a weekly promise anchored on the leap day on Tuesdays", () => {
    expect(dueDays({ kind: "weekly" }, "2028-02-20", "2028-03-14", "2028-02-29")).toEqual([
      "2028-02-22",
      "2028-02-29",
      "2028-03-07",
      "2028-03-14",
    ]);
  });

  it("runs on across the year end", () => {
    expect(dueDays({ kind: "weekly", days: ["fri"] }, "2026-12-20", "2027-01-10")).toEqual([
      "2026-12-25",
      "2027-01-01",
      "2027-01-08",
    ]);
    expect(dueDays(daily, "2026-12-30", "2027-01-02")).toEqual([
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
    ]);
  });

  it("uses a weekly promise's own days over the anchor, and an empty list as none", () => {
    const twice: Cadence = { kind: "weekly", days: ["mon", "thu"] };
    expect(dueDays(twice, "2026-03-01", "2026-03-08", "2026-03-01")).toEqual([
      "2026-03-02",
      "2026-03-05",
    ]);
    expect(dueDays({ kind: "weekly", days: [] }, "2026-03-01", "2026-03-14", "2026-03-04")).toEqual(
      ["2026-03-04", "2026-03-11"],
    );
  });

  it("needs an anchor only for a weekly promise without days", () => {
    expect(() => dueDays({ kind: "weekly" }, "2026-03-01", "2026-03-31")).toThrow(RangeError);
    expect(dueDays({ kind: "weekdays", days: ["wed"] }, "2026-03-01", "2026-03-07")).toEqual([
      "2026-03-04",
    ]);
  });

  it("has no fixed days for a situational promise", () => {
    expect(dueDays(situational, "2026-03-01", "2026-03-31")).toEqual([]);
  });

  it("handles one-day and reversed ranges", () => {
    expect(dueDays(daily, "2026-03-29", "2026-03-29")).toEqual(["2026-03-29"]);
    expect(dueDays(daily, "2026-03-30", "2026-03-29")).toEqual([]);
  });

  it("refuses days that are not calendar days", () => {
    expect(() => dueDays(daily, "2027-02-29", "2027-03-05")).toThrow(RangeError);
    expect(() => dueDays(daily, "2026-03-01", "soon")).toThrow(RangeError);
    expect(() => dueDays({ kind: "weekly" }, "2026-03-01", "2026-03-08", "x")).toThrow(RangeError);
  });
});

describe("dayIn", () => {
  it("puts one instant on Sunday in one zone and Monday in another", () => {
    const instant = at("2026-03-01T23:30:00Z");
    expect(dayIn(instant, "America/New_York")).toBe("2026-03-01");
    expect(dayIn(instant, "UTC")).toBe("2026-03-01");
    expect(dayIn(instant, "Europe/Berlin")).toBe("2026-03-02");
    expect(weekdayOf(dayIn(instant, "America/New_York"))).toBe("sun");
    expect(weekdayOf(dayIn(instant, "Europe/Berlin"))).toBe("mon");
    // Fourteen hours ahead of UTC against ten behind: a whole day apart.
    expect(dayIn(at("2026-03-01T10:30:00Z"), "Pacific/Kiritimati")).toBe("2026-03-02");
    expect(dayIn(at("2026-03-01T10:30:00Z"), "Pacific/Honolulu")).toBe("2026-03-01");
  });

  it("turns the day at local midnight around the Berlin spring-forward", () => {
    expect(dayIn(at("2026-03-28T22:59:00Z"), "Europe/Berlin")).toBe("2026-03-28");
    expect(dayIn(at("2026-03-28T23:00:00Z"), "Europe/Berlin")).toBe("2026-03-29");
    expect(dayIn(at("2026-03-29T01:00:00Z"), "Europe/Berlin")).toBe("2026-03-29");
    // The 23-hour day ends an hour earlier in UTC than the day before it.
    expect(dayIn(at("2026-03-29T21:59:00Z"), "Europe/Berlin")).toBe("2026-03-29");
    expect(dayIn(at("2026-03-29T22:00:00Z"), "Europe/Berlin")).toBe("2026-03-30");
  });

  it("turns the day at local midnight around the Berlin fall-back", () => {
    expect(dayIn(at("2026-10-24T21:59:00Z"), "Europe/Berlin")).toBe("2026-10-24");
    expect(dayIn(at("2026-10-24T22:00:00Z"), "Europe/Berlin")).toBe("2026-10-25");
    // Both passes through 02:30 belong to the same 25-hour day.
    expect(dayIn(at("2026-10-25T00:30:00Z"), "Europe/Berlin")).toBe("2026-10-25");
    expect(dayIn(at("2026-10-25T01:30:00Z"), "Europe/Berlin")).toBe("2026-10-25");
    expect(dayIn(at("2026-10-25T22:59:00Z"), "Europe/Berlin")).toBe("2026-10-25");
    expect(dayIn(at("2026-10-25T23:00:00Z"), "Europe/Berlin")).toBe("2026-10-26");
  });

  it("turns the day at local midnight around the US clock changes", () => {
    expect(dayIn(at("2026-03-08T04:59:00Z"), "America/New_York")).toBe("2026-03-07");
    expect(dayIn(at("2026-03-08T05:00:00Z"), "America/New_York")).toBe("2026-03-08");
    expect(dayIn(at("2026-03-09T03:59:00Z"), "America/New_York")).toBe("2026-03-08");
    expect(dayIn(at("2026-03-09T04:00:00Z"), "America/New_York")).toBe("2026-03-09");
    expect(dayIn(at("2026-11-02T04:59:00Z"), "America/New_York")).toBe("2026-11-01");
    expect(dayIn(at("2026-11-02T05:00:00Z"), "America/New_York")).toBe("2026-11-02");
  });

  it("matches a daily promise's due days when marked each evening across a clock change", () => {
    // 22:30 on Berlin's clocks each evening: CET, then CEST from the Sunday.
    const evenings = ["2026-03-28T21:30:00Z", "2026-03-29T20:30:00Z", "2026-03-30T20:30:00Z"];
    const marked = evenings.map((iso) => dayIn(at(iso), "Europe/Berlin"));
    expect(marked).toEqual(dueDays(daily, "2026-03-28", "2026-03-30"));
  });

  it("handles the year end and the leap day at half-hour and far-east offsets", () => {
    expect(dayIn(at("2027-01-01T03:29:00Z"), "America/St_Johns")).toBe("2026-12-31");
    expect(dayIn(at("2027-01-01T03:30:00Z"), "America/St_Johns")).toBe("2027-01-01");
    expect(dayIn(at("2028-02-29T14:59:00Z"), "Asia/Tokyo")).toBe("2028-02-29");
    expect(dayIn(at("2028-02-29T15:00:00Z"), "Asia/Tokyo")).toBe("2028-03-01");
  });

  it("refuses unknown zones, fixed offsets and invalid dates", () => {
    expect(() => dayIn(at("2026-03-01T12:00:00Z"), "Mars/Olympus")).toThrow(RangeError);
    expect(() => dayIn(at("2026-03-01T12:00:00Z"), "+01:00")).toThrow(RangeError);
    expect(() => dayIn(at("not a date"), "Europe/Berlin")).toThrow(RangeError);
  });
});

describe("markProblem", () => {
  const berlin = "Europe/Berlin";
  // 00:30 on Monday 2026-03-30 in Berlin, the night after the clocks went forward; still
  // Sunday in UTC.
  const now = at("2026-03-29T22:30:00Z");
  const started = "2026-03-01";

  it("allows a mark up to MARK_WINDOW_DAYS calendar days back, today included", () => {
    expect(MARK_WINDOW_DAYS).toBe(7);
    expect(markProblem(daily, started, "2026-03-30", now, berlin)).toBeNull();
    // Seven calendar days, though only 167 hours, since one of them was short.
    expect(markProblem(daily, started, "2026-03-23", now, berlin)).toBeNull();
  });

  it("refuses a day eight days back", () => {
    expect(markProblem(daily, started, "2026-03-22", now, berlin)).toBe(
      "Marks can go back 7 days at most, and 2026-03-22 is 8 days ago.",
    );
  });

  it("refuses a day in the future, judged on the couple's calendar", () => {
    expect(markProblem(daily, started, "2026-03-31", now, berlin)).toBe(
      "2026-03-31 has not come yet, so it cannot be marked.",
    );
    // In London it is still Sunday evening, so Monday has not come there.
    expect(markProblem(daily, started, "2026-03-30", now, "Europe/London")).toBe(
      "2026-03-30 has not come yet, so it cannot be marked.",
    );
  });

  it("refuses a day that is not a due day, naming its weekday", () => {
    const monThu: Cadence = { kind: "weekdays", days: ["mon", "thu"] };
    expect(markProblem(monThu, started, "2026-03-29", now, berlin)).toBe(
      "This promise is not due on 2026-03-29, a Sunday.",
    );
    expect(markProblem(monThu, started, "2026-03-26", now, berlin)).toBeNull();
  });

  it("refuses a day before the promise began, and allows the day it began", () => {
    expect(markProblem(daily, "2026-03-27", "2026-03-26", now, berlin)).toBe(
      "This promise began on 2026-03-27, so there is nothing to mark before that day.",
    );
    expect(markProblem(daily, "2026-03-27", "2026-03-27", now, berlin)).toBeNull();
  });

  it("keeps a weekly promise without days on the weekday it began", () => {
    const weekly: Cadence = { kind: "weekly" };
    expect(markProblem(weekly, "2026-03-10", "2026-03-24", now, berlin)).toBeNull();
    expect(markProblem(weekly, "2026-03-10", "2026-03-25", now, berlin)).toBe(
      "This promise is not due on 2026-03-25, a Wednesday.",
    );
  });

  it("lets a situational promise be marked on any day in the window", () => {
    expect(markProblem(situational, started, "2026-03-28", now, berlin)).toBeNull();
    expect(markProblem(situational, started, "2026-03-22", now, berlin)).not.toBeNull();
  });

  it("counts the window across the year end and the leap day", () => {
    const newYear = at("2027-01-03T12:00:00Z");
    const stJohns = "America/St_Johns";
    expect(markProblem(daily, "2026-12-01", "2026-12-27", newYear, stJohns)).toBeNull();
    expect(markProblem(daily, "2026-12-01", "2026-12-26", newYear, stJohns)).toBe(
      "Marks can go back 7 days at most, and 2026-12-26 is 8 days ago.",
    );
    const afterLeap = at("2028-03-07T12:00:00Z");
    expect(markProblem(daily, "2028-02-01", "2028-02-29", afterLeap, berlin)).toBeNull();
    expect(markProblem(daily, "2028-02-01", "2028-02-28", afterLeap, berlin)).toBe(
      "Marks can go back 7 days at most, and 2028-02-28 is 8 days ago.",
    );
  });

  it("explains a day that does not exist, and throws on bad stored data", () => {
    expect(markProblem(daily, started, "2026-02-30", now, berlin)).toBe(
      "Write the day as YYYY-MM-DD, and make it a real calendar day.",
    );
    expect(() => markProblem(daily, "someday", "2026-03-29", now, berlin)).toThrow(RangeError);
    expect(() => markProblem(daily, started, "2026-03-29", now, "Nowhere/Else")).toThrow(
      RangeError,
    );
  });
});
