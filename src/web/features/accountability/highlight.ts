import type { DefensivenessMark } from "../../../domain/defensiveness.ts";

export interface Segment {
  text: string;
  /** The index of the mark these words belong to, or null for unmarked text. */
  mark: number | null;
}

/**
 * The text cut into runs at the marks' edges, for drawing highlights behind a text area. Marks
 * come in reading order and never overlap (as the helper gives them); one that reaches past the
 * text, as a stale mark can while a person types, is cut to fit.
 */
export function segmentsOf(text: string, marks: readonly DefensivenessMark[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  marks.forEach((mark, index) => {
    const start = Math.max(at, Math.min(mark.start, text.length));
    const end = Math.min(Math.max(mark.end, start), text.length);
    if (start > at) segments.push({ text: text.slice(at, start), mark: null });
    if (end > start) segments.push({ text: text.slice(start, end), mark: index });
    at = Math.max(at, end);
  });
  if (at < text.length) segments.push({ text: text.slice(at), mark: null });
  return segments;
}

/** "1 phrase", "3 phrases". */
export function phraseCount(count: number): string {
  return count === 1 ? "1 phrase" : `${count} phrases`;
}

/**
 * What a screen reader hears once typing pauses: the count for one section, said only when it
 * has changed since the last time, so that the same number is not read out again and again.
 */
export function marksAnnouncement(section: string, count: number, before: number): string {
  if (count === before) return "";
  if (count === 0) return `${section}: no phrases marked now.`;
  return `${section}: the helper marks ${phraseCount(count)}. They are listed under the field.`;
}
