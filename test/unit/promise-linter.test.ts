import { describe, expect, it } from "vitest";
import {
  lintPromise,
  MAX_ACTIVE_PROMISES,
  MAX_PROMISE_WORDS,
  PROMISE_ISSUE_LABELS,
  PROMISE_ISSUES,
  type PromiseCadence,
  type PromiseDraft,
  type PromiseIssue,
  type PromiseLint,
} from "../../src/domain/promise-linter.ts";
import { PROMISE_TEMPLATES, TRANSPARENCY_AREAS } from "../../src/domain/promise-templates.ts";

const DAILY: PromiseCadence = { kind: "daily" };
const WEEKLY: PromiseCadence = { kind: "weekly" };
const SITUATIONAL: PromiseCadence = { kind: "situational" };
const WORKDAYS: PromiseCadence = { kind: "weekdays", days: ["mon", "tue", "wed", "thu", "fri"] };
const CONCRETE_NOTICE = "You get a message from me by 18:00.";

/** A draft with a when and a sign to notice, so each row shows only the issues it is about. */
function draft(text: string, rest: Partial<Omit<PromiseDraft, "text">> = {}): PromiseDraft {
  return { text, noticeHow: CONCRETE_NOTICE, cadence: DAILY, activePromises: 0, ...rest };
}

/** An issue, and the words it marks for the issues that mark words. */
type Expected = PromiseIssue | readonly [PromiseIssue, string];

const shape = (lints: readonly PromiseLint[]): Expected[] =>
  lints.map((lint) => (lint.text === null ? lint.issue : ([lint.issue, lint.text] as const)));

/**
 * Real promises, grand and small, and what the linter must say about each: marks on words first,
 * in reading order, then whole-promise issues in PROMISE_ISSUES order.
 */
