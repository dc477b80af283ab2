import { describe, expect, it } from "vitest";
import { computeReadiness, PHASE_READS, type ReadinessFacts } from "../../src/domain/readiness.ts";

const facts = (over: Partial<ReadinessFacts> = {}): ReadinessFacts => ({
  partnerJoined: true,
  acceptedAgreements: 0,
  overdueReviews: 0,
  viewerFeelsSafeEnough: false,
  acceptedTalkTimes: 0,
  talksHeld: 0,
  intensity: [],
  therapy: "not-decided",
  meaning: {
    statements: [],
    story: { paragraphs: 0, agreed: 0, signedByBoth: false },
    longOpenQuestions: 0,
    recentAskedAgain: 0,
  },
  ...over,
});

const met = (items: ReturnType<typeof computeReadiness>, key: string) =>
  items.find((i) => i.key === key);

describe("readiness for Make meaning", () => {
  it("lists Stabilize's items, each saying what is missing", () => {
    const items = computeReadiness("stabilize", facts());
    expect(items.map((i) => [i.key, i.met])).toEqual([
      ["partner-joined", true],
      ["talk-times", false],
      ["agreement-accepted", false],
      ["intensity-calming", false],
      // No free point: with nothing in place, nothing has been reviewed on time.
      ["reviews-current", false],
      ["safe-enough", false],
      ["therapy-decided", false],
    ]);
    expect(met(items, "agreement-accepted")?.detail).toMatch(/No agreement/);
    expect(met(items, "reviews-current")?.detail).toMatch(/nothing to review/);
  });

  it("is met item by item as the couple's data arrives", () => {
    const items = computeReadiness(
      "stabilize",
      facts({
        acceptedAgreements: 2,
        viewerFeelsSafeEnough: true,
        acceptedTalkTimes: 1,
        talksHeld: 3,
        intensity: [
          { mine: true, status: "easing" },
          { mine: false, status: "low" },
        ],
        therapy: "set-aside",
      }),
    );
    expect(items.every((i) => i.met)).toBe(true);
    expect(met(items, "agreement-accepted")?.detail).toBe("2 agreements in place.");
    expect(met(items, "talk-times")?.detail).toBe(
      "1 talk time is agreed and 3 talks have been logged.",
    );
  });

  it("needs talk times to be used, not only agreed", () => {
    const item = met(computeReadiness("stabilize", facts({ acceptedTalkTimes: 1 })), "talk-times");
    expect(item).toMatchObject({
      met: false,
      detail: expect.stringMatching(/after your first one/),
    });
  });

  it("needs every shared intensity trend to be low or easing", () => {
    const item = (intensity: ReadinessFacts["intensity"]) =>
      met(computeReadiness("stabilize", facts({ intensity })), "intensity-calming");
    expect(item([{ mine: true, status: "low" }])?.met).toBe(true);
    expect(
      item([
        { mine: true, status: "low" },
        { mine: false, status: "rising" },
      ]),
    ).toMatchObject({
      met: false,
      detail: expect.stringMatching(/both of you/),
    });
    expect(item([{ mine: true, status: "steady" }])?.detail).toMatch(/Your intensity/);
    expect(item([{ mine: true, status: "not-enough-data" }])?.detail).toMatch(
      /not enough intensity checks/,
    );
  });

  it("counts any decision about therapy, including setting it aside", () => {
    for (const therapy of ["looking", "started", "set-aside"] as const) {
      expect(met(computeReadiness("stabilize", facts({ therapy })), "therapy-decided")?.met).toBe(
        true,
      );
    }
  });

  it("keeps Rebuild to the items that still apply", () => {
    const items = computeReadiness(
      "rebuild",
      facts({ acceptedAgreements: 1, overdueReviews: 1, partnerJoined: false }),
    );
    expect(items.map((i) => i.key)).toEqual(["partner-joined", "reviews-current", "safe-enough"]);
    expect(met(items, "reviews-current")?.detail).toBe("1 agreement is waiting for a review.");
  });
});

