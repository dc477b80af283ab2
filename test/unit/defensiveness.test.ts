import { describe, expect, it } from "vitest";
import {
  DEFENSIVENESS_KINDS,
  DEFENSIVENESS_LABELS,
  type DefensivenessKind,
  defensivenessMarks,
} from "../../src/domain/defensiveness.ts";

type Expected = readonly [DefensivenessKind, string];

/** Real-world phrasings and the marks they must get: kind and marked words, in reading order. */
const HITS: ReadonlyArray<{ text: string; marks: readonly Expected[] }> = [
  { text: "I'm sorry if I hurt you.", marks: [["conditional", "if I hurt you"]] },
  {
    text: "I apologize if you were hurt by any of this.",
    marks: [["conditional", "if you were hurt"]],
  },
  { text: "I'm sorry if that upset you.", marks: [["conditional", "if that upset you"]] },
  {
    text: "If anything I did made you feel unsafe, I'm sorry.",
    marks: [["conditional", "If anything I did"]],
  },
  {
    text: "To the extent that my actions caused pain, I regret them.",
    marks: [["conditional", "To the extent that"]],
  },
  { text: "I'm sorry if I was wrong.", marks: [["conditional", "if I was wrong"]] },
  { text: "I'm sorry if that's how you feel.", marks: [["conditional", "if that's how you feel"]] },
  { text: "I may have lied about the money.", marks: [["conditional", "I may have lied"]] },
  { text: "I'm sorry for whatever I did.", marks: [["vague", "for whatever I did"]] },
  {
    text: "I apologize for anything I may have done.",
    marks: [["vague", "for anything I may have done"]],
  },
  { text: "Whatever happened, I'm sorry.", marks: [["vague", "Whatever happened"]] },
  { text: "I'm sorry if I did something wrong.", marks: [["vague", "if I did something wrong"]] },
  { text: "I'm sorry for everything.", marks: [["vague", "sorry for everything"]] },
  { text: "I'm sorry you feel that way.", marks: [["vague", "sorry you feel that way"]] },
  { text: "I'm sorry you were hurt.", marks: [["vague", "sorry you were hurt"]] },
  { text: "Mistakes were made.", marks: [["passive-voice", "Mistakes were made"]] },
  {
    text: "I'm sorry, but you made me feel alone for years.",
    marks: [
      ["but-justification", "but"],
      ["blame-shifting", "you made me feel alone"],
    ],
  },
  {
    text: "You made me feel invisible at home.",
    marks: [["blame-shifting", "You made me feel invisible"]],
  },
  { text: "Things were said that night.", marks: [["passive-voice", "Things were said"]] },
  { text: "It happened twice last spring.", marks: [["passive-voice", "It happened"]] },
  { text: "It just happened.", marks: [["passive-voice", "It just happened"]] },
  { text: "Lines got crossed at the conference.", marks: [["passive-voice", "Lines got crossed"]] },
  { text: "Your feelings were hurt.", marks: [["passive-voice", "feelings were hurt"]] },
  { text: "I know your trust was broken.", marks: [["passive-voice", "trust was broken"]] },
  { text: "One thing led to another.", marks: [["passive-voice", "One thing led to another"]] },
  {
    text: "Things got out of hand that night.",
    marks: [["passive-voice", "Things got out of hand"]],
  },
  { text: "It was just a kiss.", marks: [["minimizing", "just"]] },
  { text: "It only happened twice.", marks: [["minimizing", "only"]] },
  { text: "I only texted them a few times.", marks: [["minimizing", "only"]] },
  { text: "It was only once.", marks: [["minimizing", "only"]] },
  { text: "We were just talking.", marks: [["minimizing", "just"]] },
  { text: "It wasn't that bad.", marks: [["minimizing", "It wasn't that bad"]] },
  { text: "It didn't mean anything.", marks: [["minimizing", "It didn't mean anything"]] },
  { text: "They meant nothing to me.", marks: [["minimizing", "They meant nothing"]] },
  { text: "It's not a big deal.", marks: [["minimizing", "not a big deal"]] },
  { text: "At least I didn't sleep with them.", marks: [["minimizing", "At least I didn't"]] },
  { text: "You're overreacting.", marks: [["minimizing", "You're overreacting"]] },
  { text: "I was a little dishonest about my spending.", marks: [["minimizing", "a little"]] },
  { text: "Technically I never lied.", marks: [["minimizing", "Technically"]] },
  { text: "You made me do it.", marks: [["blame-shifting", "You made me do"]] },
  { text: "You pushed me to look elsewhere.", marks: [["blame-shifting", "You pushed me to"]] },
  {
    text: "I did it because you never listened.",
    marks: [["blame-shifting", "because you never"]],
  },
  {
    text: "If you hadn't been so cold, I would have stayed.",
    marks: [["blame-shifting", "If you hadn't"]],
  },
  { text: "You drove me to it.", marks: [["blame-shifting", "You drove me to"]] },
  { text: "You left me no choice.", marks: [["blame-shifting", "You left me no choice"]] },
  { text: "It's partly your fault.", marks: [["blame-shifting", "It's partly your fault"]] },
  { text: "I'm sorry, but I was lonely.", marks: [["but-justification", "but"]] },
  { text: "I'm sorry!! But you read my phone.", marks: [["but-justification", "But"]] },
  { text: "We both made mistakes.", marks: [["blame-shifting", "We both made mistakes"]] },
  { text: "The stress made me snap.", marks: [["blame-shifting", "The stress made me"]] },
  { text: "I had no choice.", marks: [["blame-shifting", "I had no choice"]] },
  { text: "It's not like I slept with them.", marks: [["minimizing", "It's not like I"]] },
  { text: "Nothing physical happened.", marks: [["minimizing", "Nothing physical happened"]] },
  {
    text: "I'm sorry for any pain I may have caused.",
    marks: [["vague", "for any pain I may have caused"]],
  },
  { text: "I know it hurt, but you have to understand.", marks: [["but-justification", "but"]] },
  { text: "I apologize. But I was under so much pressure.", marks: [["but-justification", "But"]] },
  { text: "I was wrong; however, there were reasons.", marks: [["but-justification", "however"]] },
  { text: "That was years ago.", marks: [["deflecting-to-past", "That was years ago"]] },
  { text: "It's in the past.", marks: [["deflecting-to-past", "It's in the past"]] },
  { text: "That's behind us now.", marks: [["deflecting-to-past", "That's behind us"]] },
  { text: "Let's move on.", marks: [["deflecting-to-past", "Let's move on"]] },
  { text: "We need to move on.", marks: [["deflecting-to-past", "We need to move on"]] },
  {
    text: "Why do you keep bringing it up?",
    marks: [["deflecting-to-past", "Why do you keep bringing it up"]],
  },
  { text: "It's over now.", marks: [["deflecting-to-past", "It's over now"]] },
  {
    text: "It is water under the bridge.",
    marks: [["deflecting-to-past", "water under the bridge"]],
  },
  { text: "Can we just let it go?", marks: [["deflecting-to-past", "Can we just let it go"]] },
  // The longer, more specific pattern wins where two would overlap.
  { text: "It happened years ago.", marks: [["deflecting-to-past", "It happened years ago"]] },
  {
    text: "I'm sorry if I hurt you, but you made me do it.",
    marks: [
      ["conditional", "if I hurt you"],
      ["but-justification", "but"],
      ["blame-shifting", "you made me do"],
    ],
  },
];