const TABLE: ReadonlyArray<{ draft: PromiseDraft; expected: readonly Expected[] }> = [
  {
    // "Lie" names an act, so it is not a vague verb: the trouble is the "never".
    draft: draft("I will never lie to you again", { noticeHow: "", cadence: null }),
    expected: [["absolute", "never"], "no-cadence", "not-observable"],
  },
  {
    draft: draft("I'll be more open", { cadence: null }),
    expected: [["vague-verb", "be more open"], "no-cadence"],
  },
  {
    draft: draft("Text you when I leave work, every weekday", {
      noticeHow: "You get a message by 18:00",
      cadence: WORKDAYS,
    }),
    expected: [],
  },
  {
    draft: draft("I'll always be there for you."),
    expected: [
      ["absolute", "always"],
      ["vague-verb", "be there for you"],
    ],
  },
  {
    draft: draft("From now on I'll be completely honest with you."),
    expected: [
      ["absolute", "From now on"],
      ["absolute", "completely"],
      ["vague-verb", "honest with you"],
    ],
  },
  { draft: draft("I'll try harder."), expected: [["vague-verb", "try harder"]] },
  { draft: draft("I promise to change."), expected: [["vague-verb", "change"]] },
  {
    draft: draft("I'll make it up to you, no matter what it takes."),
    expected: [
      ["vague-verb", "make it up to you"],
      ["absolute", "no matter what"],
    ],
  },
  { draft: draft("I'm going to work on myself."), expected: [["vague-verb", "work on myself"]] },
  {
    draft: draft("I'll do my best to be a better partner."),
    expected: [
      ["vague-verb", "do my best"],
      ["vague-verb", "be a better partner"],
    ],
  },
  {
    draft: draft("Earn back your trust", { noticeHow: "You'll feel it.", cadence: null }),
    expected: [["vague-verb", "Earn back your trust"], "no-cadence", "not-observable"],
  },
  {
    draft: draft("Show you I care every single day"),
    expected: [
      ["vague-verb", "Show you I care"],
      ["absolute", "every single day"],
    ],
  },
  { draft: draft("Text you back every time."), expected: [["absolute", "every time"]] },
  {
    draft: draft("Tell you the same day if they get in touch.", { cadence: SITUATIONAL }),
    expected: [],
  },
  {
    // Situational, but the situation is not in the words.
    draft: draft("Tell you the same day about any contact.", { cadence: SITUATIONAL }),
    expected: ["no-cadence"],
  },
  {
    draft: draft("Text you when I leave work", {
      noticeHow: "You'll just know.",
      cadence: WORKDAYS,
    }),
    expected: ["not-observable"],
  },
  {
    draft: draft("Call you at lunch on workdays", { noticeHow: "Trust me", cadence: WORKDAYS }),
    expected: ["not-observable"],
  },
  {
    draft: draft("Call you at lunch on workdays", { noticeHow: "   ", cadence: WORKDAYS }),
    expected: ["not-observable"],
  },
  {
    draft: draft("Call you at lunch on workdays", { noticeHow: "–", cadence: WORKDAYS }),
    expected: ["not-observable"],
  },
  {
    draft: draft("Text you when I leave work and call you at lunch", { cadence: WORKDAYS }),
    expected: ["too-big"],
  },
  {
    draft: draft(
      "Text you from the station when I leave work on weekdays so that you know I am on my way home to you and roughly what time dinner will be ready",
      { cadence: WORKDAYS },
    ),
    expected: ["too-big"],
  },
  {
    draft: draft("Put my phone away during dinner.", { activePromises: MAX_ACTIVE_PROMISES }),
    expected: ["too-many"],
  },
  {
    draft: draft("I'll be 100% faithful forever."),
    expected: [
      ["absolute", "100%"],
      ["vague-verb", "faithful"],
      ["absolute", "forever"],
    ],
  },
  {
    draft: draft("Spend more time with you", { cadence: WEEKLY }),
    expected: [["vague-verb", "Spend more time with you"]],
  },
  { draft: draft("I will put you first."), expected: [["vague-verb", "put you first"]] },
  {
    draft: draft("I'll be honest with you", { cadence: { kind: "weekdays", days: [] } }),
    expected: [["vague-verb", "be honest with you"], "no-cadence"],
  },
  {
    draft: draft("Call you at lunch every weekday", { cadence: { kind: "weekdays" } }),
    expected: ["no-cadence"],
  },
  {
    draft: draft("Text you when my plans change", {
      noticeHow: "You'll feel the difference.",
      cadence: SITUATIONAL,
    }),
    expected: ["not-observable"],
  },
  {
    draft: draft("I'll totally stop lying and always answer every question."),
    expected: [["absolute", "totally"], ["absolute", "always"], "too-big"],
  },
  {
    draft: draft("Be a better listener and communicate more"),
    expected: [
      ["vague-verb", "Be a better listener"],
      ["vague-verb", "communicate more"],
      "too-big",
    ],
  },
  {
    draft: draft("I'll give it 100%."),
    expected: [
      ["vague-verb", "give it"],
      ["absolute", "100%"],
    ],
  },
  {
    draft: draft("Make you feel safe again", { noticeHow: "Hopefully you will feel safer." }),
    expected: [["vague-verb", "Make you feel safe"], "not-observable"],
  },
  { draft: draft("Prove myself to you."), expected: [["vague-verb", "Prove myself"]] },
  {
    draft: draft("I'll never contact them again.", { cadence: null }),
    expected: [["absolute", "never"], "no-cadence"],
  },
  {
    draft: draft("I'll be there for you 24/7, whatever it takes", {
      noticeHow: "",
      cadence: SITUATIONAL,
      activePromises: 4,
    }),
    expected: [
      ["vague-verb", "be there for you"],
      ["absolute", "24/7"],
      ["absolute", "whatever it takes"],
      "no-cadence",
      "not-observable",
      "too-many",
    ],
  },
  {
    draft: draft("I will change and rebuild our trust"),
    expected: [["vague-verb", "change"], ["vague-verb", "rebuild our trust"], "too-big"],
  },
  {
    draft: draft("Text you when I leave work, call you at lunch and tell you about my day", {
      cadence: WORKDAYS,
    }),
    expected: ["too-big"],
  },
];

