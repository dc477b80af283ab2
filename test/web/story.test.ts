import { describe, expect, it } from "vitest";
import type { Paragraph } from "../../src/contracts/story.ts";
import { SECTION_INFO, STORY_SECTIONS, storyProgress } from "../../src/domain/story.ts";
import { noteHint } from "../../src/web/features/story/copy.ts";
import {
  paragraphState,
  progressLine,
  rewrittenSince,
  signingOf,
  standingOf,
  storySections,
} from "../../src/web/features/story/story-view.ts";

const ME = "me";
const THEM = "them";
const partners = [ME, THEM];

type MarkIn = Partial<Paragraph["marks"][number]> & Pick<Paragraph["marks"][number], "by">;

let markCount = 0;
const mark = (over: MarkIn): Paragraph["marks"][number] => ({
  id: `m-${++markCount}`,
  mine: over.by === ME,
  mark: "agree",
  version: 1,
  at: "2027-03-01T10:00:00.000Z",
  ...over,
});

const paragraph = (over: Partial<Paragraph> = {}): Paragraph => ({
  id: "p1",
  sharedWithTherapist: false,
  section: "before",
  text: "We had stopped talking about the things that mattered.",
  version: 1,
  by: ME,
  editedBy: ME,
  mine: true,
  updatedAt: "2027-03-01T09:00:00.000Z",
  marks: [],
  ...over,
});

const sections = STORY_SECTIONS.map((key) => ({ key, ...SECTION_INFO[key] }));

describe("the story's sections", () => {
  it("tells every section in order, each with its own paragraphs in the order they came", () => {
    const a = paragraph({ id: "a", section: "learned" });
    const b = paragraph({ id: "b", section: "before" });
    const c = paragraph({ id: "c", section: "learned" });
    const view = storySections(sections, [a, b, c]);
    expect(view.map((s) => s.key)).toEqual([...STORY_SECTIONS]);
    expect(view.find((s) => s.key === "learned")?.paragraphs.map((p) => p.id)).toEqual(["a", "c"]);
    expect(view.find((s) => s.key === "before")?.paragraphs.map((p) => p.id)).toEqual(["b"]);
    expect(view.find((s) => s.key === "what-happened")?.paragraphs).toEqual([]);
  });
});

describe("where each partner stands on a paragraph", () => {
  it("counts the latest mark on the current version, with its note", () => {
    const p = paragraph({
      marks: [
        mark({ by: THEM, mark: "disagree", at: "2027-03-01T10:00:00.000Z" }),
        mark({ by: THEM, mark: "needs-talk", note: "Let's talk", at: "2027-03-02T10:00:00.000Z" }),
        mark({ by: ME, mark: "agree" }),
      ],
    });
    const them = standingOf(p, THEM);
    expect(them.current?.mark).toBe("needs-talk");
    expect(them.current?.note).toBe("Let's talk");
    expect(them.earlier).toBeNull();
    expect(standingOf(p, ME).current?.mark).toBe("agree");
  });

  it("keeps a mark on an earlier version apart: it no longer counts", () => {
    const p = paragraph({
      version: 2,
      marks: [mark({ by: THEM, mark: "disagree", version: 1, note: "Not like this" })],
    });
    const them = standingOf(p, THEM);
    expect(them.current).toBeNull();
    expect(them.earlier?.mark).toBe("disagree");
    expect(them.earlier?.version).toBe(1);
    expect(standingOf(p, ME)).toEqual({ personId: ME, current: null, earlier: null });
  });

  it("shows no earlier mark once the person has marked the version that stands", () => {
    const p = paragraph({
      version: 2,
      marks: [
        mark({ by: THEM, mark: "disagree", version: 1 }),
        mark({ by: THEM, mark: "agree", version: 2, at: "2027-03-03T10:00:00.000Z" }),
      ],
    });
    expect(standingOf(p, THEM).earlier).toBeNull();
    expect(standingOf(p, THEM).current?.version).toBe(2);
  });
});

