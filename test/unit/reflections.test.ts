import { describe, expect, it } from "vitest";
import {
  promptByKey,
  REFLECTION_PROMPTS,
  REFLECTION_THEMES,
  THEME_INFO,
} from "../../src/domain/reflections.ts";

describe("reflection prompts", () => {
  it("offers sixteen prompts, four for each theme", () => {
    expect(REFLECTION_PROMPTS).toHaveLength(16);
    for (const theme of REFLECTION_THEMES) {
      expect(REFLECTION_PROMPTS.filter((prompt) => prompt.theme === theme)).toHaveLength(4);
    }
  });

  it("gives every prompt a unique kebab-case key that names its theme", () => {
    const keys = REFLECTION_PROMPTS.map((prompt) => prompt.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const prompt of REFLECTION_PROMPTS) {
      expect(prompt.key).toMatch(/^[a-z]+(-[a-z]+)+$/);
      expect(prompt.key.startsWith(`${prompt.theme}-`)).toBe(true);
    }
  });

  it("asks a question and gives one short sentence to start from", () => {
    for (const prompt of REFLECTION_PROMPTS) {
      expect(prompt.text.endsWith("?")).toBe(true);
      expect(prompt.hint.length).toBeGreaterThan(0);
      expect(prompt.hint.length).toBeLessThanOrEqual(100);
    }
  });

  it("speaks to either partner: no gendered words, no assumption of who broke trust", () => {
    const gendered = /\b(he|she|him|her|his|hers|husband|wife|boyfriend|girlfriend)\b/i;
    const assuming = /\b(your affair|you cheated|you betrayed|you lied|cheater)\b/i;
    const texts = [
      ...REFLECTION_PROMPTS.flatMap((prompt) => [prompt.text, prompt.hint]),
      ...Object.values(THEME_INFO).flatMap((info) => [info.title, info.intro]),
    ];
    for (const text of texts) {
      expect(text).not.toMatch(gendered);
      expect(text).not.toMatch(assuming);
    }
  });

  it("introduces every theme", () => {
    expect(Object.keys(THEME_INFO).sort()).toEqual([...REFLECTION_THEMES].sort());
    for (const theme of REFLECTION_THEMES) {
      expect(THEME_INFO[theme].title).not.toBe("");
      expect(THEME_INFO[theme].intro).not.toBe("");
    }
  });
});

describe("promptByKey", () => {
  it("finds each prompt by its key", () => {
    for (const prompt of REFLECTION_PROMPTS) expect(promptByKey(prompt.key)).toBe(prompt);
    expect(promptByKey("before-distance")?.theme).toBe("before");
  });

  it("finds nothing for an unknown key", () => {
    expect(promptByKey("no-such-prompt")).toBeUndefined();
    expect(promptByKey("")).toBeUndefined();
    expect(promptByKey("BEFORE-DISTANCE")).toBeUndefined();
  });
});