/** Near-misses: honest, owning or unrelated sentences that must get no mark at all. */
const NEAR_MISSES: readonly string[] = [
  "I had just arrived home when you called.",
  "It was just before midnight when I left.",
  "I told you just a week after it started.",
  "I got home just after you did.",
  "You are the only person I told.",
  "The only thing I can do now is tell you the truth.",
  "It's not only the affair; it's the lying.",
  "It was not just once; it was many times.",
  "I made you feel small, and I am sorry.",
  "You made me feel safe, and I threw that away.",
  "I broke your trust.",
  "I was hurt as a child, and that is no excuse.",
  "I hurt you when I lied.",
  "I know I hurt you, and I am sorry.",
  "I'm sorry, and I take full responsibility.",
  "I was wrong, but I take full responsibility for it.",
  "I was wrong, but worse, I let you doubt yourself.",
  "I lied not only about the money but also about the trips.",
  "I'm sorry not only for lying but for making you doubt yourself.",
  "If I ever hurt you again, I will tell you myself.",
  "Even if you never forgive me, I will keep telling the truth.",
  "If you hadn't found the messages, I would still be lying.",
  "I will answer any question about how it happened.",
  "I will never ask you to stop bringing it up.",
  "To the extent that I can, I will answer every question.",
  "I want to be just and fair with you from now on.",
  "I texted them every day for five months.",
  "You deserved the truth, and I hid it because I was afraid of losing you.",
  "I chose to keep seeing them, even after you asked me directly.",
  "You stopped sleeping, you were hurt and scared, and you stopped trusting your memory.",
  "Things between us were hard, and I chose to lie instead of telling you.",
  "I hope that one day we can heal, at whatever pace you need.",
  "It was nothing like what you deserved.",
  "I'm sorry, I know that is not enough, but I'm trying.",
  "We went to dinner. But I told you I was at work late.",
  "I will wait, however long it takes.",
];