/** Small, concrete promises that must stay clean: cadence words, situations, near-absolutes. */
const NEAR_MISSES: readonly PromiseDraft[] = [
  draft("Text you every evening when I leave the office."),
  draft("Call you every Sunday at 11 to plan the week.", { cadence: WEEKLY }),
  draft("Put my phone in the drawer during dinner, as always."),
  draft("I won't always get it right, but I'll text you by 18:00 if I'm running late."),
  draft("Tell you whenever I've been in touch with them.", { cadence: SITUATIONAL }),
  draft("Every time they message me, show you the message that day.", { cadence: SITUATIONAL }),
  draft("Check in with you at lunch every weekday.", { cadence: WORKDAYS }),
  draft("If my plans change, text you before 17:00.", { cadence: SITUATIONAL }),
  draft("Be home by 19:00 on weeknights, or text you by 18:00 if I can't.", { cadence: WORKDAYS }),
  draft("To be honest, I'd like to text you when I leave work.", { cadence: WORKDAYS }),
  draft("When my plans change, I'll tell you before 17:00.", { cadence: SITUATIONAL }),
  draft("Tell you one thing about my day each evening at dinner."),
  draft("Leave my phone in the kitchen after 21:00 every night."),
  draft("Show you the bank statement on the first Sunday of the month.", { cadence: WEEKLY }),
  draft("Ask you every morning how you slept."),
  draft("Come home straight after the gym on Tuesdays and Thursdays.", {
    cadence: { kind: "weekdays", days: ["tue", "thu"] },
  }),
  draft("Text you whenever I'm running more than ten minutes late.", { cadence: SITUATIONAL }),
  draft("Open up the banking app with you every Sunday.", { cadence: WEEKLY }),
  draft("Share my location with you whenever I travel for work.", { cadence: SITUATIONAL }),
  draft("Tell you about every call and text from them on the same day."),
  draft("Reply to your texts within the hour, almost always before 18:00.", { cadence: WORKDAYS }),
  draft("If they call and ask to meet, tell you the same day.", { cadence: SITUATIONAL }),
  draft("Text you when I leave work", { noticeHow: "You'll see my message in the app by 18:00." }),
  draft("Text you every second evening when I leave work."),
];

const ALL_LINTS = TABLE.flatMap(({ draft }) => lintPromise(draft));

