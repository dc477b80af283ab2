/** A stretch of text one of the writing helpers points at: UTF-16 offsets, end exclusive. */
export interface Span {
  start: number | null;
  end: number | null;
}

export interface Segment {
  text: string;
  /** The index of the span these words belong to, or null for unmarked text. */
  span: number | null;
}

/**
 * The text cut into runs at the spans' edges, for drawing highlights behind a text area. Spans
 * come in reading order and never overlap (as the helpers give them); one with no offsets (a
 * remark on the whole text) is skipped, and one that reaches past the text, as a stale one can
 * while a person types, is cut to fit.
 */
export function highlightSegments(text: string, spans: readonly Span[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  spans.forEach((span, index) => {
    if (span.start === null || span.end === null) return;
    const start = Math.max(at, Math.min(span.start, text.length));
    const end = Math.min(Math.max(span.end, start), text.length);
    if (start > at) segments.push({ text: text.slice(at, start), span: null });
    if (end > start) segments.push({ text: text.slice(start, end), span: index });
    at = Math.max(at, end);
  });
  if (at < text.length) segments.push({ text: text.slice(at), span: null });
  return segments;
}
