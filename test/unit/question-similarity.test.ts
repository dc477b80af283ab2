import { describe, expect, it } from "vitest";
import {
  CLOSE_ENOUGH,
  closeQuestions,
  questionSimilarity,
} from "../../src/domain/question-similarity.ts";

/** The same question in other words: the asker should see the earlier answer. */
const SAME: ReadonlyArray<readonly [string, string]> = [
  ["When did it start?", "When did this begin?"],
  ["Did you ever meet in person?", "Have you seen them face to face?"],
  ["How long did you keep texting them?", "For how long were you messaging?"],
  ["Do you still talk to them?", "Are you still in contact with her?"],
  ["How much money did you spend?", "How much did it cost us?"],
  ["Why didn't you tell me?", "Why did you keep it from me?"],
  ["When did you first meet?", "When did you two meet for the first time?"],
  ["Did you sleep with her?", "Did you have sex with them?"],
  ["Were you in love with them?", "Did you love her?"],
  ["Do you still have feelings for them?", "Do you still love her?"],
  ["Did anyone else know?", "Who else knew about it?"],
  ["Did you lie to me?", "Have you been deceiving me?"],
  ["What did you tell them about me?", "What did you say to her about me?"],
  ["How many times did you see each other?", "How often did you meet up?"],
  ["Is it over?", "Has it ended?"],
  ["When did it end?", "When was the last time you saw them?"],
  ["Did you delete the messages?", "Did you erase your texts?"],
  ["Were you planning to leave me?", "Did you want to leave me?"],
  ["Why did you cheat?", "Why did you have an affair?"],
  ["Are you sorry?", "Do you regret it?"],
  ["Where did it happen?", "Where did this take place?"],
  ["Who started it?", "Who made the first move?"],
  ["Did you use protection?", "Did you use a condom?"],
  ["Does she know about me?", "Has she found out about me?"],
  ["Did she come to our house?", "Was she ever in our home?"],
  ["How long did it last?", "How long did it go on for?"],
  ["Can you tell me when it started?", "When did it begin?"],
  ["Were you drunk?", "Had you been drinking?"],
  ["Did you send her photos?", "Did you send pictures to them?"],
  ["Why did you do it?", "What made you do it?"],
  ["Do you still think about them?", "Do you think about her anymore?"],
  ["How did you meet her?", "How did you two get to know each other?"],
  ["Who else have you told?", "Did you tell anyone else?"],
  ["When did you last see them?", "When was the last time you saw her?"],
  ["Were you ever going to tell me?", "Would you have told me?"],
  ["Did you call her?", "Did you phone them?"],
  ["Do you still text her?", "Are you still in touch with her?"],
  ["Were you planning to leave me?", "Did you think about leaving me?"],
  ["You slept with her?", "Did you sleep with her?"],
];

/** Different questions that share words: an earlier answer to one does not answer the other. */
const DIFFERENT: ReadonlyArray<readonly [string, string]> = [
  ["When did it start?", "When did it end?"],
  ["Did you love them?", "Do you still love me?"],
  ["Where did you meet?", "When did you meet?"],
  ["Did you tell anyone?", "Did they tell anyone?"],
  ["How many times did you meet?", "How many times did you lie to me?"],
  ["Did you sleep with her?", "Did you sleep well?"],
  ["Did you text her today?", "Did she text you today?"],
  ["Do you love her?", "Do you love me?"],
  ["Did you meet at work?", "Did you meet at a hotel?"],
  ["Why did you lie?", "Why did you cheat?"],
  ["Did you use protection?", "Did you get tested?"],
  ["Do you still talk to them?", "Do you still think about them?"],
  ["Did you have sex with her?", "Did you have sex with anyone else?"],
  ["What did you tell her?", "What did she tell you?"],
  ["When did you last see them?", "When did you first see them?"],
  ["How did it start?", "Why did it start?"],
  ["Did you think about me?", "Did you think about leaving me?"],
  ["How much did you drink?", "How much did you spend?"],
  ["Did you ever love me?", "Did you ever love her?"],
  ["Are you still in love with them?", "Are you still in contact with them?"],
  ["Who else knows?", "Who else did you sleep with?"],
  ["How long did it last?", "How long have you known her?"],
  ["Did you kiss her?", "Did she kiss you?"],
  ["Where did you have sex?", "When did you have sex?"],
  ["How many times did you have sex?", "How many people did you have sex with?"],
  ["Did you spend money on her?", "Did she spend money on you?"],
  ["When did you stop talking to them?", "When did you start talking to them?"],
  ["Why did you tell her?", "Why didn't you tell me?"],
  ["Did you delete the messages?", "Did you read the messages?"],
  ["Did you go to her place?", "Did she come to our place?"],
  ["Did you think of me when you were with her?", "When did you think of me?"],
  ["Did you go on trips together?", "How long did it go on?"],
];