/** Sentences that get a mark, but must not get this kind. */
const NOT_THIS_KIND: ReadonlyArray<readonly [string, DefensivenessKind]> = [
  ["I'm sorry if you were hurt.", "passive-voice"],
  ["It just happened.", "minimizing"],
  ["I'm sorry if I did something wrong.", "conditional"],
  ["It happened years ago.", "passive-voice"],
  ["I'm sorry for whatever I did.", "conditional"],
];

const OWNING =
  "I lied to you about where I was for three months. I chose to hide it. I broke your trust, and I see how much it hurt you. I did not bring my worries to you because I was afraid of conflict, and I chose silence over you.";

const kindsAndWords = (text: string) =>
  defensivenessMarks(text).map((mark) => [mark.kind, mark.text] as const);

/** Every hit in one statement, one per line, as the helper meets it while someone writes. */
const STATEMENT = HITS.map((hit) => hit.text).join("\n");

describe("defensivenessMarks", () => {
  it.each(HITS)("marks “$text”", ({ text, marks }) => {
    expect(kindsAndWords(text)).toEqual(marks);
  });

  it.each(NEAR_MISSES)("leaves “%s” alone", (text) => {
    expect(kindsAndWords(text)).toEqual([]);
  });

  it.each(NOT_THIS_KIND)("does not read “%s” as %s", (text, kind) => {
    const kinds = defensivenessMarks(text).map((mark) => mark.kind);
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds).not.toContain(kind);
  });

  it("gives an owning statement no marks", () => {
    expect(defensivenessMarks(OWNING)).toEqual([]);
  });

  it("gives offsets that point at the marked words", () => {
    const marks = defensivenessMarks(STATEMENT);
    expect(marks.length).toBe(HITS.reduce((sum, hit) => sum + hit.marks.length, 0));
    for (const mark of marks) expect(STATEMENT.slice(mark.start, mark.end)).toBe(mark.text);
  });

  it("sorts marks by start and never overlaps them", () => {
    const marks = defensivenessMarks(STATEMENT);
    for (let i = 1; i < marks.length; i++) {
      const [previous, mark] = [marks[i - 1], marks[i]];
      expect(mark?.start).toBeGreaterThanOrEqual(previous?.end ?? Number.NaN);
    }
  });

  it("keeps the longer mark where patterns overlap", () => {
    expect(kindsAndWords("Honestly, it just happened.")).toEqual([
      ["passive-voice", "it just happened"],
    ]);
  });

  it("reads curly apostrophes like straight ones", () => {
    for (const { text, marks } of HITS) {
      const curly = text.replaceAll("'", "’");
      expect(kindsAndWords(curly), curly).toEqual(
        marks.map(([kind, words]) => [kind, words.replaceAll("'", "’")]),
      );
    }
  });

  it("finds phrases that break across lines", () => {
    for (const { text, marks } of HITS) {
      const broken = text.replaceAll(" ", "\n");
      expect(kindsAndWords(broken), broken).toEqual(
        marks.map(([kind, words]) => [kind, words.replaceAll(" ", "\n")]),
      );
    }
  });

  it("ignores case", () => {
    for (const { text, marks } of HITS) {
      expect(kindsAndWords(text.toUpperCase()), text).toEqual(
        marks.map(([kind, words]) => [kind, words.toUpperCase()]),
      );
    }
  });

  it("explains every mark kindly, with an owning alternative, never gendered", () => {
    const marks = defensivenessMarks(STATEMENT);
    expect(new Set(marks.map((mark) => mark.kind))).toEqual(new Set(DEFENSIVENESS_KINDS));
    for (const mark of marks) {
      expect(mark.why.trim(), mark.text).not.toBe("");
      expect(mark.instead.trim(), mark.text).not.toBe("");
      expect(`${mark.why} ${mark.instead}`).not.toMatch(
        /\b(he|she|him|her|his|hers|husband|wife|boyfriend|girlfriend)\b/i,
      );
    }
  });

  it("offers a different alternative for each kind, and “I chose to” for “you made me”", () => {
    const firstOfEachKind = DEFENSIVENESS_KINDS.map(
      (kind) => defensivenessMarks(STATEMENT).find((mark) => mark.kind === kind)?.instead,
    );
    expect(new Set(firstOfEachKind).size).toBe(DEFENSIVENESS_KINDS.length);
    expect(defensivenessMarks("You made me do it.")[0]?.instead).toContain("I chose to");
  });

  it("has a label for every kind", () => {
    for (const kind of DEFENSIVENESS_KINDS) expect(DEFENSIVENESS_LABELS[kind]).toMatch(/\w/);
  });

  it("marks nothing in an empty text", () => {
    expect(defensivenessMarks("")).toEqual([]);
  });
});
