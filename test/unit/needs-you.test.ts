import { describe, expect, it } from "vitest";
import { type NeedFacts, needsYou } from "../../src/domain/needs-you.ts";

const me = "me";
const partner = "partner";
const none: NeedFacts = {
  viewerId: me,
  pendingPhase: null,
  agreements: [],
  talkTimes: [],
  people: [],
  talkToLog: false,
};

describe("what needs you", () => {
  it("is nothing at all when nothing waits", () => {
    expect(needsYou(none)).toEqual([]);
  });

  it("lists only what waits for this person, not what waits for the partner", () => {
    const mine = needsYou({
      ...none,
      pendingPhase: { proposedBy: me },
      agreements: [{ status: "proposed", proposedBy: me, dueForReview: false }],
      talkTimes: [{ status: "proposed", proposedBy: me }],
      people: [
        { by: me, status: "proposed" },
        { by: partner, status: "concern" },
      ],
    });
    expect(mine).toEqual([]);
  });

  it("counts each kind once, answers to the partner first, then what is due", () => {
    const needs = needsYou({
      ...none,
      talkToLog: true,
      pendingPhase: { proposedBy: partner },
      agreements: [
        { status: "proposed", proposedBy: partner, dueForReview: false },
        { status: "proposed", proposedBy: partner, dueForReview: false },
        { status: "accepted", proposedBy: me, dueForReview: true },
        { status: "countered", proposedBy: partner, dueForReview: false },
      ],
      talkTimes: [{ status: "proposed", proposedBy: partner }],
      people: [
        { by: partner, status: "proposed" },
        { by: me, status: "concern" },
        { by: me, status: "agreed" },
      ],
    });
    expect(needs.map((n) => [n.kind, n.count])).toEqual([
      ["phase-answer", 1],
      ["agreement-answer", 2],
      ["talk-time-answer", 1],
      ["circle-answer", 1],
      ["circle-concern", 1],
      ["agreement-review", 1],
      ["talk-log", 1],
    ]);
    expect(needs.every((n) => n.href.startsWith("/"))).toBe(true);
  });
});
