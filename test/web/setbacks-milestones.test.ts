import { describe, expect, it } from "vitest";
import type { Milestone } from "../../src/contracts/setbacks.ts";
import { reachedNewestFirst, toCelebrate } from "../../src/web/features/milestones/milestones.ts";

const milestones: Milestone[] = [
  { key: "bricks-10", reachedAt: "2026-12-04T10:00:00.000Z", seenByMe: false },
  { key: "quick-repair", reachedAt: "2026-12-02T10:00:00.000Z", seenByMe: false },
  { key: "story-signed", reachedAt: "2026-11-20T10:00:00.000Z", seenByMe: true },
];

describe("milestones to celebrate", () => {
  it("are the ones the viewer has not seen, in the order they were reached", () => {
    expect(toCelebrate(milestones).map((m) => m.key)).toEqual(["quick-repair", "bricks-10"]);
  });

  it("leave out one thanked for on this screen before the list is read again", () => {
    expect(toCelebrate(milestones, new Set(["quick-repair"])).map((m) => m.key)).toEqual([
      "bricks-10",
    ]);
    expect(toCelebrate(milestones, new Set(["quick-repair", "bricks-10"]))).toEqual([]);
  });
});

describe("every milestone reached", () => {
  it("lists the latest first, seen or not", () => {
    expect(reachedNewestFirst(milestones).map((m) => m.key)).toEqual([
      "bricks-10",
      "quick-repair",
      "story-signed",
    ]);
  });
});
