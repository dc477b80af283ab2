import { describe, expect, it } from "vitest";
import type { Cadence } from "../../src/domain/occurrences.ts";
import {
  coupleReliability,
  DENTED_FROM_SCORE,
  HALF_LIFE_DAYS,
  JUST_STARTING_MARKS,
  type MarkOutcome,
  occurrencesPerDay,
  RECENT_WEEKS,
  reliabilityInWords,
  reliabilitySeries,
  STEADY_WEEKS,
} from "../../src/domain/reliability.ts";

const round3 = (x: number | undefined): number => Math.round((x ?? Number.NaN) * 1000) / 1000;
const times = (n: number, mark: MarkOutcome): MarkOutcome[] =>
  Array.from({ length: n }, () => mark);

const DAILY = 1;
const WEEKLY = 1 / 7;
/** The daily decay factor, worked out by hand: 0.5^(1/13). */
const M_DAILY = 0.948_077_514_339_171_4;

const daily: Cadence = { kind: "daily" };
const weekly: Cadence = { kind: "weekly" };
const situational: Cadence = { kind: "situational" };

describe("reliabilitySeries: api.md's figures", () => {
  it("takes a daily 1.0 to 0.948 with one miss", () => {
    expect(round3(reliabilitySeries(["missed"], DAILY, 1)[0])).toBe(0.948);
  });

  it("takes a daily 0 to 0.809 with 31 kept occurrences", () => {
    expect(round3(reliabilitySeries(times(31, "kept"), DAILY).at(-1))).toBe(0.809);
  });

  it("takes a weekly 1.0 to 0.868 with one miss", () => {
    expect(round3(reliabilitySeries(["missed"], WEEKLY, 1)[0])).toBe(0.868);
  });
});

describe("reliabilitySeries: the formula", () => {
  it("moves by the hand-computed factor on each kept or missed mark", () => {
    const [first, second, third] = reliabilitySeries(["kept", "kept", "missed"], DAILY);
    expect(first).toBeCloseTo(1 - M_DAILY, 12);
    expect(second).toBeCloseTo((1 - M_DAILY) * M_DAILY + (1 - M_DAILY), 12);
    expect(third).toBeCloseTo((1 - M_DAILY ** 2) * M_DAILY, 12);
  });

  it("halves a daily score after 13 misses: a half-life of 13 days", () => {
    expect(HALF_LIFE_DAYS).toBe(13);
    expect(reliabilitySeries(times(13, "missed"), DAILY, 1).at(-1)).toBeCloseTo(0.5, 12);
  });

  it("counts the half-life in occurrences scaled by the square root of the rate", () => {
    // Four a day: 13 · √4 = 26 occurrences to halve, not 13 · 4 = 52 nor 13.
    expect(reliabilitySeries(times(26, "missed"), 4, 1).at(-1)).toBeCloseTo(0.5, 12);
    // Weekly: 13 · √(1/7) ≈ 4.91 occurrences, so five misses take it just under half.
    const weeklyScores = reliabilitySeries(times(5, "missed"), WEEKLY, 1);
    expect(weeklyScores[3]).toBeGreaterThan(0.5);
    expect(weeklyScores[4]).toBeLessThan(0.5);
  });

  it("leaves the score as it was on an excused occurrence", () => {
    const series = reliabilitySeries(["kept", "excused", "excused", "missed", "excused"], DAILY);
    expect(series[1]).toBe(series[0]);
    expect(series[2]).toBe(series[0]);
    expect(series[4]).toBe(series[3]);
    expect(reliabilitySeries(["excused"], DAILY, 0.42)).toEqual([0.42]);
  });

  it("continues from a given start, and starts from 0 without one", () => {
    expect(reliabilitySeries(["kept"], DAILY, 0.5)[0]).toBeCloseTo(
      0.5 * M_DAILY + (1 - M_DAILY),
      12,
    );
    expect(reliabilitySeries(["missed"], DAILY)).toEqual([0]);
    expect(reliabilitySeries(["kept"], DAILY)[0]).toBeCloseTo(1 - M_DAILY, 12);
  });

  it("gives one score per mark, and none for no marks", () => {
    const marks: MarkOutcome[] = ["kept", "missed", "excused", "kept", "kept", "missed", "kept"];
    expect(reliabilitySeries(marks, DAILY)).toHaveLength(marks.length);
    expect(reliabilitySeries([], DAILY)).toEqual([]);
  });

  it("never falls to 0 after one miss, however long the record", () => {
    const series = reliabilitySeries([...times(60, "kept"), "missed"], DAILY);
    expect(series.at(-1)).toBeGreaterThan(0.9);
    expect(series.at(-1)).toBeLessThan(series.at(-2) ?? 0);
  });

  it("refuses a rate that is not positive and a start outside 0–1", () => {
    for (const rate of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => reliabilitySeries(["kept"], rate)).toThrow(RangeError);
    }
    for (const start of [-0.1, 1.1, Number.NaN]) {
      expect(() => reliabilitySeries(["kept"], DAILY, start)).toThrow(RangeError);
    }
  });
});

