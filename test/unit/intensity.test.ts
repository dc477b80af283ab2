import { describe, expect, it } from "vitest";
import {
  dailySeries,
  INTENSITY_MAX,
  INTENSITY_MIN,
  type IntensityEntry,
  intensityTrend,
  isIntensityValue,
  trendSentence,
} from "../../src/domain/intensity.ts";

const entry = (iso: string, value: number): IntensityEntry => ({ value, at: new Date(iso) });
/** An intensity check at noon UTC on `day`. */
const noon = (day: string, value: number): IntensityEntry => entry(`${day}T12:00:00Z`, value);

// Saturday 14 March 2026, evening. In UTC the last 7 days are 8–14 March and the 7 before
// them 1–7 March.
const now = new Date("2026-03-14T20:00:00Z");
const trendOf = (entries: IntensityEntry[], days?: number) =>
  intensityTrend(entries, now, "UTC", days);

describe("the 0–10 scale", () => {
  it("runs from 0 to 10 in whole steps", () => {
    expect([INTENSITY_MIN, INTENSITY_MAX]).toEqual([0, 10]);
    for (const value of [0, 5, 10]) expect(isIntensityValue(value)).toBe(true);
    for (const value of [-1, 11, 4.5, Number.NaN]) expect(isIntensityValue(value)).toBe(false);
  });
});

describe("dailySeries", () => {
  it("gives one point per day, with the day's mean or null", () => {
    const series = dailySeries(
      [noon("2026-03-02", 5), entry("2026-03-02T18:00:00Z", 6), entry("2026-03-02T20:00:00Z", 6)],
      "UTC",
      new Date("2026-03-01T09:00:00Z"),
      new Date("2026-03-03T09:00:00Z"),
    );
    expect(series).toEqual([
      { day: "2026-03-01", value: null },
      { day: "2026-03-02", value: 5.7 },
      { day: "2026-03-03", value: null },
    ]);
  });

  it("is empty for a reversed range", () => {
    expect(dailySeries([], "UTC", now, new Date("2026-03-01T00:00:00Z"))).toEqual([]);
  });

  it("puts intensity checks around midnight on the local day they were made", () => {
    const entries = [
      entry("2026-03-07T22:59:00Z", 2), // 23:59 on 7 March in Berlin
      entry("2026-03-07T23:00:00Z", 8), // 00:00 on 8 March in Berlin
    ];
    expect(
      dailySeries(
        entries,
        "Europe/Berlin",
        new Date("2026-03-07T12:00:00Z"),
        new Date("2026-03-08T12:00:00Z"),
      ),
    ).toEqual([
      { day: "2026-03-07", value: 2 },
      { day: "2026-03-08", value: 8 },
    ]);
    // The same two moments are both on 7 March in New York, and both on 7 March in UTC.
    expect(
      dailySeries(
        entries,
        "America/New_York",
        new Date("2026-03-07T12:00:00Z"),
        new Date("2026-03-08T12:00:00Z"),
      ),
    ).toEqual([
      { day: "2026-03-07", value: 5 },
      { day: "2026-03-08", value: null },
    ]);
  });

  it("counts a 23-hour daylight-saving day once", () => {
    const series = dailySeries(
      [entry("2026-03-28T23:30:00Z", 4), entry("2026-03-29T21:30:00Z", 6)], // both 29 March
      "Europe/Berlin",
      new Date("2026-03-28T12:00:00Z"),
      new Date("2026-03-30T12:00:00Z"),
    );
    expect(series).toEqual([
      { day: "2026-03-28", value: null },
      { day: "2026-03-29", value: 5 },
      { day: "2026-03-30", value: null },
    ]);
  });

  it("refuses an unknown zone", () => {
    expect(() => dailySeries([], "Nowhere/Land", now, now)).toThrow(RangeError);
  });
});