describe("lintPromise", () => {
  it("has a table of real promises large enough to mean something", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(25);
    expect(NEAR_MISSES.length).toBeGreaterThanOrEqual(15);
  });

  it.each(TABLE)("lints $draft.text", ({ draft, expected }) => {
    expect(shape(lintPromise(draft))).toEqual(expected);
  });

  it.each(NEAR_MISSES)("leaves $text alone", (near) => {
    expect(shape(lintPromise(near))).toEqual([]);
  });

  it("meets every issue somewhere in the table", () => {
    expect(new Set(ALL_LINTS.map((lint) => lint.issue))).toEqual(new Set(PROMISE_ISSUES));
  });

  it("gives offsets that point at the marked words, and none for whole-promise issues", () => {
    for (const { draft } of TABLE) {
      for (const lint of lintPromise(draft)) {
        if (lint.issue === "absolute" || lint.issue === "vague-verb") {
          expect(lint.start, draft.text).not.toBeNull();
          expect(draft.text.slice(lint.start ?? 0, lint.end ?? 0)).toBe(lint.text);
        } else {
          expect([lint.start, lint.end, lint.text]).toEqual([null, null, null]);
        }
      }
    }
  });

  it("puts marks in reading order, never overlapping", () => {
    for (const { draft } of TABLE) {
      const marks = lintPromise(draft).filter((lint) => lint.start !== null);
      for (let i = 1; i < marks.length; i++) {
        expect(marks[i]?.start ?? 0, draft.text).toBeGreaterThanOrEqual(marks[i - 1]?.end ?? 1e9);
      }
    }
  });

  it("explains every lint kindly, with a small version to try, never gendered or blaming", () => {
    for (const lint of ALL_LINTS) {
      expect(lint.why.trim(), lint.issue).not.toBe("");
      expect(lint.instead.trim(), lint.issue).not.toBe("");
      expect(
        lint.why.split(/[.!?](?:\s|$)/).filter((part) => part.trim() !== "").length,
      ).toBeLessThanOrEqual(2);
      expect(`${lint.why} ${lint.instead}`).not.toMatch(
        /\b(he|she|him|her|his|hers|husband|wife|boyfriend|girlfriend|man|woman)\b/i,
      );
      expect(`${lint.why} ${lint.instead}`).not.toMatch(
        /\b(cheat\w*|liar|your fault|you broke|betray\w*|unfaithful|affair)\b/i,
      );
    }
  });

  it("shapes suggestions from the writer's own words", () => {
    const [open] = lintPromise(draft("I'll be more open"));
    expect(open?.instead).toContain("“be more open”");
    expect(open?.instead).toContain("Tell you one thing about my day each evening at dinner");

    const [never] = lintPromise(draft("I'll never contact them again."));
    expect(never?.instead).toContain("“If I'm tempted to contact them, tell you the same day.”");

    const [always] = lintPromise(draft("I'll always text you back within an hour."));
    expect(always?.instead).toContain("“Text you back within an hour”");

    const big = lintPromise(draft("Text you when I leave work and call you at lunch"));
    expect(big.at(-1)?.instead).toContain("“Text you when I leave work”");
    expect(big.at(-1)?.instead).toContain("“call you at lunch”");

    const noWhen = lintPromise(draft("Tell you about my day every evening", { cadence: null }));
    expect(noWhen.at(-1)?.instead).toContain("“every evening”");
    expect(noWhen.at(-1)?.instead).toContain("“daily”");

    const noSign = lintPromise(draft("Call you at lunch", { noticeHow: "You'll just know." }));
    expect(noSign.at(-1)?.why).toContain("“You'll just know”");
    expect(noSign.at(-1)?.instead).toContain("call from me");
  });

  it("flags too many promises from the threshold on, and not before", () => {
    expect(MAX_ACTIVE_PROMISES).toBe(3);
    const issues = (activePromises: number) =>
      lintPromise(draft("Put my phone away during dinner.", { activePromises })).map(
        (lint) => lint.issue,
      );
    expect(issues(0)).toEqual([]);
    expect(issues(MAX_ACTIVE_PROMISES - 1)).toEqual([]);
    expect(issues(MAX_ACTIVE_PROMISES)).toEqual(["too-many"]);
    expect(issues(MAX_ACTIVE_PROMISES + 2)).toEqual(["too-many"]);
  });

  it("counts words up to the limit, and flags one more", () => {
    const words = (count: number) =>
      ["Text you", ...Array.from({ length: count - 2 }, () => "today")].join(" ");
    expect(shape(lintPromise(draft(words(MAX_PROMISE_WORDS))))).toEqual([]);
    expect(shape(lintPromise(draft(words(MAX_PROMISE_WORDS + 1))))).toEqual(["too-big"]);
  });

  it("says nothing but “too many” before a word is written", () => {
    expect(lintPromise(draft("", { noticeHow: "", cadence: null }))).toEqual([]);
    expect(shape(lintPromise(draft("  ", { cadence: null, activePromises: 3 })))).toEqual([
      "too-many",
    ]);
  });

  it("gives the same answer every time it is asked", () => {
    for (const { draft } of TABLE) expect(lintPromise(draft)).toEqual(lintPromise(draft));
  });

  it("reads curly apostrophes like straight ones", () => {
    for (const { draft, expected } of [
      ...TABLE,
      ...NEAR_MISSES.map((near) => ({ draft: near, expected: [] })),
    ]) {
      const curly = { ...draft, text: draft.text.replaceAll("'", "’") };
      expect(shape(lintPromise(curly)), curly.text).toEqual(
        expected.map((item) =>
          typeof item === "string" ? item : [item[0], item[1].replaceAll("'", "’")],
        ),
      );
    }
  });

  it("ignores case", () => {
    for (const { draft, expected } of TABLE) {
      const loud = { ...draft, text: draft.text.toUpperCase() };
      expect(shape(lintPromise(loud)), loud.text).toEqual(
        expected.map((item) =>
          typeof item === "string" ? item : [item[0], item[1].toUpperCase()],
        ),
      );
    }
  });

  it("finds phrases that break across lines", () => {
    for (const { draft, expected } of TABLE) {
      const broken = { ...draft, text: draft.text.replaceAll(" ", "\n") };
      expect(shape(lintPromise(broken)), draft.text).toEqual(
        expected.map((item) =>
          typeof item === "string" ? item : [item[0], item[1].replaceAll(" ", "\n")],
        ),
      );
    }
  });

  it("labels every issue", () => {
    for (const issue of PROMISE_ISSUES) expect(PROMISE_ISSUE_LABELS[issue].trim()).not.toBe("");
  });
});

describe("PROMISE_TEMPLATES", () => {
  it("offers at least eight, each with its own key", () => {
    expect(PROMISE_TEMPLATES.length).toBeGreaterThanOrEqual(8);
    expect(new Set(PROMISE_TEMPLATES.map((template) => template.key)).size).toBe(
      PROMISE_TEMPLATES.length,
    );
  });

  it.each(PROMISE_TEMPLATES)("$key lints clean", (template) => {
    expect(shape(lintPromise({ ...template, activePromises: 0 }))).toEqual([]);
  });

  it("has transparency routines for every area, and areas only on those", () => {
    const areas = PROMISE_TEMPLATES.filter((template) => template.kind === "transparency").map(
      (template) => template.area,
    );
    expect(new Set(areas)).toEqual(new Set([...TRANSPARENCY_AREAS, undefined]));
    for (const template of PROMISE_TEMPLATES) {
      if (template.kind === "ordinary") expect(template.area, template.key).toBeUndefined();
    }
  });

  it("gives weekday cadences their days", () => {
    for (const template of PROMISE_TEMPLATES) {
      if (template.cadence.kind === "weekdays") {
        expect(template.cadence.days?.length, template.key).toBeGreaterThan(0);
      }
    }
  });
});