describe("occurrencesPerDay", () => {
  it("gives the rate of each cadence", () => {
    expect(occurrencesPerDay(daily)).toBe(1);
    expect(occurrencesPerDay({ kind: "weekdays", days: ["mon", "wed", "fri"] })).toBe(3 / 7);
    expect(occurrencesPerDay(weekly)).toBe(1 / 7);
    expect(occurrencesPerDay({ kind: "weekly", days: ["tue", "sat"] })).toBe(2 / 7);
    expect(occurrencesPerDay({ kind: "weekly", days: [] })).toBe(1 / 7);
    expect(occurrencesPerDay(situational)).toBe(1 / 7);
  });

  it("counts a weekday listed twice once", () => {
    expect(occurrencesPerDay({ kind: "weekdays", days: ["mon", "mon", "thu"] })).toBe(2 / 7);
  });

  it("gives 0 for a weekdays promise without days, which a series refuses", () => {
    const never: Cadence = { kind: "weekdays", days: [] };
    expect(occurrencesPerDay(never)).toBe(0);
    expect(() => reliabilitySeries([], occurrencesPerDay(never))).toThrow(RangeError);
  });
});

describe("coupleReliability", () => {
  it("is the mean of each promise's latest score", () => {
    expect(coupleReliability([{ series: [0.1, 0.8] }, { series: [0.4] }])).toBeCloseTo(0.6, 12);
  });

  it("leaves out promises without marks, and is null when none has any", () => {
    expect(coupleReliability([{ series: [0.7] }, { series: [] }])).toBe(0.7);
    expect(coupleReliability([{ series: [] }])).toBeNull();
    expect(coupleReliability([])).toBeNull();
  });

  it("weighs promises by their weight", () => {
    const mean = coupleReliability([
      { series: [0.9], weight: 3 },
      { series: [0.5], weight: 1 },
    ]);
    expect(mean).toBeCloseTo(0.8, 12);
    expect(coupleReliability([{ series: [0.9], weight: 0 }])).toBeNull();
    expect(() => coupleReliability([{ series: [0.9], weight: -1 }])).toThrow(RangeError);
  });
});

describe("reliabilityInWords", () => {
  it("names its thresholds", () => {
    expect({ JUST_STARTING_MARKS, STEADY_WEEKS, RECENT_WEEKS, DENTED_FROM_SCORE }).toEqual({
      JUST_STARTING_MARKS: 3,
      STEADY_WEEKS: 2,
      RECENT_WEEKS: 4,
      DENTED_FROM_SCORE: 0.5,
    });
  });

  it("is just starting with no marks, or a couple kept", () => {
    expect(reliabilityInWords([], daily)).toBe("Just starting");
    expect(reliabilityInWords(["kept", "excused", "kept"], daily)).toBe("Just starting");
    expect(reliabilityInWords(times(3, "excused"), weekly)).toBe("Just starting");
  });

  it("is building up while a run is shorter than two weeks", () => {
    expect(reliabilityInWords(times(3, "kept"), daily)).toBe("Building up");
    expect(reliabilityInWords(times(13, "kept"), daily)).toBe("Building up");
  });

  it("is steady once the run covers two weeks, counted in the cadence's weeks", () => {
    expect(reliabilityInWords(times(14, "kept"), daily)).toBe("Steady for two weeks");
    expect(reliabilityInWords(["missed", ...times(21, "kept")], daily)).toBe(
      "Steady for three weeks",
    );
    expect(reliabilityInWords(times(3, "kept"), weekly)).toBe("Steady for three weeks");
    const twiceAWeek: Cadence = { kind: "weekdays", days: ["tue", "fri"] };
    expect(reliabilityInWords(times(5, "kept"), twiceAWeek)).toBe("Steady for two weeks");
    expect(reliabilityInWords(times(100, "kept"), daily)).toBe("Steady for 14 weeks");
  });

  it("lets excusals neither break nor lengthen the run", () => {
    const holiday = [...times(10, "kept"), ...times(7, "excused"), ...times(4, "kept")];
    expect(reliabilityInWords(holiday, daily)).toBe("Steady for two weeks");
    expect(reliabilityInWords([...times(13, "kept"), "excused"], daily)).toBe("Building up");
  });

  it("counts a situational run in times, not weeks", () => {
    expect(reliabilityInWords(times(5, "kept"), situational)).toBe("Kept the last five times");
  });

  it("speaks gently of a miss just made", () => {
    expect(reliabilityInWords([...times(30, "kept"), "missed"], daily)).toBe(
      "Missed last time; the next one lifts it again",
    );
    expect(reliabilityInWords([...times(30, "kept"), "missed", "excused"], daily)).toBe(
      "Missed last time; the next one lifts it again",
    );
  });

  it("says one miss dented a good record that is recovering", () => {
    const history = [...times(30, "kept"), "missed", ...times(5, "kept")] as MarkOutcome[];
    expect(reliabilityInWords(history, daily)).toBe("One miss dented it; it is recovering");
    expect(reliabilityInWords(["missed", "kept"], weekly, 0.9)).toBe(
      "One miss dented it; it is recovering",
    );
  });

  it("does not call a miss a dent before the score had grown", () => {
    const early = [...times(5, "kept"), "missed", ...times(3, "kept")] as MarkOutcome[];
    expect(reliabilityInWords(early, daily)).toBe("Building up");
  });

  it("notices several recent misses, but not ones older than four weeks", () => {
    const lately = [...times(20, "kept"), "missed", "kept", "missed", "kept"] as MarkOutcome[];
    expect(reliabilityInWords(lately, daily)).toBe(
      "A few misses lately; each kept one lifts it again",
    );
    const weeklyLately = ["kept", "missed", "kept", "missed", "kept"] as MarkOutcome[];
    expect(reliabilityInWords(weeklyLately, weekly)).toBe(
      "A few misses lately; each kept one lifts it again",
    );
    // Five weekly marks back is outside four weeks: only the recent miss counts.
    const longAgo = ["missed", ...times(4, "kept"), "missed", "kept"] as MarkOutcome[];
    expect(reliabilityInWords(longAgo, weekly, 0.9)).toBe("One miss dented it; it is recovering");
  });
});
