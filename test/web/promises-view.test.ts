import { describe, expect, it } from "vitest";
import type { PromiseItem } from "../../src/contracts/promises.ts";
import {
  alignSeries,
  cadenceWords,
  dayLabel,
  dayViews,
  groupPromises,
  inMarkWindow,
  listWords,
  moreDays,
  pendingChangeOf,
  percent,
  replacementOf,
  reviewDue,
  splitDays,
  togetherWords,
  trackingDays,
  visibleExcusals,
} from "../../src/web/features/promises/promise-view.ts";

const TODAY = "2027-03-10";
const none = { score: null, words: "Just starting", series: [] };

const promise = (over: Partial<PromiseItem>): PromiseItem => ({
  id: "p",
  sharedWithTherapist: false,
  by: "me",
  mine: true,
  status: "active",
  text: "Text you when I leave work.",
  noticeHow: "You get a message by 18:00.",
  cadence: { kind: "daily" },
  kind: "ordinary",
  area: null,
  reviewOn: "2027-04-01",
  replaces: null,
  proposedAt: "2027-03-01T10:00:00.000Z",
  acceptedAt: "2027-03-01T11:00:00.000Z",
  startedOn: "2027-03-01",
  endedAt: null,
  reliability: null,
  record: { self: none, partner: none },
  occurrences: [],
  excusals: [],
  ...over,
});

const day = (on: string, over: Partial<PromiseItem["occurrences"][number]> = {}) => ({
  on,
  self: null,
  partner: null,
  excused: false,
  ...over,
});

describe("grouping", () => {
  it("puts each promise where it waits, proposals oldest first and the ended latest first", () => {
    const list = [
      promise({ id: "a", status: "proposed", mine: false, proposedAt: "2027-03-05T00:00:00Z" }),
      promise({ id: "b", status: "proposed", mine: false, proposedAt: "2027-03-02T00:00:00Z" }),
      promise({ id: "c", status: "proposed" }),
      promise({ id: "d" }),
      promise({ id: "e", mine: false }),
      promise({ id: "f", status: "declined", endedAt: "2027-03-03T00:00:00Z" }),
      promise({ id: "g", status: "retired", endedAt: "2027-03-08T00:00:00Z" }),
      promise({ id: "h", status: "withdrawn", endedAt: "2027-03-04T00:00:00Z" }),
    ];
    const groups = groupPromises(list);
    expect(groups.forYou.map((p) => p.id)).toEqual(["b", "a"]);
    expect(groups.forPartner.map((p) => p.id)).toEqual(["c"]);
    expect(groups.mine.map((p) => p.id)).toEqual(["d"]);
    expect(groups.theirs.map((p) => p.id)).toEqual(["e"]);
    expect(groups.ended.map((p) => p.id)).toEqual(["g", "h", "f"]);
  });
});

describe("cadence in words", () => {
  it("names each kind of when", () => {
    expect(cadenceWords({ kind: "daily" }, null)).toBe("Every day");
    expect(cadenceWords({ kind: "weekdays", days: ["fri", "mon", "wed"] }, null)).toBe(
      "On Mondays, Wednesdays and Fridays",
    );
    expect(
      cadenceWords({ kind: "weekdays", days: ["mon", "tue", "wed", "thu", "fri"] }, null),
    ).toBe("On Monday to Friday");
    expect(cadenceWords({ kind: "weekly", days: ["sun"] }, null)).toBe("Once a week, on Sundays");
    // 2027-03-10 is a Wednesday: a weekly promise keeps the weekday it was accepted on.
    expect(cadenceWords({ kind: "weekly" }, TODAY)).toBe("Once a week, on Wednesdays");
    expect(cadenceWords({ kind: "weekly" }, null)).toBe(
      "Once a week, on the weekday it is accepted",
    );
    expect(cadenceWords({ kind: "situational" }, null)).toBe("Whenever the situation comes up");
  });

  it("lists words as a sentence does", () => {
    expect(listWords([])).toBe("");
    expect(listWords(["a"])).toBe("a");
    expect(listWords(["a", "b"])).toBe("a and b");
    expect(listWords(["a", "b", "c"])).toBe("a, b and c");
  });
});

