import { describe, expect, it } from "vitest";
import { UNOPENED } from "../../src/client/sealing.ts";
import type { Question } from "../../src/contracts/questions.ts";
import {
  askAgainWay,
  closeEarlier,
  deferTopic,
  groupQuestions,
  movesFor,
  questionHistory,
  timesAskedLabel,
  waitingSince,
  whatChanged,
} from "../../src/web/features/questions/ledger.ts";
import {
  countsSentence,
  mondayOfIsoWeek,
  recentWeeks,
  totalsOf,
} from "../../src/web/features/questions/weeks.ts";

const ME = "me";
const PARTNER = "them";

const question = (over: Partial<Question>): Question => ({
  id: "q",
  text: "When did it start?",
  state: "open",
  askedBy: ME,
  mine: over.askedBy === undefined || over.askedBy === ME,
  askedAt: "2027-03-01T10:00:00.000Z",
  repeatOf: null,
  timesAsked: 1,
  deferredTo: null,
  answers: [],
  askedAgain: [],
  letGoAt: null,
  ...over,
});

const answer = (id: string, at: string, text = "In the spring.") => ({
  id,
  by: PARTNER,
  mine: false,
  at,
  text,
});

const nameOf = (id: string, options?: { capital?: boolean }) =>
  id === ME ? (options?.capital ? "You" : "you") : "Kai";

describe("the ledger grouped for the viewer", () => {
  it("splits what waits into the viewer's to answer and their own, the longest waiting first", () => {
    const groups = groupQuestions([
      question({ id: "mine-new", askedAt: "2027-03-05T10:00:00.000Z" }),
      question({ id: "theirs", askedBy: PARTNER, askedAt: "2027-03-03T10:00:00.000Z" }),
      question({ id: "mine-old", askedAt: "2027-03-02T10:00:00.000Z" }),
      question({
        id: "mine-asked-again",
        state: "asked-again",
        askedAt: "2027-02-01T10:00:00.000Z",
        answers: [answer("a", "2027-02-02T10:00:00.000Z")],
        askedAgain: [{ id: "r", at: "2027-03-04T10:00:00.000Z" }],
      }),
    ]);
    expect(groups.toAnswer.map((q) => q.id)).toEqual(["theirs"]);
    // Asked again on 4 March: it waits since then, not since February.
    expect(groups.waitingForPartner.map((q) => q.id)).toEqual([
      "mine-old",
      "mine-asked-again",
      "mine-new",
    ]);
  });

  it("puts the latest answer and the latest letting go first", () => {
    const groups = groupQuestions([
      question({
        id: "answered-long-ago",
        state: "answered",
        answers: [answer("a1", "2027-03-02T10:00:00.000Z")],
      }),
      question({
        id: "answered-again-lately",
        state: "answered",
        askedAt: "2027-01-01T10:00:00.000Z",
        answers: [
          answer("a2", "2027-01-02T10:00:00.000Z"),
          answer("a3", "2027-03-09T10:00:00.000Z"),
        ],
      }),
      question({ id: "let-go-first", state: "let-go", letGoAt: "2027-03-03T10:00:00.000Z" }),
      question({ id: "let-go-later", state: "let-go", letGoAt: "2027-03-08T10:00:00.000Z" }),
    ]);
    expect(groups.answered.map((q) => q.id)).toEqual([
      "answered-again-lately",
      "answered-long-ago",
    ]);
    expect(groups.letGo.map((q) => q.id)).toEqual(["let-go-later", "let-go-first"]);
    expect(groups.toAnswer).toEqual([]);
  });

  it("knows when a question began waiting", () => {
    expect(waitingSince(question({}))).toBe("2027-03-01T10:00:00.000Z");
    expect(
      waitingSince(
        question({
          askedAgain: [
            { id: "r2", at: "2027-03-07T10:00:00.000Z" },
            { id: "r1", at: "2027-03-04T10:00:00.000Z" },
          ],
        }),
      ),
    ).toBe("2027-03-07T10:00:00.000Z");
  });
});

describe("a question's history", () => {
  it("interleaves answers, askings again and letting go in the order they happened", () => {
    const history = questionHistory(
      question({
        state: "let-go",
        answers: [
          answer("a2", "2027-03-06T10:00:00.000Z"),
          answer("a1", "2027-03-02T10:00:00.000Z"),
        ],
        askedAgain: [{ id: "r1", at: "2027-03-04T10:00:00.000Z", note: "What about May?" }],
        letGoAt: "2027-03-08T10:00:00.000Z",
      }),
    );
    expect(history.map((entry) => entry.kind)).toEqual([
      "answer",
      "asked-again",
      "answer",
      "let-go",
    ]);
    expect(history[0]).toMatchObject({ id: "a1" });
    expect(history[1]).toMatchObject({ note: "What about May?" });
  });

  it("is empty for a question nobody has touched yet", () => {
    expect(questionHistory(question({}))).toEqual([]);
  });
});

describe("words about a question", () => {
  it("says how often it was asked only once it came back", () => {
    expect(timesAskedLabel(1)).toBeNull();
    expect(timesAskedLabel(2)).toBe("Asked twice");
    expect(timesAskedLabel(5)).toBe("Asked 5 times");
  });

  it("starts a deferred question's topic from its words, within the topic's length", () => {
    expect(deferTopic("  When did it start?  ", 300)).toBe(
      "A question to talk about: When did it start?",
    );
    const long = deferTopic(`When ${"really ".repeat(60)}did it start?`, 60);
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith("…")).toBe(true);
    expect(long.startsWith("A question to talk about: When really")).toBe(true);
    expect(deferTopic(UNOPENED.damaged, 300)).toBe("A question to talk about");
  });
});

