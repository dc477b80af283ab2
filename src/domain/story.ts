/**
 * The shared story: an account the two write together, paragraph by paragraph, in sections.
 * It is coherent when both partners agree with the current version of every paragraph; not
 * identical views, but a telling both can live with. Then both sign it; any later change to the
 * story (a paragraph, an edit, a mark) asks for new signatures.
 */
export const STORY_SECTIONS = [
  "before",
  "what-happened",
  "understanding",
  "learned",
  "commitments",
] as const;
export type StorySection = (typeof STORY_SECTIONS)[number];

export const SECTION_INFO: Record<StorySection, { title: string; invite: string }> = {
  before: {
    title: "Before",
    invite: "What our life together was like in the time before, as both of us remember it.",
  },
  "what-happened": {
    title: "What happened",
    invite: "What happened, said plainly, in words both of us can stand behind.",
  },
  understanding: {
    title: "How we understand it now",
    invite: "How it came to happen, as we see it now: an explanation, never an excuse.",
  },
  learned: {
    title: "What we learned",
    invite: "What each of us has learned about ourselves and about us.",
  },
  commitments: {
    title: "What each of us commits to",
    invite: "What each of us will do from here, in small and concrete terms.",
  },
};

export const STORY_MARKS = ["agree", "disagree", "needs-talk"] as const;
export type StoryMark = (typeof STORY_MARKS)[number];

export interface ParagraphFacts {
  version: number;
  marks: ReadonlyArray<{ by: string; mark: StoryMark; version: number; at: string }>;
}

/** Each person's latest mark on the paragraph's current version; earlier versions do not count. */
export function currentMarks(paragraph: ParagraphFacts): Map<string, StoryMark> {
  const latest = new Map<string, { mark: StoryMark; at: string }>();
  for (const mark of paragraph.marks) {
    if (mark.version !== paragraph.version) continue;
    const seen = latest.get(mark.by);
    if (!seen || seen.at <= mark.at) latest.set(mark.by, { mark: mark.mark, at: mark.at });
  }
  return new Map([...latest].map(([by, { mark }]) => [by, mark]));
}

export function paragraphAgreed(paragraph: ParagraphFacts, partners: readonly string[]): boolean {
  const marks = currentMarks(paragraph);
  return partners.length === 2 && partners.every((id) => marks.get(id) === "agree");
}

/** At least one paragraph, and both partners agree with the current version of every one. */
export function storyCoherent(
  paragraphs: readonly ParagraphFacts[],
  partners: readonly string[],
): boolean {
  return paragraphs.length > 0 && paragraphs.every((p) => paragraphAgreed(p, partners));
}

/** How far the two are along, for the readiness checklist: agreed paragraphs of all. */
export function storyProgress(paragraphs: readonly ParagraphFacts[], partners: readonly string[]) {
  const agreed = paragraphs.filter((p) => paragraphAgreed(p, partners)).length;
  const disputed = paragraphs.filter((p) =>
    [...currentMarks(p).values()].some((mark) => mark !== "agree"),
  ).length;
  return { paragraphs: paragraphs.length, agreed, disputed };
}