describe("review", () => {
  it("is due from its review day on, for an active promise only", () => {
    expect(reviewDue(promise({ reviewOn: TODAY }), TODAY)).toBe(true);
    expect(reviewDue(promise({ reviewOn: "2027-03-09" }), TODAY)).toBe(true);
    expect(reviewDue(promise({ reviewOn: "2027-03-11" }), TODAY)).toBe(false);
    expect(reviewDue(promise({ reviewOn: TODAY, status: "proposed" }), TODAY)).toBe(false);
  });
});

describe("tracking days", () => {
  it("keeps the mark window: from the day tracking began, seven days back at most", () => {
    const p = promise({ startedOn: "2027-03-01" });
    expect(inMarkWindow(p, TODAY, TODAY)).toBe(true);
    expect(inMarkWindow(p, "2027-03-03", TODAY)).toBe(true);
    expect(inMarkWindow(p, "2027-03-02", TODAY)).toBe(false);
    expect(inMarkWindow(p, "2027-03-11", TODAY)).toBe(false);
    expect(inMarkWindow(promise({ startedOn: TODAY }), "2027-03-09", TODAY)).toBe(false);
  });

  it("shows a calendar promise's due days of the window, newest first", () => {
    const p = promise({
      occurrences: ["2027-03-01", "2027-03-04", "2027-03-08", "2027-03-10"].map((on) => day(on)),
    });
    expect(trackingDays(p, TODAY).map((o) => o.on)).toEqual([
      "2027-03-10",
      "2027-03-08",
      "2027-03-04",
    ]);
  });

  it("right after accepting, only today can be marked", () => {
    const p = promise({ startedOn: TODAY, occurrences: [day(TODAY)] });
    expect(trackingDays(p, TODAY).map((o) => o.on)).toEqual([TODAY]);
  });

  it("offers a situational promise today, the days already spoken of and the days added", () => {
    const p = promise({
      cadence: { kind: "situational" },
      occurrences: [day("2027-03-05", { self: "kept" })],
    });
    const shown = trackingDays(p, TODAY, ["2027-03-07", "2027-02-01"]);
    expect(shown.map((o) => o.on)).toEqual(["2027-03-10", "2027-03-07", "2027-03-05"]);
    expect(shown[2]?.self).toBe("kept");
    expect(moreDays(p, TODAY, shown)).toEqual([
      "2027-03-09",
      "2027-03-08",
      "2027-03-06",
      "2027-03-04",
      "2027-03-03",
    ]);
  });

  it("folds away the days already settled, keeping today and the views that part", () => {
    const days = [
      day(TODAY, { self: "kept", partner: "saw-it" }),
      day("2027-03-09", { self: "kept", partner: "saw-it" }),
      day("2027-03-08", { self: "kept", partner: "did-not-see" }),
      day("2027-03-07", { partner: "saw-it" }),
      day("2027-03-06", { self: "missed" }),
    ];
    const mine = splitDays(days, true, TODAY);
    expect(mine.open.map((o) => o.on)).toEqual([TODAY, "2027-03-08", "2027-03-07"]);
    expect(mine.settled.map((o) => o.on)).toEqual(["2027-03-09", "2027-03-06"]);
    const theirs = splitDays(days, false, TODAY);
    expect(theirs.open.map((o) => o.on)).toEqual([TODAY, "2027-03-08", "2027-03-06"]);
  });

  it("offers nothing to mark on a promise that is not active", () => {
    expect(trackingDays(promise({ status: "retired", occurrences: [day(TODAY)] }), TODAY)).toEqual(
      [],
    );
  });
});

