import { describe, expect, it } from "vitest";
import {
  DEFAULT_CRISIS_RESOURCES,
  evaluateSafetyCheck,
  feelsSafeEnoughToGoOn,
  isCrisisResourceList,
  RATHER_NOT_SAY,
  RISKY_FEATURES,
  SAFETY_AREAS,
  SAFETY_QUESTIONS,
} from "../../src/domain/safety-check.ts";

/** The answer to each question that raises no concern ("No", or "Yes" where yes is the safe answer). */
const safeAnswers = (): Record<string, string> =>
  Object.fromEntries(
    SAFETY_QUESTIONS.map((question) => {
      const safe = question.options.find(
        (option) => !option.concern && option.value !== RATHER_NOT_SAY,
      );
      return [question.key, safe?.value ?? ""];
    }),
  );

describe("SAFETY_QUESTIONS", () => {
  it("asks about every area and each thing the check must cover", () => {
    expect(new Set(SAFETY_QUESTIONS.map((q) => q.area))).toEqual(new Set(SAFETY_AREAS));
    expect(SAFETY_QUESTIONS.map((q) => q.key)).toEqual([
      "safe-to-continue",
      "pressured",
      "watched-or-limited",
      "money-for-daily-needs",
      "afraid-of-harm",
      "thoughts-of-self-harm",
    ]);
  });

  it("has unique keys and option values, and a safe answer for every question", () => {
    expect(new Set(SAFETY_QUESTIONS.map((q) => q.key)).size).toBe(SAFETY_QUESTIONS.length);
    for (const question of SAFETY_QUESTIONS) {
      const values = question.options.map((o) => o.value);
      expect(new Set(values).size, question.key).toBe(values.length);
      expect(safeAnswers()[question.key], question.key).not.toBe("");
    }
  });

  it("always offers “I'd rather not say”, never as a concern", () => {
    for (const question of SAFETY_QUESTIONS) {
      expect(question.options, question.key).toContainEqual({
        value: RATHER_NOT_SAY,
        label: "I'd rather not say",
        concern: false,
      });
    }
  });

  it("is worded without gender and without assuming who broke trust", () => {
    const words = SAFETY_QUESTIONS.flatMap((q) => [q.text, ...q.options.map((o) => o.label)])
      .join(" ")
      .toLowerCase();
    for (const word of [
      " he ",
      " she ",
      " his ",
      " her ",
      " him ",
      "husband",
      "wife",
      "boyfriend",
      "girlfriend",
      "affair",
      "cheat",
      "betray",
      "abuse",
    ]) {
      expect(words, word).not.toContain(word);
    }
  });
});

describe("evaluateSafetyCheck", () => {
  it("finds no concern when every answer is the safe one", () => {
    expect(evaluateSafetyCheck(safeAnswers())).toEqual({
      ok: true,
      concern: false,
      areas: [],
      concernKeys: [],
    });
  });

  it("raises a concern in the right area for each concerning answer", () => {
    for (const question of SAFETY_QUESTIONS) {
      for (const option of question.options.filter((o) => o.concern)) {
        const result = evaluateSafetyCheck({ ...safeAnswers(), [question.key]: option.value });
        expect(result, `${question.key}=${option.value}`).toEqual({
          ok: true,
          concern: true,
          areas: [question.area],
          concernKeys: [question.key],
        });
      }
    }
  });

  it("treats fear of harm, control, pressure, money and self-harm as concerns", () => {
    const cases = [
      ["afraid-of-harm", "sometimes", "physical"],
      ["watched-or-limited", "often", "control"],
      ["pressured", "sometimes", "emotional"],
      ["money-for-daily-needs", "no", "financial"],
      ["safe-to-continue", "no", "emotional"],
      ["thoughts-of-self-harm", "sometimes", "emotional"],
    ] as const;
    for (const [key, value, area] of cases) {
      const result = evaluateSafetyCheck({ ...safeAnswers(), [key]: value });
      expect(result, key).toMatchObject({ ok: true, concern: true, areas: [area] });
    }
  });

  it("lists several areas once each, in a fixed order", () => {
    const result = evaluateSafetyCheck({
      ...safeAnswers(),
      "afraid-of-harm": "often",
      "watched-or-limited": "sometimes",
      pressured: "often",
      "thoughts-of-self-harm": "sometimes",
    });
    expect(result).toEqual({
      ok: true,
      concern: true,
      areas: ["emotional", "physical", "control"],
      concernKeys: ["pressured", "watched-or-limited", "afraid-of-harm", "thoughts-of-self-harm"],
    });
  });

  it("never counts “I'd rather not say” as a concern by itself", () => {
    const allRatherNot = Object.fromEntries(SAFETY_QUESTIONS.map((q) => [q.key, RATHER_NOT_SAY]));
    expect(evaluateSafetyCheck(allRatherNot)).toEqual({
      ok: true,
      concern: false,
      areas: [],
      concernKeys: [],
    });
    expect(
      evaluateSafetyCheck({ ...safeAnswers(), "afraid-of-harm": RATHER_NOT_SAY }),
    ).toMatchObject({ ok: true, concern: false });
  });

  it("asks for every missing answer, by field", () => {
    const { pressured: _left, ...rest } = safeAnswers();
    expect(evaluateSafetyCheck(rest)).toEqual({
      ok: false,
      fields: { pressured: expect.stringMatching(/choose an answer.*rather not say/) },
    });
    const result = evaluateSafetyCheck({});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fields)).toHaveLength(SAFETY_QUESTIONS.length);
  });

  it("treats an empty answer as missing", () => {
    const result = evaluateSafetyCheck({ ...safeAnswers(), "afraid-of-harm": "" });
    expect(result).toMatchObject({
      ok: false,
      fields: { "afraid-of-harm": expect.stringMatching(/choose an answer/) },
    });
  });

  it("refuses a value that is not one of the question's options", () => {
    // "yes" is an option elsewhere, but not for this question.
    const result = evaluateSafetyCheck({ ...safeAnswers(), "afraid-of-harm": "yes" });
    expect(result).toEqual({
      ok: false,
      fields: { "afraid-of-harm": "Please choose one of the answers offered for this question." },
    });
  });

  it("refuses unknown keys, each with its own message", () => {
    const result = evaluateSafetyCheck({ ...safeAnswers(), mood: "fine", "afraid-of-hram": "no" });
    expect(result).toEqual({
      ok: false,
      fields: {
        mood: "This is not one of the safety questions.",
        "afraid-of-hram": "This is not one of the safety questions.",
      },
    });
  });

  it("keeps odd keys such as __proto__ as plain fields", () => {
    const answers: Record<string, string> = JSON.parse('{"__proto__": "x", "constructor": "y"}');
    const result = evaluateSafetyCheck({ ...safeAnswers(), ...answers });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.fields).sort()).toEqual(["__proto__", "constructor"]);
      expect(Object.getPrototypeOf(result.fields)).toBe(Object.prototype);
    }
  });

  it("refuses values that are not strings, as the parsed JSON of a request may hold", () => {
    const answers: Record<string, string> = JSON.parse(
      JSON.stringify({ ...safeAnswers(), "afraid-of-harm": 0 }),
    );
    expect(evaluateSafetyCheck(answers)).toMatchObject({
      ok: false,
      fields: { "afraid-of-harm": expect.any(String) },
    });
  });
});

