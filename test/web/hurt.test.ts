import { describe, expect, it } from "vitest";
import { MEANING_LIMITS } from "../../src/domain/limits.ts";
import {
  alignLines,
  axisUnit,
  latestPoint,
  orderLines,
  pointCount,
  trendWords,
} from "../../src/web/features/hurt/series.ts";
import {
  addOwnWord,
  chosenIn,
  chosenSummary,
  isFull,
  ownChips,
  ownWords,
  toggleWord,
  wordsByFamily,
} from "../../src/web/features/hurt/words.ts";

const many = (n: number) => Array.from({ length: n }, (_, i) => `word ${i}`);

describe("choosing words for what is felt", () => {
  it("chooses a word, and lets it go on a second press", () => {
    const once = toggleWord([], "betrayed");
    expect(once).toEqual(["betrayed"]);
    expect(toggleWord(once, "Betrayed ")).toEqual([]);
  });

  it("stops at the limit of one entry but still lets a chosen word go", () => {
    const full = many(MEANING_LIMITS.hurtWordsMax);
    expect(isFull(full)).toBe(true);
    expect(toggleWord(full, "numb")).toEqual(full);
    expect(toggleWord(full, "word 0")).toHaveLength(MEANING_LIMITS.hurtWordsMax - 1);
  });

  it("adds a word of one's own, trimmed, and refuses empty, long or repeated ones", () => {
    expect(addOwnWord([], "  worn   thin ")).toEqual({
      ok: true,
      words: ["worn thin"],
      word: "worn thin",
      family: null,
    });
    expect(addOwnWord([], "   ").ok).toBe(false);
    expect(addOwnWord([], "x".repeat(MEANING_LIMITS.hurtWordMax + 1)).ok).toBe(false);
    expect(addOwnWord(["worn thin"], "Worn Thin")).toEqual({
      ok: false,
      message: "“Worn Thin” is chosen already.",
    });
    expect(addOwnWord(many(MEANING_LIMITS.hurtWordsMax), "tired").ok).toBe(false);
  });

  it("keeps a typed vocabulary word as the vocabulary spells it, under its family", () => {
    expect(addOwnWord([], "Betrayed")).toEqual({
      ok: true,
      words: ["betrayed"],
      word: "betrayed",
      family: "Hurt",
    });
  });

  it("tells the person's own words from the vocabulary's", () => {
    expect(ownWords(["numb", "worn thin", "furious", "hollowed out"])).toEqual([
      "worn thin",
      "hollowed out",
    ]);
  });

  it("shows each own word once as a chip, kept when let go", () => {
    expect(ownChips(["worn thin", "hollow"], ["Worn Thin", "numb", "raw"])).toEqual([
      "worn thin",
      "hollow",
      "raw",
    ]);
  });

  it("sums up the chosen words in one line, and says when the entry is full", () => {
    expect(chosenSummary([])).toBe("No words chosen yet.");
    expect(chosenSummary(["numb"])).toBe("Chosen: numb.");
    expect(chosenSummary(["numb", "torn", "worn thin"])).toBe("Chosen: numb, torn and worn thin.");
    expect(chosenSummary(many(MEANING_LIMITS.hurtWordsMax))).toMatch(/as many as one entry holds/);
    expect(chosenIn(["numb", "empty", "flat"], ["Empty", "torn", "flat"])).toBe(2);
  });

  it("groups chosen words by family in the vocabulary's order, own words last", () => {
    expect(wordsByFamily(["worn thin", "numb", "furious", "betrayed", "deceived"])).toEqual([
      { key: "hurt", label: "Hurt", words: ["betrayed", "deceived"] },
      { key: "anger", label: "Anger", words: ["furious"] },
      { key: "numbness", label: "Numbness", words: ["numb"] },
      { key: "own", label: "Own words", words: ["worn thin"] },
    ]);
  });
});

const line = (by: string, mine: boolean, points: Array<[string, number]>) => ({
  by,
  mine,
  points: points.map(([at, value]) => ({ at, value })),
});

describe("the repair lines", () => {
  it("puts the viewer's line first and leaves out people with no answers", () => {
    const lines = orderLines([
      line("kai", false, [["2027-03-01T10:00:00.000Z", 4]]),
      line("nobody", false, []),
      line("me", true, [["2027-03-02T10:00:00.000Z", 6]]),
    ]);
    expect(lines.map((l) => l.by)).toEqual(["me", "kai"]);
    expect(pointCount(lines)).toBe(2);
  });

  it("aligns every line on one time axis, with gaps where a person did not answer", () => {
    const { xs, ys } = alignLines([
      line("me", true, [
        ["2027-03-03T10:00:00.000Z", 7],
        ["2027-03-01T10:00:00.000Z", 3],
      ]),
      line("kai", false, [["2027-03-02T10:00:00.000Z", 5]]),
    ]);
    const at = (iso: string) => Date.parse(iso) / 1000;
    expect(xs).toEqual([
      at("2027-03-01T10:00:00.000Z"),
      at("2027-03-02T10:00:00.000Z"),
      at("2027-03-03T10:00:00.000Z"),
    ]);
    expect(ys).toEqual([
      [3, null, 7],
      [null, 5, null],
    ]);
  });

  it("names times of day for answers within two days, and days beyond", () => {
    const day = 86_400;
    expect(axisUnit([0, 600, day])).toBe("time");
    expect(axisUnit([0, 3 * day])).toBe("day");
    expect(axisUnit([])).toBe("day");
  });

  it("finds the latest answer whatever the order", () => {
    expect(
      latestPoint([
        { at: "2027-03-05T10:00:00.000Z", value: 8 },
        { at: "2027-03-01T10:00:00.000Z", value: 2 },
      ])?.value,
    ).toBe(8);
  });
});

describe("the repair trend in words", () => {
  const now = new Date("2027-03-15T12:00:00.000Z");

  it("says kindly that one answer is a start, not a direction", () => {
    expect(trendWords([{ at: "2027-03-10T10:00:00.000Z", value: 4 }], now)).toBe(
      "One answer so far. A direction shows once there is a second one.",
    );
    expect(trendWords([], now)).toBe("No answers yet.");
  });

  it("uses the domain's words for a rise over two weeks", () => {
    const points = [
      { at: "2027-03-01T10:00:00.000Z", value: 3 },
      { at: "2027-03-14T10:00:00.000Z", value: 6 },
    ];
    expect(trendWords(points, now)).toBe("Rising over the last two weeks.");
  });

  it("counts an answer stamped a moment ahead of this device's clock", () => {
    const points = [
      { at: "2027-03-01T10:00:00.000Z", value: 6 },
      { at: "2027-03-15T12:00:05.000Z", value: 2 },
    ];
    expect(trendWords(points, now)).toBe("Lower than two weeks ago.");
  });
});