describe("the two views of a day", () => {
  const names = { promiser: "You", partner: "Robin" };

  it("names both, side by side", () => {
    expect(dayViews(day(TODAY, { self: "kept", partner: "did-not-see" }), names)).toEqual({
      self: "You: kept",
      partner: "Robin: didn't see it",
      differ: true,
    });
    expect(dayViews(day(TODAY, { self: "kept", partner: "saw-it" }), names).differ).toBe(false);
    expect(dayViews(day(TODAY, { self: "missed", partner: "did-not-see" }), names).differ).toBe(
      false,
    );
  });

  it("says when a side has not spoken, and does not call that a difference", () => {
    expect(dayViews(day(TODAY, { self: "kept" }), names)).toEqual({
      self: "You: kept",
      partner: "Robin: hasn't said yet",
      differ: false,
    });
    expect(dayViews(day(TODAY), { promiser: "Robin", partner: "You" })).toMatchObject({
      self: "Robin: not marked yet",
      partner: "You: haven't said yet",
    });
  });

  it("labels today and yesterday by name", () => {
    const format = (d: string) => `on ${d}`;
    expect(dayLabel(TODAY, TODAY, format)).toBe("Today");
    expect(dayLabel("2027-03-09", TODAY, format)).toBe("Yesterday");
    expect(dayLabel("2027-03-08", TODAY, format)).toBe("on 2027-03-08");
  });
});

describe("scores over time", () => {
  it("puts both records on the same days without blending them", () => {
    const aligned = alignSeries(
      [
        { on: "2027-03-01", score: 0.1 },
        { on: "2027-03-03", score: 0.2 },
      ],
      [
        { on: "2027-03-02", score: 0.05 },
        { on: "2027-03-03", score: 0.15 },
      ],
    );
    expect(aligned).toEqual({
      days: ["2027-03-01", "2027-03-02", "2027-03-03"],
      self: [0.1, null, 0.2],
      partner: [null, 0.05, 0.15],
    });
  });

  it("gives a whole percentage, kept between 0 and 100", () => {
    expect(percent(0.8094)).toBe(81);
    expect(percent(1.2)).toBe(100);
    expect(percent(-0.1)).toBe(0);
  });
});

describe("days off", () => {
  const excusal = (
    id: string,
    status: "proposed" | "accepted" | "declined",
    from: string,
    to: string,
  ) => ({
    id,
    from,
    to,
    status,
    by: "me",
    mine: true,
    at: "2027-03-01T00:00:00Z",
  });

  it("shows waiting requests not yet past, and answered ones near or ahead", () => {
    const p = promise({
      excusals: [
        excusal("late", "proposed", "2027-03-12", "2027-03-14"),
        excusal("stale", "proposed", "2027-03-05", "2027-03-06"),
        excusal("agreed", "accepted", "2027-03-04", "2027-03-05"),
        excusal("old", "accepted", "2027-02-01", "2027-02-02"),
        excusal("no", "declined", "2027-03-11", "2027-03-11"),
      ],
    });
    expect(visibleExcusals(p, TODAY).map((e) => e.id)).toEqual(["agreed", "no", "late"]);
  });
});

describe("changed wording", () => {
  it("finds the proposal waiting to change a promise, and the one that took over", () => {
    const old = promise({ id: "old" });
    const waiting = promise({ id: "new", status: "proposed", replaces: "old" });
    expect(pendingChangeOf(old, [old, waiting])?.id).toBe("new");
    const retired = promise({ id: "old", status: "retired" });
    const took = promise({ id: "new", replaces: "old" });
    expect(replacementOf(retired, [retired, took])?.id).toBe("new");
    expect(replacementOf(retired, [retired, waiting])).toBeUndefined();
  });
});

describe("the couple's record in words", () => {
  it("says what the score means at this point, never the number alone", () => {
    const one = [promise({ startedOn: "2027-03-08" })];
    expect(togetherWords(null, one, TODAY)).toBe(
      "You are keeping one promise between you. No day is marked yet; the first mark starts the score.",
    );
    expect(togetherWords(0.03, one, TODAY)).toMatch(/only just begun\. The score rises slowly/);
    const settled = [promise({ startedOn: "2027-02-01" }), promise({ startedOn: "2027-03-08" })];
    expect(togetherWords(0.6, settled, TODAY)).toBe(
      "Across the two promises you are keeping, one miss dents the score and never resets it, and each kept day lifts it again.",
    );
  });
});
