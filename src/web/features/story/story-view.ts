import type { Paragraph } from "../../../contracts/story.ts";
import {
  currentMarks,
  paragraphAgreed,
  type StoryMark,
  type StorySection,
} from "../../../domain/story.ts";

export type StoryMarkEntry = Paragraph["marks"][number];

export interface SectionInfo {
  key: StorySection;
  title: string;
  invite: string;
}

export interface SectionView extends SectionInfo {
  paragraphs: Paragraph[];
}

/** Each section in the order the story is told, with its paragraphs in the order they came. */
export function storySections(
  sections: readonly SectionInfo[],
  paragraphs: readonly Paragraph[],
): SectionView[] {
  return sections.map((section) => ({
    ...section,
    paragraphs: paragraphs.filter((p) => p.section === section.key),
  }));
}

/** The latest of one person's marks among the given ones: the same pick as `currentMarks`. */
function latestOf(marks: readonly StoryMarkEntry[]): StoryMarkEntry | null {
  let latest: StoryMarkEntry | null = null;
  for (const mark of marks) if (!latest || latest.at <= mark.at) latest = mark;
  return latest;
}

export interface Standing {
  personId: string;
  /** Their mark on the version as it stands, if they have given one. */
  current: StoryMarkEntry | null;
  /** Without a current mark: the last one they gave an earlier version, which no longer counts. */
  earlier: StoryMarkEntry | null;
}

/** Where one person stands on a paragraph as it reads now. */
export function standingOf(paragraph: Paragraph, personId: string): Standing {
  const theirs = paragraph.marks.filter((m) => m.by === personId);
  const current = latestOf(theirs.filter((m) => m.version === paragraph.version));
  const earlier = current ? null : latestOf(theirs.filter((m) => m.version < paragraph.version));
  return { personId, current, earlier };
}

export type ParagraphState = "agreed" | "disputed" | "waiting";

/** Agreed by both; not agreed by one of them (a disagree or a wish to talk); or not marked yet. */
export function paragraphState(paragraph: Paragraph, partners: readonly string[]): ParagraphState {
  if (paragraphAgreed(paragraph, partners)) return "agreed";
  const marks: StoryMark[] = [...currentMarks(paragraph).values()];
  return marks.some((mark) => mark !== "agree") ? "disputed" : "waiting";
}

/** "3 of 5 paragraphs agreed by both, 1 disputed". */
export function progressLine(progress: {
  paragraphs: number;
  agreed: number;
  disputed: number;
}): string {
  if (progress.paragraphs === 0) return "No paragraphs yet.";
  const noun = progress.paragraphs === 1 ? "paragraph" : "paragraphs";
  const agreed = `${progress.agreed} of ${progress.paragraphs} ${noun} agreed by both`;
  return progress.disputed > 0 ? `${agreed}, ${progress.disputed} disputed` : agreed;
}

export type Signing =
  | { kind: "not-ready" }
  | { kind: "open"; mine: boolean; partners: boolean }
  | { kind: "signed"; at: string };

/** What signing looks like for the viewer: not yet possible, under way, or done by both. */
export function signingOf(
  story: { coherent: boolean; signedBy: readonly string[]; signedAt: string | null },
  meId: string,
  partnerId: string | null,
): Signing {
  if (!story.coherent) return { kind: "not-ready" };
  if (story.signedAt) return { kind: "signed", at: story.signedAt };
  return {
    kind: "open",
    mine: story.signedBy.includes(meId),
    partners: partnerId !== null && story.signedBy.includes(partnerId),
  };
}

/**
 * The paragraph was rewritten by someone else since this person read it: what they would mark
 * or rewrite is no longer what stands. Their own rewrite they have read by writing it.
 */
export function rewrittenSince(paragraph: Paragraph, readVersion: number, meId: string): boolean {
  return paragraph.version > readVersion && paragraph.editedBy !== meId;
}
