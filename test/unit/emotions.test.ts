import { describe, expect, it } from "vitest";
import {
  EMOTION_FAMILIES,
  familyOf,
  REPAIR_SCALE,
  repairTrend,
} from "../../src/domain/emotions.ts";

describe("the emotion vocabulary", () => {
  it("has the families the hurt and grief tool needs", () => {
    const keys = EMOTION_FAMILIES.map((family) => family.key);
    for (const key of ["hurt", "anger", "grief", "fear", "shame"]) expect(keys).toContain(key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("opens each family into six to ten lowercase words", () => {
    for (const family of EMOTION_FAMILIES) {
      expect(family.label).not.toBe("");
      expect(family.words.length).toBeGreaterThanOrEqual(6);
      expect(family.words.length).toBeLessThanOrEqual(10);
      for (const word of family.words) expect(word).toBe(word.toLowerCase().trim());
    }
  });

  it("uses each word once across the whole vocabulary", () => {
    const words = EMOTION_FAMILIES.flatMap((family) => family.words);
    expect(new Set(words).size).toBe(words.length);
  });
});

describe("familyOf", () => {
  it("finds the family of a word, whatever its case and spaces", () => {
    expect(familyOf("betrayed")?.key).toBe("hurt");
    expect(familyOf("  Furious ")?.key).toBe("anger");
    expect(familyOf("let down")?.key).toBe("hurt");
  });

  it("finds every word in its own family", () => {
    for (const family of EMOTION_FAMILIES) {
      for (const word of family.words) expect(familyOf(word)).toBe(family);
    }
  });

  it("finds nothing for a word outside the vocabulary", () => {
    expect(familyOf("happy")).toBeUndefined();
    expect(familyOf("")).toBeUndefined();
  });
});

describe("the repair scale", () => {
  it("runs from 0 to 10 with words for both ends", () => {
    expect([REPAIR_SCALE.min, REPAIR_SCALE.max]).toEqual([0, 10]);
    expect(REPAIR_SCALE.low).not.toBe("");
    expect(REPAIR_SCALE.high).not.toBe("");
  });
});

describe("repairTrend", () => {
  const now = new Date("2026-05-01T12:00:00Z");
  /** An answer `days` days before `now`. */
  const daysAgo = (days: number, value: number) => ({
    at: new Date(now.getTime() - days * 86_400_000).toISOString(),
    value,
  });

  it("tells no story with fewer than two answers", () => {
    expect(repairTrend([], now)).toBeNull();
    expect(repairTrend([daysAgo(3, 5)], now)).toBeNull();
  });

  it("leaves out answers dated after now", () => {
    expect(repairTrend([daysAgo(3, 5), daysAgo(-1, 9)], now)).toBeNull();
  });

  it("sees repair feel more possible than at the start", () => {
    expect(repairTrend([daysAgo(20, 3), daysAgo(1, 6)], now)).toEqual({
      direction: "rising",
      words: "Rising over the last two weeks",
    });
  });

  it("compares with the last answer from at least four weeks ago", () => {
    const points = [daysAgo(60, 9), daysAgo(35, 6), daysAgo(10, 2), daysAgo(0, 3)];
    expect(repairTrend(points, now)).toEqual({
      direction: "falling",
      words: "Lower than a month ago",
    });
  });

  it("takes an answer exactly four weeks old as the one to compare with", () => {
    expect(repairTrend([daysAgo(40, 9), daysAgo(28, 4), daysAgo(0, 4)], now)).toEqual({
      direction: "steady",
      words: "About the same as a month ago",
    });
    // A day younger, it is too recent: the one before it is compared instead.
    expect(repairTrend([daysAgo(40, 9), daysAgo(27, 4), daysAgo(0, 4)], now)).toEqual({
      direction: "falling",
      words: "Lower than a month ago",
    });
  });

  it("calls a move of one step the same, and two steps a change", () => {
    expect(repairTrend([daysAgo(8, 5), daysAgo(0, 6)], now)).toEqual({
      direction: "steady",
      words: "About the same as a week ago",
    });
    expect(repairTrend([daysAgo(8, 5), daysAgo(0, 7)], now)?.direction).toBe("rising");
    expect(repairTrend([daysAgo(8, 5), daysAgo(0, 3)], now)?.direction).toBe("falling");
    expect(repairTrend([daysAgo(8, 5), daysAgo(0, 4)], now)?.direction).toBe("steady");
  });

  it("reads the answers in time order, however they arrive", () => {
    expect(repairTrend([daysAgo(0, 8), daysAgo(5, 2)], now)).toEqual({
      direction: "rising",
      words: "Rising over the last few days",
    });
  });

  it("names the span in round figures, never longer than it was", () => {
    const wordsFor = (days: number) => repairTrend([daysAgo(days, 5), daysAgo(0, 5)], now)?.words;
    expect(wordsFor(6)).toBe("About the same as a few days ago");
    expect(wordsFor(7)).toBe("About the same as a week ago");
    expect(wordsFor(21)).toBe("About the same as three weeks ago");
    expect(wordsFor(28)).toBe("About the same as a month ago");
    expect(wordsFor(59)).toBe("About the same as a month ago");
    expect(wordsFor(95)).toBe("About the same as three months ago");
  });
});