describe("intensityTrend", () => {
  it("needs at least 4 intensity checks", () => {
    const three = [noon("2026-03-02", 8), noon("2026-03-03", 8), noon("2026-03-10", 4)];
    expect(trendOf(three)).toMatchObject({ status: "not-enough-data", checks: 3 });
  });

  it("reads a trend from exactly 4 intensity checks", () => {
    const four = [
      noon("2026-03-02", 7),
      noon("2026-03-03", 7),
      noon("2026-03-10", 5),
      noon("2026-03-11", 5),
    ];
    expect(trendOf(four)).toEqual({
      status: "easing",
      recentMean: 5,
      earlierMean: 7,
      windowMean: 6,
      longAgoMean: null,
      checks: 4,
      days: 14,
    });
  });

  it("weighs the long run: a fall over six weeks is easing, though the last fortnight was steady", () => {
    const weeks = [
      noon("2026-02-02", 8),
      noon("2026-02-03", 8),
      noon("2026-03-02", 4),
      noon("2026-03-03", 4),
      noon("2026-03-10", 3.5),
      noon("2026-03-11", 3.5),
    ];
    const trend = trendOf(weeks);
    expect(trend).toMatchObject({
      status: "easing",
      longAgoMean: 8,
      earlierMean: 4,
      recentMean: 3.5,
    });
    expect(trendSentence(trend)).toBe(
      "Easing over the weeks: about 8.0 six weeks ago, 3.5 this week.",
    );
    // One hard day six weeks ago is not a long run; a rise this week stays a rise.
    expect(trendOf(weeks.slice(1))).toMatchObject({ status: "steady", longAgoMean: null });
    expect(
      trendOf([...weeks.slice(0, 4), noon("2026-03-10", 5.5), noon("2026-03-11", 5.5)]),
    ).toMatchObject({ status: "rising" });
  });

  it("is low when the two-week mean is exactly 3", () => {
    const entries = [
      noon("2026-03-02", 4),
      noon("2026-03-04", 2),
      noon("2026-03-09", 3),
      noon("2026-03-12", 3),
    ];
    expect(trendOf(entries)).toMatchObject({ status: "low", windowMean: 3 });
  });

  it("is not low just above 3", () => {
    const entries = [
      noon("2026-03-02", 4),
      noon("2026-03-04", 3),
      noon("2026-03-09", 3),
      noon("2026-03-12", 3),
    ];
    expect(trendOf(entries)).toMatchObject({ status: "steady", windowMean: 3.3 });
  });

  it("is low even while rising, because calm enough is calm enough", () => {
    const entries = [
      noon("2026-03-02", 1),
      noon("2026-03-03", 1),
      noon("2026-03-10", 4),
      noon("2026-03-11", 4),
    ];
    expect(trendOf(entries).status).toBe("low");
  });

  it("is easing at a drop of exactly 1, steady at 0.9", () => {
    const earlier = [noon("2026-03-02", 6), noon("2026-03-03", 6)];
    expect(trendOf([...earlier, noon("2026-03-10", 5), noon("2026-03-11", 5)]).status).toBe(
      "easing",
    );
    // Recent daily means 5, 5, 5, 5 and 5.5 (a day with a 5 and a 6): 5.1 on average.
    const recentAtFivePointOne = [
      noon("2026-03-08", 5),
      noon("2026-03-09", 5),
      noon("2026-03-10", 5),
      noon("2026-03-11", 5),
      noon("2026-03-12", 5),
      entry("2026-03-12T18:00:00Z", 6),
    ];
    expect(trendOf([noon("2026-03-02", 6), ...recentAtFivePointOne])).toMatchObject({
      status: "steady",
      earlierMean: 6,
      recentMean: 5.1,
    });
  });

  it("judges by the rounded numbers people see: 6.1 to 5.1 is a drop of 1", () => {
    // In floating point 6.1 − 5.1 is 0.9999…; the status must still match the sentence.
    const earlier = [
      noon("2026-03-01", 6),
      noon("2026-03-02", 6),
      noon("2026-03-03", 6),
      noon("2026-03-04", 6),
      noon("2026-03-05", 6),
      entry("2026-03-05T18:00:00Z", 7),
    ];
    const recent = [
      noon("2026-03-08", 5),
      noon("2026-03-09", 5),
      noon("2026-03-10", 5),
      noon("2026-03-11", 5),
      noon("2026-03-12", 5),
      entry("2026-03-12T18:00:00Z", 6),
    ];
    const trend = trendOf([...earlier, ...recent]);
    expect(trend).toMatchObject({ status: "easing", earlierMean: 6.1, recentMean: 5.1 });
    expect(trendSentence(trend)).toBe("Easing: about 6.1 a week ago, 5.1 this week.");
  });

  it("is rising at a rise of exactly 1", () => {
    const entries = [
      noon("2026-03-02", 4),
      noon("2026-03-03", 4),
      noon("2026-03-10", 5),
      noon("2026-03-11", 5),
    ];
    expect(trendOf(entries)).toMatchObject({ status: "rising", earlierMean: 4, recentMean: 5 });
  });

  it("is steady when little changes", () => {
    const entries = [
      noon("2026-03-02", 6),
      noon("2026-03-05", 5),
      noon("2026-03-10", 5),
      noon("2026-03-13", 6),
    ];
    expect(trendOf(entries)).toMatchObject({ status: "steady", earlierMean: 5.5, recentMean: 5.5 });
  });

  it("has nothing to compare when one week is empty and the mean is not low", () => {
    const recentOnly = ["08", "09", "10", "11", "12"].map((d) => noon(`2026-03-${d}`, 6));
    expect(trendOf(recentOnly)).toMatchObject({
      status: "not-enough-data",
      earlierMean: null,
      recentMean: 6,
      checks: 5,
    });
    const earlierOnly = ["01", "02", "03", "04"].map((d) => noon(`2026-03-${d}`, 6));
    expect(trendOf(earlierOnly)).toMatchObject({ status: "not-enough-data", recentMean: null });
  });

  it("counts each day once, whatever the number of intensity checks on it", () => {
    const entries = [
      noon("2026-03-02", 6),
      noon("2026-03-09", 2),
      entry("2026-03-09T13:00:00Z", 2),
      entry("2026-03-09T14:00:00Z", 2),
      noon("2026-03-10", 10),
    ];
    // Recent days: 2 and 10, so 6 — not the 4 a mean of all four intensity checks would give.
    expect(trendOf(entries)).toMatchObject({ recentMean: 6, checks: 5 });
  });

  it("ignores intensity checks before the window and after now", () => {
    const entries = [
      noon("2026-02-28", 10), // 15 days ago
      entry("2026-03-14T21:00:00Z", 10), // later today
      noon("2026-03-02", 6),
      noon("2026-03-03", 6),
      noon("2026-03-10", 6),
      noon("2026-03-11", 6),
    ];
    expect(trendOf(entries)).toMatchObject({ status: "steady", checks: 4, windowMean: 6 });
  });

  it("counts days in the partner's zone, not UTC", () => {
    // 23:30 UTC on 7 March is already 8 March in Berlin: the recent week there, the week
    // before in UTC.
    const entries = [
      noon("2026-03-02", 8),
      noon("2026-03-03", 8),
      noon("2026-03-10", 4),
      noon("2026-03-11", 4),
      entry("2026-03-07T23:30:00Z", 10),
    ];
    expect(intensityTrend(entries, now, "UTC")).toMatchObject({
      earlierMean: 8.7,
      recentMean: 4,
    });
    expect(intensityTrend(entries, now, "Europe/Berlin")).toMatchObject({
      earlierMean: 8,
      recentMean: 6,
    });
  });

  it("starts the window at local midnight, fourteen local days back", () => {
    // 23:30 UTC on 14 March is 00:30 on 15 March in Berlin, so Berlin's window is 2–15 March
    // while UTC's is 1–14 March.
    const lateNow = new Date("2026-03-14T23:30:00Z");
    const entries = [
      entry("2026-03-01T22:30:00Z", 8), // 1 March in UTC, 23:30 on 1 March in Berlin
      noon("2026-03-03", 8),
      noon("2026-03-10", 8),
      entry("2026-03-14T23:15:00Z", 8), // 14 March in UTC, 00:15 on 15 March in Berlin
    ];
    expect(intensityTrend(entries, lateNow, "UTC").checks).toBe(4);
    expect(intensityTrend(entries, lateNow, "Europe/Berlin").checks).toBe(3);
  });

  it("takes a longer window split in two halves", () => {
    const entries = [noon("2026-02-20", 8), noon("2026-02-25", 8), noon("2026-03-05", 6)];
    const trend = trendOf([...entries, noon("2026-03-12", 6)], 28);
    expect(trend).toMatchObject({ status: "easing", earlierMean: 8, recentMean: 6, days: 28 });
    expect(trendSentence(trend)).toBe(
      "Easing: about 8.0 in the 14 days before, 6.0 in the last 14 days.",
    );
  });

  it("refuses a window it cannot split, and an unknown zone", () => {
    expect(() => trendOf([], 13)).toThrow(RangeError);
    expect(() => trendOf([], 0)).toThrow(RangeError);
    expect(() => intensityTrend([], now, "Nowhere/Land")).toThrow(RangeError);
  });
});

