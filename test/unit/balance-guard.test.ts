import { describe, expect, it } from "vitest";
import {
  ASK_AGAIN_WINDOW_DAYS,
  type BalanceFacts,
  type BalanceKey,
  balanceNotes,
  PUSH_WINDOW_DAYS,
  QUIET_DAYS,
  SAME_QUESTION_WINDOW_DAYS,
} from "../../src/domain/balance-guard.ts";
import { PHASES } from "../../src/domain/phases.ts";

const DAY_MS = 86_400_000;
const now = new Date("2026-06-10T09:00:00.000Z");
/** An instant `days` days (fractions allowed) before `now`, as the ISO the facts carry. */
const ago = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
/** Just inside a window of `days`: one millisecond younger than its far edge. */
const justInside = (days: number) => new Date(now.getTime() - days * DAY_MS + 1).toISOString();

/** A couple in Make meaning for two months, working steadily, nothing to note. */
const facts = (over: Partial<BalanceFacts> = {}): BalanceFacts => ({
  now,
  phase: "meaning",
  phaseSince: ago(60),
  forwardPushes: [],
  meaningWork: [ago(2)],
  askedAgain: [],
  carriedOver: [],
  ...over,
});

const keys = (f: BalanceFacts): BalanceKey[] => balanceNotes(f).map((note) => note.key);
const note = (f: BalanceFacts, key: BalanceKey) => balanceNotes(f).find((n) => n.key === key);

describe("balanceNotes", () => {
  it("has nothing to say while the work goes steadily", () => {
    expect(balanceNotes(facts())).toEqual([]);
  });

  it("speaks only in Make meaning", () => {
    const troubled = facts({
      forwardPushes: [ago(1), ago(2), ago(3)],
      meaningWork: [],
      askedAgain: [1, 2, 3].map((d) => ({ at: ago(d), questionId: "q1" })),
      carriedOver: [{ itemId: "t1", times: 5 }],
    });
    expect(keys(troubled)).toHaveLength(4);
    for (const phase of PHASES.filter((p) => p !== "meaning")) {
      expect(balanceNotes({ ...troubled, phase })).toEqual([]);
    }
  });

  it("lists the notes in a fixed order with their leanings", () => {
    const notes = balanceNotes(
      facts({
        forwardPushes: [ago(1), ago(2)],
        meaningWork: [],
        askedAgain: [1, 2, 3].map((d) => ({ at: ago(d), questionId: `q${d}` })),
        carriedOver: [{ itemId: "t1", times: 3 }],
      }),
    );
    expect(notes.map((n) => [n.key, n.leaning])).toEqual([
      ["moving-on-fast", "minimizing"],
      ["gone-quiet", "minimizing"],
      ["same-questions", "looping"],
      ["topics-carried-over", "looping"],
    ]);
    for (const n of notes) {
      for (const text of [n.saw, n.why, n.tryThis, n.clearsWhen]) expect(text).not.toBe("");
    }
  });

  it("never blames or names a partner", () => {
    const notes = balanceNotes(
      facts({
        forwardPushes: [ago(1), ago(2)],
        meaningWork: [],
        askedAgain: [1, 2, 3].map((d) => ({ at: ago(d), questionId: "q1" })),
        carriedOver: [
          { itemId: "t1", times: 3 },
          { itemId: "t2", times: 4 },
        ],
      }),
    );
    const unwanted = /\b(your partner|he|she|his|her|fault|blame)\b/i;
    for (const n of notes) {
      for (const text of [n.saw, n.why, n.tryThis, n.clearsWhen])
        expect(text).not.toMatch(unwanted);
    }
  });
});

