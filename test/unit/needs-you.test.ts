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

describe("what needs you in Make meaning", () => {
  const quiet = {
    statements: [],
    questions: [],
    paragraphs: [],
    story: { coherent: false, signedBy: [] },
    partnerSharedOn: 0,
  };
  const kinds = (meaning: NonNullable<NeedFacts["meaning"]>) =>
    needsYou({ ...none, meaning }).map((need) => [need.kind, need.count]);

  it("asks for answers to the partner's statement and questions, never to one's own", () => {
    expect(
      kinds({
        ...quiet,
        statements: [
          { by: partner, newestAnsweredBy: [] },
          { by: me, newestAnsweredBy: [] },
        ],
        questions: [
          { askedBy: partner, state: "open", deferredTo: null },
          { askedBy: partner, state: "asked-again", deferredTo: null },
          { askedBy: partner, state: "open", deferredTo: "topic" },
          { askedBy: partner, state: "answered", deferredTo: null },
          { askedBy: me, state: "open", deferredTo: null },
        ],
      }),
    ).toEqual([
      ["statement-response", 1],
      ["question-answer", 2],
    ]);
    expect(kinds({ ...quiet, statements: [{ by: partner, newestAnsweredBy: [me] }] })).toEqual([]);
  });

  it("asks for a mark on each paragraph version not yet marked, and a signature once the partner signed", () => {
    expect(
      kinds({
        ...quiet,
        paragraphs: [{ markedBy: [partner] }, { markedBy: [me, partner] }, { markedBy: [] }],
        story: { coherent: false, signedBy: [] },
      }),
    ).toEqual([["story-mark", 2]]);
    expect(kinds({ ...quiet, story: { coherent: true, signedBy: [partner] } })).toEqual([
      ["story-sign", 1],
    ]);
    expect(kinds({ ...quiet, story: { coherent: true, signedBy: [me] } })).toEqual([]);
    expect(kinds({ ...quiet, story: { coherent: false, signedBy: [partner] } })).toEqual([]);
  });

  it("names reflections the partner shared last, after everything that is due", () => {
    const needs = needsYou({
      ...none,
      talkToLog: true,
      meaning: { ...quiet, partnerSharedOn: 2 },
    });
    expect(needs.map((need) => need.kind)).toEqual(["talk-log", "reflection-pair"]);
  });
});

describe("what needs you in Rebuild", () => {
  const day = (self: string | null, partnerView: string | null, excused = false) => ({
    self,
    partner: partnerView,
    excused,
  });
  const rebuild = {
    promises: [
      { by: partner, status: "proposed", dueForReview: false, open: [], excusals: [] },
      {
        by: me,
        status: "active",
        dueForReview: true,
        open: [day("kept", "saw-it"), day(null, null)],
        excusals: [{ by: me, status: "proposed" }],
      },
      {
        by: partner,
        status: "active",
        dueForReview: false,
        open: [day("kept", null), day(null, null, true)],
        excusals: [{ by: partner, status: "proposed" }],
      },
    ],
    checkin: { mineMissing: true, partnerSubmitted: false, onOrAfterDay: false },
    setbacks: [{ repairedBy: [partner] }, { repairedBy: [me] }, { repairedBy: [] }],
  };

  it("asks for answers, marks, views and repairs that wait for this person alone", () => {
    expect(needsYou({ ...none, rebuild }).map((n) => [n.kind, n.count])).toEqual([
      ["promise-answer", 1],
      ["excusal-answer", 1],
      ["setback-repair", 1],
      ["promise-mark", 1],
      ["promise-view", 1],
      ["promise-review", 1],
    ]);
  });

  it("reminds of the check-in on the agreed day, or once the partner's is in, until it is done", () => {
    const kinds = (checkin: typeof rebuild.checkin) =>
      needsYou({ ...none, rebuild: { ...rebuild, checkin } }).map((n) => n.kind);
    expect(kinds({ mineMissing: true, partnerSubmitted: false, onOrAfterDay: true })).toContain(
      "checkin",
    );
    expect(kinds({ mineMissing: true, partnerSubmitted: true, onOrAfterDay: false })).toContain(
      "checkin",
    );
    expect(kinds({ mineMissing: false, partnerSubmitted: true, onOrAfterDay: true })).not.toContain(
      "checkin",
    );
  });
});

describe("what needs you about a therapist", () => {
  const link = (status: string, proposedBy: string | null, lacksNewestKey = true) => ({
    ...none,
    therapist: { status, proposedBy, lacksNewestKey },
  });

  it("asks for consent only of the partner who did not propose", () => {
    expect(needsYou(link("proposed", partner)).map((n) => n.kind)).toEqual(["therapist-consent"]);
    expect(needsYou(link("proposed", me))).toEqual([]);
    expect(needsYou(link("consented", partner))).toEqual([]);
  });

  it("asks to let an accepted therapist in until the newest key is theirs", () => {
    expect(needsYou(link("active", me))[0]).toEqual({
      kind: "therapist-let-in",
      count: 1,
      href: "/support#your-therapist",
    });
    expect(needsYou(link("active", me, false))).toEqual([]);
    expect(needsYou({ ...none, therapist: null })).toEqual([]);
  });
});