describe("feelsSafeEnoughToGoOn", () => {
  it("is true only for a clear yes and no concern anywhere", () => {
    expect(feelsSafeEnoughToGoOn(safeAnswers())).toBe(true);
    expect(feelsSafeEnoughToGoOn({ ...safeAnswers(), "safe-to-continue": "not-sure" })).toBe(false);
    expect(feelsSafeEnoughToGoOn({ ...safeAnswers(), "safe-to-continue": RATHER_NOT_SAY })).toBe(
      false,
    );
    expect(feelsSafeEnoughToGoOn({ ...safeAnswers(), "money-for-daily-needs": "no" })).toBe(false);
    expect(feelsSafeEnoughToGoOn({ "safe-to-continue": "yes" })).toBe(false);
  });
});

describe("RISKY_FEATURES", () => {
  it("names the features that could be turned against someone, in plain words", () => {
    expect(RISKY_FEATURES.map((f) => f.key)).toEqual(
      expect.arrayContaining(["transparency", "shared-words", "talk-times", "location"]),
    );
    for (const feature of RISKY_FEATURES) {
      expect(feature.title.length, feature.key).toBeGreaterThan(0);
      expect(feature.why.length, feature.key).toBeGreaterThan(0);
    }
    // Only features that exist today: none of the later phases' tools is named yet.
    expect(JSON.stringify(RISKY_FEATURES)).not.toMatch(/ledger|promise|routine|check-in/i);
    const location = RISKY_FEATURES.find((f) => f.key === "location");
    expect(location?.why).toMatch(/never tracks location/);
  });
});

describe("crisis resources", () => {
  it("defaults to help that works in any country", () => {
    expect(isCrisisResourceList(DEFAULT_CRISIS_RESOURCES)).toBe(true);
    const text = DEFAULT_CRISIS_RESOURCES.map((r) => `${r.name} ${r.contact}`).join(" ");
    for (const number of ["112", "911", "999"]) expect(text).toContain(number);
    expect(text).toMatch(/domestic abuse helpline/);
    expect(text).toMatch(/crisis line/);
  });

  it("accepts an operator's list, extra fields included", () => {
    expect(
      isCrisisResourceList([
        { name: "Local line", contact: "0800 000 000", description: "Day and night.", url: "x" },
      ]),
    ).toBe(true);
  });

  it("refuses anything that would leave a person without a usable entry", () => {
    for (const value of [
      null,
      undefined,
      "112",
      {},
      [],
      [null],
      [{ name: "Line", contact: "0800" }],
      [{ name: "Line", contact: 800, description: "Help." }],
      [{ name: " ", contact: "0800", description: "Help." }],
      [{ name: "Line", contact: "0800", description: "Help." }, "extra"],
    ]) {
      expect(isCrisisResourceList(value), JSON.stringify(value)).toBe(false);
    }
  });
});