describe("earlier questions close to a draft", () => {
  it("finds the close one, newest first on a tie, and never words that did not open", () => {
    const older = question({ id: "older", askedAt: "2027-01-01T10:00:00.000Z" });
    const newer = question({ id: "newer", askedAt: "2027-02-01T10:00:00.000Z" });
    const sealed = question({ id: "sealed", text: UNOPENED.notGranted });
    const other = question({ id: "other", text: "Did you tell anyone else?" });
    const close = closeEarlier("When did this begin?", [older, sealed, other, newer]);
    expect(close.map((q) => q.id)).toEqual(["newer", "older"]);
    expect(closeEarlier("When did this begin?", [older], 0)).toEqual([]);
  });

  it("asks one's own answered question again in place, anything else as a linked new one", () => {
    const answered = question({
      state: "answered",
      answers: [answer("a", "2027-03-02T10:00:00.000Z")],
    });
    expect(askAgainWay(answered, ME)).toBe("in-place");
    expect(askAgainWay(question({ state: "open" }), ME)).toBe("linked");
    expect(askAgainWay({ ...answered, askedBy: PARTNER, mine: false }, ME)).toBe("linked");
  });
});

describe("the moves a viewer is offered", () => {
  it("gives the partner answering and deferring, and the asker letting go", () => {
    const open = question({ askedBy: PARTNER });
    expect(movesFor(open, ME)).toEqual(["answer", "defer"]);
    expect(movesFor(open, PARTNER)).toEqual(["let-go"]);
  });

  it("offers asking again only after an answer, and nothing once let go", () => {
    const answered = question({ state: "answered" });
    expect(movesFor(answered, ME)).toEqual(["ask-again", "let-go"]);
    expect(movesFor(answered, PARTNER)).toEqual([]);
    expect(movesFor(question({ state: "let-go" }), ME)).toEqual([]);
  });

  it("does not offer deferring a question that already waits in the parking lot", () => {
    const deferred = question({ askedBy: PARTNER, deferredTo: "topic" });
    expect(movesFor(deferred, ME)).toEqual(["answer"]);
  });
});

describe("what changed while a screen was open", () => {
  const seen = question({ askedBy: PARTNER, mine: false });

  it("says nothing when nothing changed", () => {
    expect(whatChanged(seen, seen, nameOf)).toEqual([]);
  });

  it("names the asker who let it go, and an answer that came meanwhile", () => {
    expect(
      whatChanged(seen, { ...seen, state: "let-go", letGoAt: "2027-03-02T10:00:00.000Z" }, nameOf),
    ).toEqual(["Kai let it go."]);
    const mine = question({});
    expect(
      whatChanged(
        mine,
        { ...mine, state: "answered", answers: [answer("a", "2027-03-02T10:00:00.000Z")] },
        nameOf,
      ),
    ).toEqual(["Kai answered it."]);
  });

  it("tells of a deferral and of an asking again", () => {
    expect(whatChanged(seen, { ...seen, deferredTo: "topic" }, nameOf)).toEqual([
      "It's been kept for your next talk time.",
    ]);
    expect(
      whatChanged(
        seen,
        {
          ...seen,
          state: "asked-again",
          askedAgain: [{ id: "r", at: "2027-03-03T10:00:00.000Z" }],
        },
        nameOf,
      ),
    ).toEqual(["Kai asked it again."]);
  });
});

describe("weekly counts", () => {
  it("finds the Monday of an ISO week, across a year's turn", () => {
    expect(mondayOfIsoWeek("2026-W49")).toBe("2026-11-30");
    expect(mondayOfIsoWeek("2026-W01")).toBe("2025-12-29");
    expect(mondayOfIsoWeek("2020-W53")).toBe("2020-12-28");
    expect(mondayOfIsoWeek("2026-49")).toBeNull();
    expect(mondayOfIsoWeek("2026-W60")).toBeNull();
  });

  it("shows the last weeks oldest first, quiet weeks as zeros", () => {
    const rows = recentWeeks(
      [
        { week: "2025-W40", asked: 9, askedAgain: 0, answered: 0, letGo: 0 },
        { week: "2025-W52", asked: 2, askedAgain: 1, answered: 1, letGo: 0 },
        { week: "2026-W02", asked: 0, askedAgain: 0, answered: 2, letGo: 1 },
      ],
      "2026-W02",
      4,
    );
    expect(rows.map((row) => row.week)).toEqual(["2025-W51", "2025-W52", "2026-W01", "2026-W02"]);
    expect(rows.map((row) => row.asked)).toEqual([0, 2, 0, 0]);
    expect(totalsOf(rows)).toEqual({ asked: 2, askedAgain: 1, answered: 3, letGo: 1 });
    expect(recentWeeks([], "nonsense", 4)).toEqual([]);
  });

  it("says the counts in one plain sentence", () => {
    expect(countsSentence({ asked: 1, askedAgain: 0, answered: 2, letGo: 1 })).toBe(
      "1 question asked, none asked again, 2 answers, 1 let go",
    );
    expect(countsSentence({ asked: 0, askedAgain: 3, answered: 1, letGo: 0 })).toBe(
      "no questions asked, 3 asked again, 1 answer, none let go",
    );
  });
});
