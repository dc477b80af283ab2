import { describe, expect, it } from "vitest";
import {
  checkinWeekProblem,
  isIsoWeek,
  openWeeks,
  weekAfter,
  weekRuns,
} from "../../src/domain/checkins.ts";
import { milestonesReached } from "../../src/domain/milestones.ts";
import {
  excusalProblem,
  occurrencesOf,
  partnerRecord,
  promiseMoveProblem,
  reviewDayProblem,
  selfRecord,
  viewsDiffer,
} from "../../src/domain/promises.ts";
import {
  durationInWords,
  hoursBetween,
  repairedAt,
  repairTrendInWords,
  suggestsStepBack,
} from "../../src/domain/setbacks.ts";

describe("a promise's life", () => {
  const proposed = { status: "proposed" as const, promiser: "kai" };
  const active = { status: "active" as const, promiser: "kai" };
  it("is accepted or declined by the partner, withdrawn by the promiser", () => {
    expect(promiseMoveProblem(proposed, "accept", "robin")).toBeNull();
    expect(promiseMoveProblem(proposed, "accept", "kai")).toMatch(/partner/);
    expect(promiseMoveProblem(proposed, "withdraw", "kai")).toBeNull();
    expect(promiseMoveProblem(proposed, "withdraw", "robin")).not.toBeNull();
    expect(promiseMoveProblem(active, "accept", "robin")).not.toBeNull();
  });
  it("is marked by the promiser and seen by the partner, only while active", () => {
    expect(promiseMoveProblem(active, "mark", "kai")).toBeNull();
    expect(promiseMoveProblem(active, "mark", "robin")).not.toBeNull();
    expect(promiseMoveProblem(active, "view", "robin")).toBeNull();
    expect(promiseMoveProblem(active, "view", "kai")).not.toBeNull();
    expect(promiseMoveProblem(proposed, "mark", "kai")).not.toBeNull();
  });
  it("asks a transparency routine for a review within 90 days, anything else within 180", () => {
    expect(reviewDayProblem("transparency", undefined, "2028-02-01")).toMatch(/90 days/);
    expect(reviewDayProblem("transparency", "2028-05-01", "2028-02-01")).toBeNull();
    // 2028 is a leap year: 1 Feb + 90 days is 1 May; the 2nd is one too many.
    expect(reviewDayProblem("transparency", "2028-05-02", "2028-02-01")).toMatch(/2028-05-01/);
    expect(reviewDayProblem("ordinary", undefined, "2028-02-01")).toBeNull();
    expect(reviewDayProblem("ordinary", "2028-02-01", "2028-02-01")).toMatch(/after today/);
    expect(reviewDayProblem("ordinary", "2028-02-30", "2028-02-01")).toMatch(/real calendar day/);
  });
  it("takes days off only from today on, and not for a season", () => {
    expect(excusalProblem("2028-02-29", "2028-03-02", "2028-02-29")).toBeNull();
    expect(excusalProblem("2028-02-28", "2028-03-02", "2028-02-29")).toMatch(/ahead/);
    expect(excusalProblem("2028-03-02", "2028-03-01", "2028-02-29")).toMatch(/on or after/);
    expect(excusalProblem("2028-03-01", "2028-04-01", "2028-02-29")).toMatch(/31 days/);
  });
});

describe("occurrences in two views", () => {
  const tracked = {
    cadence: { kind: "weekdays" as const, days: ["mon", "thu"] as const },
    startedOn: "2027-03-25",
    until: "2027-04-05",
    marks: [
      { on: "2027-03-25", mark: "kept" as const },
      { on: "2027-03-29", mark: "missed" as const },
      { on: "2027-04-05", mark: "kept" as const },
    ],
    views: [
      { on: "2027-03-25", view: "did-not-see" as const },
      { on: "2027-03-29", view: "did-not-see" as const },
    ],
    excusals: [{ from: "2027-04-01", to: "2027-04-02" }],
  };
  it("lists the due days across the clocks going forward, each with both views", () => {
    const occurrences = occurrencesOf(tracked);
    expect(occurrences.map((o) => o.on)).toEqual([
      "2027-03-25",
      "2027-03-29",
      "2027-04-01",
      "2027-04-05",
    ]);
    expect(occurrences[2]).toEqual({ on: "2027-04-01", self: null, partner: null, excused: true });
    expect(occurrences.map(viewsDiffer)).toEqual([true, false, false, false]);
  });
  it("scores the promiser's marks and the partner's views apart, unmarked days left out", () => {
    const occurrences = occurrencesOf(tracked);
    expect(selfRecord(occurrences)).toEqual(["kept", "missed", "excused", "kept"]);
    expect(partnerRecord(occurrences)).toEqual(["missed", "missed", "excused"]);
  });
  it("gives a situational promise the days someone said something about", () => {
    const situational = occurrencesOf({
      ...tracked,
      cadence: { kind: "situational" },
      marks: [{ on: "2027-03-27", mark: "kept" }],
      views: [{ on: "2027-03-20", view: "saw-it" }],
    });
    expect(situational.map((o) => o.on)).toEqual(["2027-03-27"]);
  });
});