describe("moving on fast", () => {
  it("shows after two proposals to move on within three weeks, dated from the first", () => {
    const n = note(facts({ forwardPushes: [ago(2), ago(15)] }), "moving-on-fast");
    expect(n).toMatchObject({
      leaning: "minimizing",
      saw: "Two proposals to move on in the last three weeks, each one set aside for now.",
      since: ago(15),
    });
  });

  it("counts only proposals inside the window", () => {
    const pushes = [ago(1), justInside(PUSH_WINDOW_DAYS)];
    expect(keys(facts({ forwardPushes: pushes }))).toEqual(["moving-on-fast"]);
    expect(note(facts({ forwardPushes: pushes }), "moving-on-fast")?.since).toBe(pushes[1]);
    // Exactly three weeks old, the earlier one has just left the window.
    expect(keys(facts({ forwardPushes: [ago(1), ago(PUSH_WINDOW_DAYS)] }))).toEqual([]);
  });

  it("is not raised by a single proposal", () => {
    expect(keys(facts({ forwardPushes: [ago(1)] }))).toEqual([]);
  });

  it("clears once the proposals grow old", () => {
    const pushes = [ago(0), ago(10)];
    expect(keys(facts({ forwardPushes: pushes }))).toEqual(["moving-on-fast"]);
    const later = new Date(now.getTime() + 11 * DAY_MS);
    expect(
      balanceNotes(facts({ now: later, forwardPushes: pushes, meaningWork: [ago(0)] })),
    ).toEqual([]);
  });

  it("ignores proposals dated after now", () => {
    expect(keys(facts({ forwardPushes: [ago(1), ago(-1)] }))).toEqual([]);
  });

  it("counts them all in what it saw", () => {
    const n = note(facts({ forwardPushes: [ago(1), ago(2), ago(3)] }), "moving-on-fast");
    expect(n?.saw).toMatch(/^Three proposals to move on in the last three weeks/);
  });
});

describe("gone quiet", () => {
  it("shows after three weeks without meaning-making work, dated from the last work", () => {
    const n = note(facts({ meaningWork: [ago(40), ago(QUIET_DAYS)] }), "gone-quiet");
    expect(n).toMatchObject({ leaning: "minimizing", since: ago(QUIET_DAYS) });
    expect(n?.saw).toMatch(/^Nothing new in Make meaning for 21 days/);
  });

  it("stays away while the last work is not yet three weeks old", () => {
    expect(keys(facts({ meaningWork: [justInside(QUIET_DAYS)] }))).toEqual([]);
  });

  it("gives a couple new to the phase three weeks before it speaks", () => {
    expect(keys(facts({ phaseSince: justInside(QUIET_DAYS), meaningWork: [] }))).toEqual([]);
    const n = note(facts({ phaseSince: ago(QUIET_DAYS), meaningWork: [] }), "gone-quiet");
    expect(n).toMatchObject({
      since: ago(QUIET_DAYS),
      saw: "Nothing new in Make meaning since this phase began 21 days ago.",
    });
  });

  it("dates quiet from the phase start when the last work came before it", () => {
    const n = note(facts({ phaseSince: ago(25), meaningWork: [ago(50)] }), "gone-quiet");
    expect(n?.since).toBe(ago(25));
    expect(n?.saw).toBe("Nothing new in Make meaning since this phase began 25 days ago.");
  });

  it("does not count work dated after now", () => {
    expect(keys(facts({ meaningWork: [ago(30), ago(-1)] }))).toEqual(["gone-quiet"]);
  });

  it("clears as soon as new work arrives", () => {
    const quiet = facts({ meaningWork: [ago(30)] });
    expect(keys(quiet)).toEqual(["gone-quiet"]);
    expect(keys({ ...quiet, meaningWork: [ago(30), ago(0)] })).toEqual([]);
  });
});

