import { describe, expect, it } from "vitest";
import type { Checkin, CheckinWeek } from "../../src/contracts/checkins.ts";
import {
  daysOfWeek,
  formValues,
  pastWeeks,
  trendPoints,
  trendSentence,
  weekIn,
  weekState,
} from "../../src/web/features/checkins/weeks.ts";

const ME = "me";
const PARTNER = "them";

const checkin = (week: string, by: string, over: Partial<Checkin> = {}): Checkin => ({
  id: `${week}-${by}`,
  week,
  sharedWithTherapist: false,
  by,
  mine: by === ME,
  at: "2026-12-06T18:00:00.000Z",
  safety: 6,
  connection: 5,
  trust: 4,
  intensity: 3,
  appreciation: "You made tea.",
  concern: "Late nights.",
  wish: "A walk on Sunday.",
  sameConcern: false,
  pushedToMoveOn: false,
  dontKnowWhereToStart: false,
  ...over,
});

const revealed = (week: string, mine: Partial<Checkin> = {}, theirs: Partial<Checkin> = {}) =>
  ({
    week,
    mine: checkin(week, ME, mine),
    theirs: checkin(week, PARTNER, theirs),
    partnerSubmitted: true,
  }) satisfies CheckinWeek;

describe("the days of an ISO week", () => {
  it("runs Monday to Sunday", () => {
    expect(daysOfWeek("2026-W49")).toEqual({ monday: "2026-11-30", sunday: "2026-12-06" });
  });

  it("knows week 1 may start in December and week 53 may end in January", () => {
    expect(daysOfWeek("2026-W01")).toEqual({ monday: "2025-12-29", sunday: "2026-01-04" });
    expect(daysOfWeek("2026-W53")).toEqual({ monday: "2026-12-28", sunday: "2027-01-03" });
  });

  it("says nothing for what is not a week", () => {
    expect(daysOfWeek("2026-49")).toBeNull();
    expect(daysOfWeek("2026-W00")).toBeNull();
  });
});

describe("where a week stands for the viewer", () => {
  it("is empty when the reply does not have it yet", () => {
    const week = weekIn([], "2026-W49");
    expect(week).toEqual({ week: "2026-W49", mine: null, theirs: null, partnerSubmitted: false });
    expect(weekState(week)).toBe("to-write");
  });

  it("stays the viewer's to write even when the partner has sent theirs", () => {
    expect(weekState({ week: "2026-W49", mine: null, theirs: null, partnerSubmitted: true })).toBe(
      "to-write",
    );
  });

  it("keeps one's own answers open to change until the partner has sent theirs", () => {
    const mine = checkin("2026-W49", ME);
    expect(weekState({ week: "2026-W49", mine, theirs: null, partnerSubmitted: false })).toBe(
      "mine-open",
    );
  });

  it("is closed, side by side, once both have sent theirs", () => {
    expect(weekState(revealed("2026-W49"))).toBe("revealed");
  });
});

describe("the weeks to look back on", () => {
  const weeks: CheckinWeek[] = [
    revealed("2026-W46"),
    { week: "2026-W47", mine: checkin("2026-W47", ME), theirs: null, partnerSubmitted: false },
    { week: "2026-W48", mine: null, theirs: null, partnerSubmitted: true },
    { week: "2026-W49", mine: checkin("2026-W49", ME), theirs: null, partnerSubmitted: false },
  ];

  it("leave out this week, and last week while it is still open, newest first", () => {
    expect(pastWeeks(weeks, "2026-W49", "2026-W48").map((w) => w.week)).toEqual([
      "2026-W47",
      "2026-W46",
    ]);
  });

  it("take last week in once both have sent theirs", () => {
    const closed = [...weeks.slice(0, 2), revealed("2026-W48"), weeks[3] as CheckinWeek];
    expect(pastWeeks(closed, "2026-W49", "2026-W48").map((w) => w.week)).toEqual([
      "2026-W48",
      "2026-W47",
      "2026-W46",
    ]);
  });
});

describe("a scale over the weeks", () => {
  const weeks: CheckinWeek[] = [
    revealed("2026-W49", { trust: 6 }, { trust: 5 }),
    {
      week: "2026-W48",
      mine: checkin("2026-W48", ME, { trust: 9 }),
      theirs: null,
      partnerSubmitted: false,
    },
    revealed("2026-W47", { trust: 4 }, { trust: 5 }),
  ];

  it("draws only the weeks both answered, oldest first", () => {
    expect(trendPoints(weeks, "trust")).toEqual([
      { week: "2026-W47", mine: 4, theirs: 5 },
      { week: "2026-W49", mine: 6, theirs: 5 },
    ]);
  });

  it("says the latest answer and which way it moved, never whether that is good", () => {
    expect(trendSentence([])).toBe("No answers side by side yet.");
    expect(trendSentence([7])).toBe("7 of 10, the first week side by side.");
    expect(trendSentence([4, 6])).toBe("6 of 10, up from 4 the week before.");
    expect(trendSentence([6, 3])).toBe("3 of 10, down from 6 the week before.");
    expect(trendSentence([5, 5])).toBe("5 of 10, the same as the week before.");
  });
});

describe("the form's starting values", () => {
  it("chooses no number for a new check-in", () => {
    expect(formValues(null)).toEqual({
      appreciation: "",
      concern: "",
      wish: "",
      sameConcern: false,
      pushedToMoveOn: false,
      dontKnowWhereToStart: false,
    });
  });

  it("starts a change from what one sent", () => {
    expect(
      formValues(checkin("2026-W49", ME, { safety: 8, wish: "More walks.", pushedToMoveOn: true })),
    ).toEqual({
      safety: 8,
      connection: 5,
      trust: 4,
      intensity: 3,
      appreciation: "You made tea.",
      concern: "Late nights.",
      wish: "More walks.",
      sameConcern: false,
      pushedToMoveOn: true,
      dontKnowWhereToStart: false,
    });
  });
});
