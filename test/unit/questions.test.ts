import { describe, expect, it } from "vitest";
import {
  isoWeekOf,
  ledgerWeeks,
  QUESTION_MOVES,
  QUESTION_STATES,
  type QuestionMove,
  type QuestionState,
  questionMoveProblem,
  stateAfter,
} from "../../src/domain/questions.ts";

const asker = "asker";
const partner = "partner";

/** Who may make each move in each state: the whole state machine, as a table. */
const ALLOWED: Record<QuestionState, Record<QuestionMove, "asker" | "partner" | null>> = {
  open: { answer: "partner", defer: "partner", "ask-again": null, "let-go": "asker" },
  answered: { answer: null, defer: null, "ask-again": "asker", "let-go": "asker" },
  "asked-again": { answer: "partner", defer: "partner", "ask-again": null, "let-go": "asker" },
  "let-go": { answer: null, defer: null, "ask-again": null, "let-go": null },
};

describe("the question ledger's moves", () => {
  for (const state of QUESTION_STATES) {
    for (const move of QUESTION_MOVES) {
      it(`${move} on a question ${state}: only ${ALLOWED[state][move] ?? "nobody"}`, () => {
        for (const who of [asker, partner]) {
          const problem = questionMoveProblem({ state, askedBy: asker }, move, who);
          const allowed = ALLOWED[state][move] === (who === asker ? "asker" : "partner");
          expect(problem === null, `${who}: ${problem}`).toBe(allowed);
          if (!allowed) expect(problem).toMatch(/\w+/);
        }
      });
    }
  }

  it("leaves a deferred question waiting, and every other move where it says", () => {
    expect(stateAfter("defer", "open")).toBe("open");
    expect(stateAfter("defer", "asked-again")).toBe("asked-again");
    expect(stateAfter("answer", "asked-again")).toBe("answered");
    expect(stateAfter("ask-again", "answered")).toBe("asked-again");
    expect(stateAfter("let-go", "open")).toBe("let-go");
  });
});

describe("weeks of the ledger, in the couple's zone", () => {
  it("counts a late Sunday evening in Berlin in its own week, though it is Monday in Tokyo", () => {
    const sunday = new Date("2026-03-29T21:30:00Z"); // 23:30 in Berlin, after the DST change
    expect(isoWeekOf(sunday, "Europe/Berlin")).toBe("2026-W13");
    expect(isoWeekOf(sunday, "Asia/Tokyo")).toBe("2026-W14");
  });

  it("names the ISO week-year at the turn of the year and on a leap day", () => {
    expect(isoWeekOf(new Date("2027-01-01T12:00:00Z"), "UTC")).toBe("2026-W53");
    expect(isoWeekOf(new Date("2024-02-29T12:00:00Z"), "America/New_York")).toBe("2024-W09");
  });

  it("counts each kind per week, oldest week first", () => {
    const weeks = ledgerWeeks(
      [
        { kind: "asked", at: "2026-11-30T10:00:00Z" },
        { kind: "answered", at: "2026-11-24T10:00:00Z" },
        { kind: "asked", at: "2026-11-23T10:00:00Z" },
        { kind: "asked-again", at: "2026-12-01T10:00:00Z" },
        { kind: "let-go", at: "2026-12-02T10:00:00Z" },
      ],
      "Europe/Berlin",
    );
    expect(weeks).toEqual([
      { week: "2026-W48", asked: 1, askedAgain: 0, answered: 1, letGo: 0 },
      { week: "2026-W49", asked: 1, askedAgain: 1, answered: 0, letGo: 1 },
    ]);
  });
});
