import { numberWord } from "./number-words.ts";

/**
 * Setbacks and repair in Rebuild. A setback is part of rebuilding, not a failure of it: either
 * partner names one, both add the steps that repair it, and it is repaired when both say so.
 * How quickly and honestly repair happens is what the couple learns to watch.
 */
export const SETBACK_KINDS = [
  "memory",
  "conversation",
  "doubt",
  "missed-promise",
  "new-deception",
  "other",
] as const;
export type SetbackKind = (typeof SETBACK_KINDS)[number];

export const SETBACK_KIND_LABELS: Record<SetbackKind, string> = {
  memory: "A painful memory came back",
  conversation: "A hard conversation",
  doubt: "Doubt crept in",
  "missed-promise": "A promise was missed",
  "new-deception": "Something new was hidden",
  other: "Something else",
};

/** Repaired within this many hours counts as a quick repair (a milestone). */
export const QUICK_REPAIR_HOURS = 48;

/** A new deception in Rebuild suggests going back to Stabilize, which one partner may do. */
export function suggestsStepBack(kind: SetbackKind, phase: string): boolean {
  return kind === "new-deception" && phase === "rebuild";
}

/** When a setback is repaired: once both partners said so, at the later of the two. */
export function repairedAt(
  saidBy: ReadonlyArray<{ by: string; at: string }>,
  partners: readonly string[],
): string | null {
  if (partners.length < 2) return null;
  const times = partners.map((p) => saidBy.find((s) => s.by === p)?.at);
  if (times.some((t) => t === undefined)) return null;
  // ISO timestamps sort as text: the last is the later word.
  return (times as string[]).sort().at(-1) ?? null;
}

/** Whole hours from `from` to `to`, rounded to one decimal. */
export function hoursBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 360_000) / 10;
}

/**
 * The time-to-repair trend in words, from repaired setbacks oldest first. Three or more are
 * needed to speak of a trend: the mean of the later half is compared with the earlier half's,
 * and a change under a quarter reads as steady.
 */
export function repairTrendInWords(hours: readonly number[]): string {
  if (hours.length === 0) return "No setback has been repaired yet.";
  const last = hours.at(-1) ?? 0;
  if (hours.length < 3) {
    return hours.length === 1
      ? `One setback repaired, in ${durationInWords(last)}.`
      : `Two setbacks repaired; the latest in ${durationInWords(last)}.`;
  }
  const half = Math.floor(hours.length / 2);
  const earlier = mean(hours.slice(0, half));
  const later = mean(hours.slice(hours.length - half));
  const count = numberWord(hours.length);
  if (later < earlier * 0.75) return `Repair is getting quicker across ${count} setbacks.`;
  if (later > earlier * 1.25) {
    return `Repair has been taking longer lately; across ${count} setbacks, be gentle about why.`;
  }
  return `Repair takes about as long as before, across ${count} setbacks.`;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** "five hours", "two days": how long a repair took, in words. */
export function durationInWords(hours: number): string {
  if (hours < 1) return "less than an hour";
  if (hours < 48) {
    const h = Math.round(hours);
    return h === 1 ? "an hour" : `${numberWord(h)} hours`;
  }
  const days = Math.round(hours / 24);
  return `${numberWord(days)} days`;
}