describe("weekly check-ins", () => {
  it("knows which ISO weeks exist", () => {
    expect(isIsoWeek("2026-W53")).toBe(true);
    expect(isIsoWeek("2027-W53")).toBe(false);
    expect(isIsoWeek("2027-W00")).toBe(false);
    expect(weekAfter("2026-W53")).toBe("2027-W01");
    expect(weekAfter("2028-W08")).toBe("2028-W09");
  });
  it("opens this week and last, in the couple's zone", () => {
    // Sunday night in Berlin is already Monday in Tokyo.
    const at = new Date("2027-01-10T22:30:00Z");
    expect(openWeeks(at, "Europe/Berlin")).toEqual({ current: "2027-W01", previous: "2026-W53" });
    expect(openWeeks(at, "Asia/Tokyo")).toEqual({ current: "2027-W02", previous: "2027-W01" });
    expect(checkinWeekProblem("2026-W52", at, "Europe/Berlin")).toMatch(/2027-W01/);
    expect(checkinWeekProblem("2026-W53", at, "Europe/Berlin")).toBeNull();
  });
  it("counts weeks in a row across a year's end", () => {
    expect(weekRuns(["2027-W01", "2026-W52", "2026-W53", "2027-W03"])).toEqual([
      { week: "2026-W52", length: 1 },
      { week: "2026-W53", length: 2 },
      { week: "2027-W01", length: 3 },
      { week: "2027-W03", length: 1 },
    ]);
  });
});

describe("setbacks", () => {
  it("are repaired at the later of both partners' word", () => {
    const said = [
      { by: "kai", at: "2027-03-02T10:00:00.000Z" },
      { by: "robin", at: "2027-03-03T12:30:00.000Z" },
    ];
    expect(repairedAt(said.slice(0, 1), ["kai", "robin"])).toBeNull();
    expect(repairedAt(said, ["kai", "robin"])).toBe("2027-03-03T12:30:00.000Z");
    expect(hoursBetween("2027-03-01T12:00:00.000Z", "2027-03-03T12:30:00.000Z")).toBe(48.5);
  });
  it("say the repair trend in words, kindly", () => {
    expect(repairTrendInWords([])).toBe("No setback has been repaired yet.");
    expect(repairTrendInWords([72, 60, 20, 10])).toMatch(/quicker/);
    expect(repairTrendInWords([10, 12, 60, 80])).toMatch(/longer/);
    expect(repairTrendInWords([24, 30, 26])).toMatch(/about as long/);
    expect(durationInWords(0.5)).toBe("less than an hour");
    expect(durationInWords(5)).toBe("five hours");
    expect(durationInWords(72)).toBe("three days");
  });
  it("suggest stepping back only for a new deception in Rebuild", () => {
    expect(suggestsStepBack("new-deception", "rebuild")).toBe(true);
    expect(suggestsStepBack("new-deception", "meaning")).toBe(false);
    expect(suggestsStepBack("doubt", "rebuild")).toBe(false);
  });
});

describe("milestones", () => {
  const days = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => `2027-03-${String(from + i).padStart(2, "0")}`);
  const keptOn = (list: string[]) =>
    list.map((on) => ({ promiseId: "p", on, at: `${on}T20:00:00.000Z` }));
  const none = { checkinWeeks: [], storySignedAt: null, repairs: [], today: "2027-03-16" };

  it("waits for a whole Monday-to-Sunday week, all kept, before the first full week", () => {
    // Begun on a Wednesday: that week is partial; the next, Monday 8 to Sunday 14, is whole.
    const promises = [{ id: "p", startedOn: "2027-03-03", dueDays: days(3, 16) }];
    const allButOne = keptOn(days(3, 16).filter((d) => d !== "2027-03-10"));
    expect(milestonesReached({ kept: allButOne, promises, ...none }).map((m) => m.key)).toEqual([
      "bricks-10",
    ]);
    const reached = milestonesReached({ kept: keptOn(days(3, 16)), promises, ...none });
    expect(reached.find((m) => m.key === "first-full-week")?.reachedAt).toBe(
      "2027-03-14T20:00:00.000Z",
    );
    expect(reached.find((m) => m.key === "bricks-10")?.reachedAt).toBe("2027-03-12T20:00:00.000Z");
  });
  it("marks four check-ins in a row, the story signed and a quick repair", () => {
    const reached = milestonesReached({
      kept: [],
      promises: [],
      today: "2027-01-20",
      checkinWeeks: ["2026-W52", "2026-W53", "2027-W01", "2027-W02"].map((week, i) => ({
        week,
        completedAt: `2027-01-${String(10 + i).padStart(2, "0")}T10:00:00.000Z`,
      })),
      storySignedAt: "2026-12-01T10:00:00.000Z",
      repairs: [
        { at: "2027-01-01T10:00:00.000Z", repairedAt: "2027-01-05T10:00:00.000Z" },
        { at: "2027-01-06T10:00:00.000Z", repairedAt: "2027-01-08T09:00:00.000Z" },
      ],
    });
    expect(reached).toEqual([
      { key: "story-signed", reachedAt: "2026-12-01T10:00:00.000Z" },
      { key: "quick-repair", reachedAt: "2027-01-08T09:00:00.000Z" },
      { key: "checkins-4-in-a-row", reachedAt: "2027-01-13T10:00:00.000Z" },
    ]);
  });
});