describe("same questions", () => {
  const asked = (days: number, questionId: string) => ({ at: ago(days), questionId });

  it("shows after three askings again within two weeks, across questions", () => {
    const n = note(
      facts({ askedAgain: [asked(1, "a"), asked(5, "b"), asked(13, "c")] }),
      "same-questions",
    );
    expect(n).toMatchObject({
      leaning: "looping",
      saw: "Questions were asked again three times in the last two weeks.",
      since: ago(13),
    });
  });

  it("counts askings only inside the two-week window", () => {
    const edge = justInside(ASK_AGAIN_WINDOW_DAYS);
    const inside = [asked(1, "a"), asked(2, "b"), { at: edge, questionId: "c" }];
    expect(note(facts({ askedAgain: inside }), "same-questions")?.since).toBe(edge);
    const outside = [asked(1, "a"), asked(2, "b"), asked(ASK_AGAIN_WINDOW_DAYS, "c")];
    expect(keys(facts({ askedAgain: outside }))).toEqual([]);
  });

  it("shows when one question is asked again three times within four weeks", () => {
    const n = note(
      facts({ askedAgain: [asked(2, "q"), asked(16, "q"), asked(27, "q")] }),
      "same-questions",
    );
    expect(n).toMatchObject({
      saw: "One question was asked again three times in the last four weeks.",
      since: ago(27),
    });
  });

  it("counts one question's askings only inside the four-week window", () => {
    const edge = justInside(SAME_QUESTION_WINDOW_DAYS);
    const inside = [asked(2, "q"), asked(16, "q"), { at: edge, questionId: "q" }];
    expect(note(facts({ askedAgain: inside }), "same-questions")?.since).toBe(edge);
    const outside = [asked(2, "q"), asked(16, "q"), asked(SAME_QUESTION_WINDOW_DAYS, "q")];
    expect(keys(facts({ askedAgain: outside }))).toEqual([]);
  });

  it("does not add up different questions over four weeks", () => {
    expect(keys(facts({ askedAgain: [asked(2, "a"), asked(16, "a"), asked(20, "b")] }))).toEqual(
      [],
    );
  });

  it("says both when both hold, dated from the earliest asking counted", () => {
    const n = note(
      facts({
        askedAgain: [asked(1, "a"), asked(3, "b"), asked(4, "c"), asked(20, "q"), asked(22, "q")],
      }),
      "same-questions",
    );
    expect(n?.saw).toBe("Questions were asked again three times in the last two weeks.");
    expect(n?.since).toBe(ago(4));

    const both = note(
      facts({
        askedAgain: [asked(1, "q"), asked(3, "b"), asked(4, "c"), asked(20, "q"), asked(22, "q")],
      }),
      "same-questions",
    );
    expect(both?.saw).toBe(
      "Questions were asked again three times in the last two weeks. One question was asked again three times in the last four weeks.",
    );
    expect(both?.since).toBe(ago(22));
  });

  it("counts several returning questions", () => {
    const askedAgain = [
      ...[2, 16, 20].map((d) => asked(d, "a")),
      ...[17, 18, 19, 25].map((d) => asked(d, "b")),
    ];
    expect(note(facts({ askedAgain }), "same-questions")?.saw).toBe(
      "Two questions were each asked again three times or more in the last four weeks.",
    );
  });

  it("clears as the askings grow old", () => {
    const askedAgain = [asked(0, "q"), asked(1, "q"), asked(2, "q")];
    expect(keys(facts({ askedAgain }))).toEqual(["same-questions"]);
    // The oldest asking is two days old now: 27 days old in 25 days, 28 in 26.
    const later = new Date(now.getTime() + 25 * DAY_MS);
    expect(keys(facts({ now: later, askedAgain, meaningWork: [later.toISOString()] }))).toEqual([
      "same-questions",
    ]);
    const muchLater = new Date(now.getTime() + 26 * DAY_MS);
    expect(
      keys(facts({ now: muchLater, askedAgain, meaningWork: [muchLater.toISOString()] })),
    ).toEqual([]);
  });
});

describe("topics carried over", () => {
  it("shows for an open topic carried over three times, dated from its first carry-over", () => {
    const n = note(
      facts({ carriedOver: [{ itemId: "t1", times: 3, since: ago(30) }] }),
      "topics-carried-over",
    );
    expect(n).toMatchObject({
      leaning: "looping",
      saw: "One open topic has been carried over three times.",
      since: ago(30),
    });
  });

  it("is not raised by a topic carried over twice", () => {
    expect(keys(facts({ carriedOver: [{ itemId: "t1", times: 2, since: ago(30) }] }))).toEqual([]);
  });

  it("counts several stuck topics and dates the note from the earliest", () => {
    const n = note(
      facts({
        carriedOver: [
          { itemId: "t1", times: 4, since: ago(10) },
          { itemId: "t2", times: 2, since: ago(90) },
          { itemId: "t3", times: 6, since: ago(40) },
        ],
      }),
      "topics-carried-over",
    );
    expect(n?.saw).toBe("Two open topics have each been carried over three times or more.");
    expect(n?.since).toBe(ago(40));
  });

  it("dates a topic without a known first carry-over from the start of the phase", () => {
    const f = facts({ phaseSince: ago(45), carriedOver: [{ itemId: "t1", times: 3 }] });
    expect(note(f, "topics-carried-over")?.since).toBe(ago(45));
  });

  it("clears once the topic is discussed and no longer open", () => {
    const stuck = facts({ carriedOver: [{ itemId: "t1", times: 5 }] });
    expect(keys(stuck)).toEqual(["topics-carried-over"]);
    expect(keys({ ...stuck, carriedOver: [] })).toEqual([]);
  });
});
