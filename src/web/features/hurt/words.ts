import { EMOTION_FAMILIES, familyOf } from "../../../domain/emotions.ts";
import { MEANING_LIMITS } from "../../../domain/limits.ts";

const MAX_WORDS = MEANING_LIMITS.hurtWordsMax;
const MAX_LENGTH = MEANING_LIMITS.hurtWordMax;

function sameWord(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function isChosen(chosen: readonly string[], word: string): boolean {
  return chosen.some((each) => sameWord(each, word));
}

/** One entry holds only so many words; past that, a word must be let go before another. */
export function isFull(chosen: readonly string[]): boolean {
  return chosen.length >= MAX_WORDS;
}

/** Chooses a word, or lets it go if it was chosen; a full list stays as it is. */
export function toggleWord(chosen: readonly string[], word: string): string[] {
  if (isChosen(chosen, word)) return chosen.filter((each) => !sameWord(each, word));
  if (isFull(chosen)) return [...chosen];
  return [...chosen, word];
}

export type AddedWord =
  | { ok: true; words: string[]; word: string; family: string | null }
  | { ok: false; message: string };

/**
 * A word the person typed, added to what they chose. A word the vocabulary has is kept as the
 * vocabulary spells it, so its chip shows it chosen and it is read under its family.
 */
export function addOwnWord(chosen: readonly string[], typed: string): AddedWord {
  const word = typed.trim().replace(/\s+/g, " ");
  if (word === "") return { ok: false, message: "Type a word first." };
  if (word.length > MAX_LENGTH) {
    return { ok: false, message: `Keep one word to ${MAX_LENGTH} characters or fewer.` };
  }
  if (isChosen(chosen, word)) return { ok: false, message: `“${word}” is chosen already.` };
  if (isFull(chosen)) {
    return {
      ok: false,
      message: `One entry holds up to ${MAX_WORDS} words. Let one go to add another.`,
    };
  }
  const family = familyOf(word);
  const kept = family ? word.toLowerCase() : word;
  return { ok: true, words: [...chosen, kept], word: kept, family: family?.label ?? null };
}

/** The chosen words that are the person's own, not the vocabulary's, in the order chosen. */
export function ownWords(words: readonly string[]): string[] {
  return words.filter((word) => familyOf(word) === undefined);
}

export interface WordGroup {
  key: string;
  label: string;
  words: string[];
}

/**
 * Chosen words by family, in the vocabulary's order, and the person's own words last: a list of
 * words reads more easily when each says where it belongs.
 */
export function wordsByFamily(words: readonly string[], ownLabel = "Own words"): WordGroup[] {
  const groups: WordGroup[] = EMOTION_FAMILIES.map((family) => ({
    key: family.key,
    label: family.label,
    words: family.words.filter((word) => isChosen(words, word)),
  }));
  groups.push({ key: "own", label: ownLabel, words: ownWords(words) });
  return groups.filter((group) => group.words.length > 0);
}

/**
 * The person's own words to show as chips: those offered in this form (chosen or let go) and
 * any chosen, each once whatever its case.
 */
export function ownChips(offered: readonly string[], chosen: readonly string[]): string[] {
  const chips: string[] = [];
  for (const word of [...offered, ...ownWords(chosen)]) {
    if (!isChosen(chips, word)) chips.push(word);
  }
  return chips;
}

/** The chosen words in one line, for when some sit in families that are folded away. */
export function chosenSummary(chosen: readonly string[]): string {
  if (chosen.length === 0) return "No words chosen yet.";
  const list =
    chosen.length === 1
      ? (chosen[0] ?? "")
      : `${chosen.slice(0, -1).join(", ")} and ${chosen.at(-1) ?? ""}`;
  const line = `Chosen: ${list}.`;
  return isFull(chosen)
    ? `${line} That's as many as one entry holds; let one go to choose another.`
    : line;
}

/** How many of a family's words are chosen. */
export function chosenIn(familyWords: readonly string[], chosen: readonly string[]): number {
  return familyWords.filter((word) => isChosen(chosen, word)).length;
}