describe("a paragraph's state", () => {
  it("is agreed only when both agree with the current version", () => {
    const both = paragraph({ marks: [mark({ by: ME }), mark({ by: THEM })] });
    expect(paragraphState(both, partners)).toBe("agreed");
    const rewritten = paragraph({ version: 2, marks: both.marks });
    expect(paragraphState(rewritten, partners)).toBe("waiting");
  });

  it("is disputed as soon as one current mark is not an agree", () => {
    const p = paragraph({ marks: [mark({ by: ME }), mark({ by: THEM, mark: "needs-talk" })] });
    expect(paragraphState(p, partners)).toBe("disputed");
  });

  it("waits while one has agreed and the other has not marked yet", () => {
    expect(paragraphState(paragraph({ marks: [mark({ by: ME })] }), partners)).toBe("waiting");
  });

  it("is never agreed by one person alone, before the partner has joined", () => {
    expect(paragraphState(paragraph({ marks: [mark({ by: ME })] }), [ME])).toBe("waiting");
  });
});

describe("the progress line", () => {
  it("says agreed of all, and how many are disputed", () => {
    expect(progressLine({ paragraphs: 5, agreed: 3, disputed: 1 })).toBe(
      "3 of 5 paragraphs agreed by both, 1 disputed",
    );
    expect(progressLine({ paragraphs: 2, agreed: 2, disputed: 0 })).toBe(
      "2 of 2 paragraphs agreed by both",
    );
    expect(progressLine({ paragraphs: 1, agreed: 0, disputed: 0 })).toBe(
      "0 of 1 paragraph agreed by both",
    );
    expect(progressLine({ paragraphs: 0, agreed: 0, disputed: 0 })).toBe("No paragraphs yet.");
  });

  it("reads the domain's progress", () => {
    const agreed = paragraph({ id: "a", marks: [mark({ by: ME }), mark({ by: THEM })] });
    const disputed = paragraph({ id: "b", marks: [mark({ by: THEM, mark: "disagree" })] });
    const open = paragraph({ id: "c" });
    expect(progressLine(storyProgress([agreed, disputed, open], partners))).toBe(
      "1 of 3 paragraphs agreed by both, 1 disputed",
    );
  });
});

describe("signing", () => {
  const story = { coherent: true, signedBy: [] as string[], signedAt: null as string | null };

  it("is not offered before the story is coherent", () => {
    expect(signingOf({ ...story, coherent: false }, ME, THEM)).toEqual({ kind: "not-ready" });
  });

  it("says who has signed while it is under way", () => {
    expect(signingOf(story, ME, THEM)).toEqual({ kind: "open", mine: false, partners: false });
    expect(signingOf({ ...story, signedBy: [THEM] }, ME, THEM)).toEqual({
      kind: "open",
      mine: false,
      partners: true,
    });
    expect(signingOf({ ...story, signedBy: [ME] }, ME, null)).toEqual({
      kind: "open",
      mine: true,
      partners: false,
    });
  });

  it("is done when both signed, on the day the second one did", () => {
    const at = "2027-03-03T18:00:00.000Z";
    expect(signingOf({ ...story, signedBy: [ME, THEM], signedAt: at }, ME, THEM)).toEqual({
      kind: "signed",
      at,
    });
  });
});

describe("a paragraph rewritten while someone was reading it", () => {
  it("is flagged when the other wrote a newer version than the one read", () => {
    expect(rewrittenSince(paragraph({ version: 2, editedBy: THEM }), 1, ME)).toBe(true);
  });

  it("is not flagged for the version read, nor for one's own rewrite", () => {
    expect(rewrittenSince(paragraph({ version: 2, editedBy: THEM }), 2, ME)).toBe(false);
    expect(rewrittenSince(paragraph({ version: 2, editedBy: ME }), 1, ME)).toBe(false);
  });
});

describe("the note's hint", () => {
  it("asks most warmly for a note when the mark is not an agree", () => {
    expect(noteHint("disagree", "Kai")).toMatch(/Kai see what a rewrite could change/);
    expect(noteHint("needs-talk", "Kai")).toMatch(/talk about/);
    expect(noteHint("agree", "Kai")).toBe("Kai sees it with your mark.");
    expect(noteHint(undefined, "Kai")).toBe("Kai sees it with your mark.");
  });
});