describe("questionSimilarity", () => {
  it.each(SAME)("finds %j and %j close", (a, b) => {
    expect(questionSimilarity(a, b)).toBeGreaterThanOrEqual(CLOSE_ENOUGH);
  });

  it.each(DIFFERENT)("keeps %j and %j apart", (a, b) => {
    expect(questionSimilarity(a, b)).toBeLessThan(CLOSE_ENOUGH);
  });

  it("has enough examples on both sides to mean something", () => {
    expect(SAME.length).toBeGreaterThanOrEqual(25);
    expect(DIFFERENT.length).toBeGreaterThanOrEqual(25);
  });

  it("is symmetric", () => {
    for (const [a, b] of [...SAME, ...DIFFERENT]) {
      expect(questionSimilarity(a, b)).toBe(questionSimilarity(b, a));
    }
  });

  it("scores a question against itself 1, and stays within 0..1", () => {
    for (const [a, b] of [...SAME, ...DIFFERENT]) {
      expect(questionSimilarity(a, a)).toBe(1);
      const score = questionSimilarity(a, b);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it("ignores case, punctuation and curly apostrophes", () => {
    expect(questionSimilarity("WHY didn’t you TELL me?!", "why didn't you tell me")).toBe(1);
    expect(questionSimilarity("When... did it start", "when did it start???")).toBe(1);
  });

  it("scores questions about nothing in common 0", () => {
    expect(questionSimilarity("Did you use protection?", "Where did you go on holiday?")).toBe(0);
  });
});

describe("closeQuestions", () => {
  const earlier = [
    { id: 1, text: "When did it end?" },
    { id: 2, text: "When did this begin?" },
    { id: 3, text: "Did you love her?" },
    { id: 4, text: "When did it start, really?" },
    { id: 5, text: "When did it all start?" },
    { id: 6, text: "When did you first meet her?" },
  ];

  it("finds the close ones, best first, leaving out the different ones", () => {
    const found = closeQuestions("When did it start with her?", earlier);
    expect(found.map(({ item }) => item.id)).toEqual([2, 4, 5]);
    const scores = found.map(({ score }) => score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const score of scores) expect(score).toBeGreaterThanOrEqual(CLOSE_ENOUGH);
  });

  it("puts the closest first, whatever the order given", () => {
    const found = closeQuestions("When did you first meet her?", earlier);
    expect(found[0]?.item.id).toBe(6);
  });

  it("returns at most `limit`", () => {
    expect(closeQuestions("When did it start?", earlier, 1).map(({ item }) => item.id)).toEqual([
      2,
    ]);
    expect(closeQuestions("When did it start?", earlier, 0)).toEqual([]);
    expect(closeQuestions("When did it start?", earlier, 10)).toHaveLength(4);
  });

  it("waits for three meaningful words before finding anything", () => {
    // The score alone would already match: nothing in the draft contradicts the earlier one.
    const why = [{ id: 7, text: "Why did you do it?" }];
    expect(questionSimilarity("Why did you", why[0]?.text ?? "")).toBeGreaterThanOrEqual(
      CLOSE_ENOUGH,
    );
    expect(closeQuestions("Why did you", why)).toEqual([]);
    expect(closeQuestions("Why did you do it", why)).toHaveLength(1);
    expect(closeQuestions("When did", earlier)).toEqual([]);
    expect(closeQuestions("When did it", earlier)).toEqual([]);
    expect(closeQuestions("When did the", earlier)).toEqual([]);
    expect(closeQuestions("When did it start", earlier)).not.toEqual([]);
  });

  it("finds nothing among no earlier questions", () => {
    expect(closeQuestions("When did it start?", [])).toEqual([]);
  });
});
