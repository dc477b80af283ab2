/**
 * A word-level comparison of two versions of a text, for showing what changed between two
 * shared versions of a statement. Words are compared as written (case and punctuation count,
 * since "I" and "we" or a full stop can carry the meaning); the whitespace after a word travels
 * with it and is not compared, so re-wrapping a line is not a change.
 */
export type DiffKind = "same" | "added" | "removed";

export interface DiffPart {
  kind: DiffKind;
  /** The words of this run, with the whitespace that followed each of them. */
  text: string;
}

interface Token {
  word: string;
  text: string;
}

function tokens(text: string): Token[] {
  return Array.from(text.matchAll(/(\S+)(\s*)/g), (m) => ({ word: m[1] ?? "", text: m[0] }));
}

function push(parts: DiffPart[], kind: DiffKind, text: string): void {
  const last = parts.at(-1);
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/**
 * The longest common subsequence table of the middle parts, filled from the end. A section holds
 * at most a few thousand words, so 16 bits per cell always suffice.
 */
function lcsTable(a: Token[], b: Token[]): Uint16Array[] {
  const rows: Uint16Array[] = [];
  for (let i = 0; i <= a.length; i++) rows.push(new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = rows[i] as Uint16Array;
    const below = rows[i + 1] as Uint16Array;
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] =
        a[i]?.word === b[j]?.word
          ? (below[j + 1] as number) + 1
          : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  return rows;
}

/**
 * The parts of `after` against `before`, in reading order; at each change what was taken out
 * comes before what was put in. Unchanged words are given as `after` writes them.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const parts: DiffPart[] = [];

  // Most revisions touch a few places: the shared start and end need no table.
  let start = 0;
  while (start < a.length && start < b.length && a[start]?.word === b[start]?.word) {
    push(parts, "same", b[start]?.text ?? "");
    start++;
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1]?.word === b[endB - 1]?.word) {
    endA--;
    endB--;
  }

  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const table = lcsTable(midA, midB);
  let i = 0;
  let j = 0;
  while (i < midA.length && j < midB.length) {
    if (midA[i]?.word === midB[j]?.word) {
      push(parts, "same", midB[j]?.text ?? "");
      i++;
      j++;
    } else if ((table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0)) {
      push(parts, "removed", midA[i]?.text ?? "");
      i++;
    } else {
      push(parts, "added", midB[j]?.text ?? "");
      j++;
    }
  }
  for (; i < midA.length; i++) push(parts, "removed", midA[i]?.text ?? "");
  for (; j < midB.length; j++) push(parts, "added", midB[j]?.text ?? "");

  for (let k = endB; k < b.length; k++) push(parts, "same", b[k]?.text ?? "");
  return parts;
}

/** How many words were added and taken out, for a short summary beside the comparison. */
export function diffCounts(parts: readonly DiffPart[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const part of parts) {
    const words = tokens(part.text).length;
    if (part.kind === "added") added += words;
    else if (part.kind === "removed") removed += words;
  }
  return { added, removed };
}

/** One side of a side-by-side view: the earlier text shows what went, the later what came. */
export function sideOf(parts: readonly DiffPart[], side: "before" | "after"): DiffPart[] {
  const hidden: DiffKind = side === "before" ? "added" : "removed";
  const out: DiffPart[] = [];
  for (const part of parts) if (part.kind !== hidden) push(out, part.kind, part.text);
  return out;
}