describe("trendSentence", () => {
  const base = {
    recentMean: null,
    earlierMean: null,
    windowMean: null,
    longAgoMean: null,
    checks: 0,
    days: 14,
  };

  it("says each status in plain words", () => {
    expect(
      trendSentence({ ...base, status: "easing", earlierMean: 6.1, recentMean: 4.3, checks: 9 }),
    ).toBe("Easing: about 6.1 a week ago, 4.3 this week.");
    expect(
      trendSentence({ ...base, status: "rising", earlierMean: 4, recentMean: 5.5, checks: 9 }),
    ).toBe("Rising: about 4.0 a week ago, 5.5 this week.");
    expect(
      trendSentence({ ...base, status: "steady", earlierMean: 5.2, recentMean: 5, checks: 9 }),
    ).toBe("Steady: about 5.2 a week ago, 5.0 this week.");
    expect(trendSentence({ ...base, status: "low", windowMean: 2.4, checks: 9 })).toBe(
      "Low: about 2.4 on average over the last 14 days.",
    );
  });

  it("says what is missing when there is not enough data", () => {
    expect(trendSentence({ ...base, status: "not-enough-data", checks: 2 })).toBe(
      "Not enough intensity checks yet to show a trend: 2 in the last 14 days, and a trend needs 4.",
    );
    expect(trendSentence({ ...base, status: "not-enough-data", checks: 5, recentMean: 6 })).toBe(
      "Nothing to compare with yet: no intensity checks in the week before.",
    );
    expect(trendSentence({ ...base, status: "not-enough-data", checks: 5, earlierMean: 6 })).toBe(
      "Nothing to compare with yet: no intensity checks this week.",
    );
  });

  it("matches the trend it describes", () => {
    const entries = [
      noon("2026-03-02", 7),
      noon("2026-03-03", 6),
      noon("2026-03-10", 4),
      noon("2026-03-11", 5),
    ];
    expect(trendSentence(trendOf(entries))).toBe("Easing: about 6.5 a week ago, 4.5 this week.");
  });
});
