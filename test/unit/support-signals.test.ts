import { describe, expect, it } from "vitest";
import {
  evidenceForTherapist,
  type SupportFacts,
  supportSignals,
} from "../../src/domain/support-signals.ts";

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
  promises: { activeNow: 0, lastActiveAt: null, lastAcceptedAt: null },
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
        evidence: [
          {
            what: "topic-carried-over",
            count: 3,
            since: daysAgo(21),
            words: "A topic carried over to the next talk three times",
          },
        ],
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
    expect(supportSignals({ ...calm, checkinWeeks: same([true, true, true]) })).toMatchObject([
      {
        key: "same-argument",
        evidence: [{ what: "same-concern-weeks", count: 3, since: daysAgo(40) }],
      },
    ]);
    expect(keys({ checkinWeeks: same([true, true, true, false]) })).toEqual([]);
  });

  it("notice pressure to move on, from one's own answer or the partner's shared one", () => {
    const mine = supportSignals({ ...calm, pushedToMoveOn: [{ at: daysAgo(3), mine: true }] });
    expect(mine[0]).toMatchObject({
      key: "pressure-to-move-on",
      evidence: [
        { what: "pushed-to-move-on-mine", count: 1, words: "You said you feel pushed to move on" },
      ],
    });
    const theirs = supportSignals({ ...calm, pushedToMoveOn: [{ at: daysAgo(3), mine: false }] });
    expect(theirs[0]?.evidence.map((e) => e.words)).toEqual([
      "Your partner shared that they feel pushed to move on",
    ]);
    expect(keys({ minimizingSince: daysAgo(8) })).toEqual(["pressure-to-move-on"]);
    // Said five weeks ago and not since: it has cleared.
    expect(keys({ pushedToMoveOn: [{ at: daysAgo(35), mine: true }] })).toEqual([]);
  });

  it("notice a story disputed for weeks, and a statement answered not yet again and again", () => {
    expect(keys({ paragraphs: [{ disputedSince: daysAgo(21) }] })).toEqual(["cant-agree"]);
    expect(keys({ paragraphs: [{ disputedSince: daysAgo(20) }] })).toEqual([]);
    const answers = (list: Array<"yes" | "partly" | "not-yet">) =>
      list.map((heard, i) => ({ heard, at: daysAgo(30 - i) }));
    expect(keys({ heardAnswers: answers(["not-yet", "not-yet", "not-yet"]) })).toEqual([
      "cant-agree",
    ]);
    expect(keys({ heardAnswers: answers(["not-yet", "not-yet", "partly"]) })).toEqual([]);
  });

  it("notice Rebuild with no promise for two weeks, or someone saying they don't know where to start", () => {
    const rebuild = { phase: "rebuild" as const, phaseSince: daysAgo(20) };
    expect(keys({ ...rebuild })).toEqual(["dont-know-where-to-start"]);
    const active = { activeNow: 1, lastActiveAt: daysAgo(0), lastAcceptedAt: daysAgo(5) };
    expect(keys({ ...rebuild, promises: active })).toEqual([]);
    expect(
      keys({
        ...rebuild,
        promises: { activeNow: 0, lastActiveAt: daysAgo(10), lastAcceptedAt: null },
      }),
    ).toEqual([]);
    const said = supportSignals({
      ...calm,
      ...rebuild,
      promises: active,
      dontKnowWhereToStart: [{ at: daysAgo(1), mine: false }],
    });
    expect(said).toMatchObject([
      {
        key: "dont-know-where-to-start",
        evidence: [{ what: "dont-know-partner", count: 1, since: daysAgo(1) }],
      },
    ]);
    // A promise accepted after it was said is the start that was missing; so is time.
    const after = { ...active, lastAcceptedAt: daysAgo(0) };
    expect(
      keys({ ...rebuild, promises: after, dontKnowWhereToStart: [{ at: daysAgo(1), mine: true }] }),
    ).toEqual([]);
    expect(
      keys({
        ...rebuild,
        promises: active,
        dontKnowWhereToStart: [{ at: daysAgo(29), mine: true }],
      }),
    ).toEqual([]);
    // Outside Rebuild there is nothing to start yet.
    expect(keys({ phaseSince: daysAgo(20) })).toEqual([]);
  });

  it("notice intensity not easing after six weeks in Stabilize, and let it go when it eases", () => {
    const stabilize = { phase: "stabilize" as const, phaseSince: daysAgo(43) };
    const raised = supportSignals({ ...calm, ...stabilize, intensity: "rising" });
    expect(raised).toMatchObject([
      {
        key: "no-calming",
        evidence: [
          { what: "weeks-in-stabilize", count: 6, words: "six weeks in Stabilize" },
          { what: "intensity-rising", words: "Intensity has been rising" },
        ],
      },
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

describe("a partner's view as their therapist reads it", () => {
  const names = { viewer: "Robin", partner: "Kai" };
  const at = "2026-03-01T20:00:00.000Z";

  it("names who said it, so both partners' views of one answer read the same", () => {
    const mine = evidenceForTherapist(
      { what: "pushed-to-move-on-mine", count: 1, since: at, words: "You said you feel pushed" },
      names,
    );
    const theirs = evidenceForTherapist(
      { what: "pushed-to-move-on-partner", count: 1, since: at, words: "Your partner shared…" },
      { viewer: "Kai", partner: "Robin" },
    );
    expect(mine.words).toBe("Robin said they feel pushed to move on");
    expect(theirs.words).toBe(mine.words);
    expect(
      evidenceForTherapist({ what: "dont-know-partner", count: 2, since: at, words: "" }, names)
        .words,
    ).toBe("Kai said they don't know where to start");
  });

  it("leaves facts about the couple as they are", () => {
    const topic = { what: "topic-carried-over", count: 3, since: at, words: "A topic…" } as const;
    expect(evidenceForTherapist(topic, names)).toEqual(topic);
    expect(
      evidenceForTherapist({ what: "minimizing", count: 1, since: at, words: "Your pace…" }, names)
        .words,
    ).toMatch(/^The pace/);
  });
});
