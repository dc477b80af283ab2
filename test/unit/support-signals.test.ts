import { describe, expect, it } from "vitest";
import { type SupportFacts, supportSignals } from "../../src/domain/support-signals.ts";

const NOW = new Date("2028-02-29T12:00:00.000Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

const calm: SupportFacts = {
  now: NOW,
  phase: "meaning",
  phaseSince: daysAgo(30),
  topics: [{ carriedOver: 1, raisedAt: daysAgo(10) }],
  questions: [{ timesAsked: 2, askedAt: daysAgo(9), state: "asked-again" }],
  checkinWeeks: [],
  pushedToMoveOn: [],
  minimizingSince: null,
  paragraphs: [{ disputedSince: daysAgo(5) }],
  heardAnswers: [{ heard: "not-yet", at: daysAgo(20) }],
  promises: { activeNow: 0, lastActiveAt: null },
  dontKnowWhereToStart: [],
  intensity: "steady",
  snoozed: [],
};
const keys = (facts: Partial<SupportFacts>) =>
  supportSignals({ ...calm, ...facts }).map((s) => s.key);

describe("signals that a therapist would help", () => {
  it("stay quiet for a couple finding their way", () => {
    expect(supportSignals(calm)).toEqual([]);
  });

  it("notice the same argument: a topic carried over, a question asked again, the same concern", () => {
    const topic = supportSignals({ ...calm, topics: [{ carriedOver: 3, raisedAt: daysAgo(21) }] });
    expect(topic).toMatchObject([
      {
        key: "same-argument",
        data: ["A topic carried over to the next talk three times"],
        since: daysAgo(21),
      },
    ]);
    expect(keys({ questions: [{ timesAsked: 3, askedAt: daysAgo(9), state: "open" }] })).toEqual([
      "same-argument",
    ]);
    // Letting a question go is the way out of the loop, not a sign of it.
    expect(keys({ questions: [{ timesAsked: 5, askedAt: daysAgo(9), state: "let-go" }] })).toEqual(
      [],
    );
    const same = (flags: boolean[]) =>
      flags.map((sameConcern, i) => ({
        week: `2028-W0${i + 1}`,
        sameConcern,
        at: daysAgo(40 - i * 7),
      }));
    expect(keys({ checkinWeeks: same([true, true, true]) })).toEqual(["same-argument"]);
    expect(keys({ checkinWeeks: same([true, true, true, false]) })).toEqual([]);
  });

  it("notice pressure to move on, from one's own answer or the partner's shared one", () => {
    const mine = supportSignals({ ...calm, pushedToMoveOn: [{ at: daysAgo(3), mine: true }] });
    expect(mine[0]).toMatchObject({
      key: "pressure-to-move-on",
      data: ["You said you feel pushed to move on"],
    });
    const theirs = supportSignals({ ...calm, pushedToMoveOn: [{ at: daysAgo(3), mine: false }] });
    expect(theirs[0]?.data).toEqual(["Your partner shared that they feel pushed to move on"]);
    expect(keys({ minimizingSince: daysAgo(8) })).toEqual(["pressure-to-move-on"]);
    // Said five weeks ago and not since: it has cleared.
    expect(keys({ pushedToMoveOn: [{ at: daysAgo(35), mine: true }] })).toEqual([]);
  });

  it("notice a story disputed for weeks, and a statement answered not yet again and again", () => {
    expect(keys({ paragraphs: [{ disputedSince: daysAgo(21) }] })).toEqual(["cannot-agree"]);
    expect(keys({ paragraphs: [{ disputedSince: daysAgo(20) }] })).toEqual([]);
    const answers = (list: Array<"yes" | "partly" | "not-yet">) =>
      list.map((heard, i) => ({ heard, at: daysAgo(30 - i) }));
    expect(keys({ heardAnswers: answers(["not-yet", "not-yet", "not-yet"]) })).toEqual([
      "cannot-agree",
    ]);
    expect(keys({ heardAnswers: answers(["not-yet", "not-yet", "partly"]) })).toEqual([]);
  });

  it("notice Rebuild with no promise for two weeks, or someone saying they don't know where to start", () => {
    const rebuild = { phase: "rebuild" as const, phaseSince: daysAgo(20) };
    expect(keys({ ...rebuild })).toEqual(["stuck-rebuilding"]);
    expect(keys({ ...rebuild, promises: { activeNow: 1, lastActiveAt: daysAgo(0) } })).toEqual([]);
    expect(keys({ ...rebuild, promises: { activeNow: 0, lastActiveAt: daysAgo(10) } })).toEqual([]);
    expect(
      keys({
        ...rebuild,
        promises: { activeNow: 1, lastActiveAt: daysAgo(0) },
        dontKnowWhereToStart: [{ at: daysAgo(1), mine: false }],
      }),
    ).toEqual(["stuck-rebuilding"]);
    // Outside Rebuild there is nothing to start yet.
    expect(keys({ phaseSince: daysAgo(20) })).toEqual([]);
  });

  it("notice intensity not easing after six weeks in Stabilize, and let it go when it eases", () => {
    const stabilize = { phase: "stabilize" as const, phaseSince: daysAgo(43) };
    const raised = supportSignals({ ...calm, ...stabilize, intensity: "rising" });
    expect(raised).toMatchObject([
      { key: "no-calming", data: ["six weeks in Stabilize", "Intensity has been rising"] },
    ]);
    expect(raised[0]?.since).toBe(daysAgo(1));
    expect(keys({ ...stabilize, intensity: "easing" })).toEqual([]);
    expect(keys({ ...stabilize, intensity: "low" })).toEqual([]);
    expect(keys({ phase: "stabilize", phaseSince: daysAgo(41), intensity: "rising" })).toEqual([]);
  });

  it("fold a snoozed signal until its day, then show it again", () => {
    const facts = { ...calm, minimizingSince: daysAgo(8) };
    const until = daysAgo(-3);
    expect(
      supportSignals({ ...facts, snoozed: [{ key: "pressure-to-move-on", until }] })[0]
        ?.snoozedUntil,
    ).toBe(until);
    expect(
      supportSignals({ ...facts, snoozed: [{ key: "pressure-to-move-on", until: daysAgo(1) }] })[0]
        ?.snoozedUntil,
    ).toBeNull();
  });
});