describe("readiness for Rebuild", () => {
  const meaning = (over: Partial<ReadinessFacts["meaning"]>) =>
    facts({ meaning: { ...facts().meaning, ...over } });

  it("looks at the statement, the story, the questions, intensity and safety", () => {
    expect(computeReadiness("meaning", facts()).map((i) => i.key)).toEqual([
      "partner-joined",
      "statement-heard",
      "story-signed",
      "questions-calm",
      "intensity-calming",
      "safe-enough",
    ]);
  });

  it("counts a statement heard only when its newest version was answered 'I feel heard'", () => {
    const heard = (statements: ReadinessFacts["meaning"]["statements"]) =>
      met(computeReadiness("meaning", meaning({ statements })), "statement-heard");
    expect(heard([])?.met).toBe(false);
    expect(heard([{ heard: null }])?.detail).toMatch(/waiting for an answer/);
    expect(heard([{ heard: "partly" }])?.met).toBe(false);
    expect(heard([{ heard: "yes" }, { heard: "not-yet" }])?.met).toBe(false);
    expect(heard([{ heard: "yes" }])?.met).toBe(true);
  });

  it("says how far the story is, and meets it only once both signed", () => {
    const story = (s: ReadinessFacts["meaning"]["story"]) =>
      met(computeReadiness("meaning", meaning({ story: s })), "story-signed");
    expect(story({ paragraphs: 0, agreed: 0, signedByBoth: false })?.detail).toMatch(
      /no paragraphs/,
    );
    expect(story({ paragraphs: 5, agreed: 3, signedByBoth: false })).toMatchObject({
      met: false,
      detail: "You both agree on 3 of 5 paragraphs of your story.",
    });
    expect(story({ paragraphs: 5, agreed: 5, signedByBoth: false })?.detail).toMatch(
      /ready for both/,
    );
    expect(story({ paragraphs: 5, agreed: 5, signedByBoth: true })?.met).toBe(true);
  });

  it("finds the ledger calm without long-waiting questions and with few asked again", () => {
    const calm = (over: Partial<ReadinessFacts["meaning"]>) =>
      met(computeReadiness("meaning", meaning(over)), "questions-calm");
    expect(calm({})?.met).toBe(true);
    expect(calm({ recentAskedAgain: 2 })?.met).toBe(true);
    expect(calm({ recentAskedAgain: 3 })).toMatchObject({
      met: false,
      detail: expect.stringMatching(/3 questions were asked again/),
    });
    expect(calm({ longOpenQuestions: 1 })).toMatchObject({
      met: false,
      detail: expect.stringMatching(/1 question has waited/),
    });
  });
});

describe("what each phase reads", () => {
  const busy = facts({
    acceptedTalkTimes: 2,
    talksHeld: 40,
    meaning: {
      statements: [{ heard: "yes" }],
      story: { paragraphs: 5, agreed: 5, signedByBoth: true },
      longOpenQuestions: 3,
      recentAskedAgain: 7,
    },
  });
  const unread = (phase: "stabilize" | "meaning" | "rebuild") => ({
    ...busy,
    ...(PHASE_READS[phase].talksHeld ? {} : { talksHeld: 0 }),
    ...(PHASE_READS[phase].meaning ? {} : { meaning: facts().meaning }),
  });

  it("never lets a fact a phase does not read change that phase's items", () => {
    for (const phase of ["stabilize", "meaning", "rebuild"] as const) {
      expect(computeReadiness(phase, unread(phase))).toEqual(computeReadiness(phase, busy));
    }
  });

  it("reads in each phase the facts its items show", () => {
    const without = { ...busy, talksHeld: 0 };
    expect(computeReadiness("stabilize", without)).not.toEqual(computeReadiness("stabilize", busy));
    const quiet = { ...busy, meaning: facts().meaning };
    expect(computeReadiness("meaning", quiet)).not.toEqual(computeReadiness("meaning", busy));
  });
});
