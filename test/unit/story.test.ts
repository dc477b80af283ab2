import { describe, expect, it } from "vitest";
import {
  currentMarks,
  type ParagraphFacts,
  paragraphAgreed,
  storyCoherent,
  storyProgress,
} from "../../src/domain/story.ts";

const partners = ["a", "b"];
const mark = (by: string, kind: "agree" | "disagree" | "needs-talk", version: number, at: string) =>
  ({ by, mark: kind, version, at }) as const;

describe("the shared story", () => {
  it("counts only each person's latest mark on the current version", () => {
    const paragraph: ParagraphFacts = {
      version: 2,
      marks: [
        mark("a", "agree", 1, "2026-01-01T10:00:00Z"),
        mark("a", "disagree", 2, "2026-01-02T10:00:00Z"),
        mark("a", "agree", 2, "2026-01-03T10:00:00Z"),
        mark("b", "agree", 1, "2026-01-01T11:00:00Z"),
      ],
    };
    expect([...currentMarks(paragraph)]).toEqual([["a", "agree"]]);
    expect(paragraphAgreed(paragraph, partners)).toBe(false);
  });

  it("is coherent only with at least one paragraph and both agreeing on each", () => {
    const agreed: ParagraphFacts = {
      version: 1,
      marks: [mark("a", "agree", 1, "t1"), mark("b", "agree", 1, "t2")],
    };
    const disputed: ParagraphFacts = {
      version: 1,
      marks: [mark("a", "agree", 1, "t1"), mark("b", "needs-talk", 1, "t2")],
    };
    expect(storyCoherent([], partners)).toBe(false);
    expect(storyCoherent([agreed], partners)).toBe(true);
    expect(storyCoherent([agreed, disputed], partners)).toBe(false);
    expect(storyCoherent([agreed], ["a"])).toBe(false);
    expect(storyProgress([agreed, disputed, { version: 1, marks: [] }], partners)).toEqual({
      paragraphs: 3,
      agreed: 1,
      disputed: 1,
    });
  });
});
