import { numberWord } from "./number-words.ts";
/**
 * Words for the hurt and grief tool. A person in pain often has one word ("bad", "angry") where
 * several would help the other understand, so each family opens into finer words to choose
 * from. Each word lives in one family only, so a chosen word always says which family it is.
 */
export interface EmotionFamily {
  key: string;
  label: string;
  words: readonly string[];
}

export const EMOTION_FAMILIES: readonly EmotionFamily[] = [
  {
    key: "hurt",
    label: "Hurt",
    words: [
      "wounded",
      "stung",
      "crushed",
      "betrayed",
      "let down",
      "rejected",
      "deceived",
      "devalued",
    ],
  },
  {
    key: "anger",
    label: "Anger",
    words: ["furious", "resentful", "bitter", "irritated", "outraged", "frustrated", "indignant"],
  },
  {
    key: "grief",
    label: "Grief",
    words: [
      "heartbroken",
      "sad",
      "mourning",
      "aching",
      "bereft",
      "wistful",
      "longing",
      "despairing",
    ],
  },
  {
    key: "fear",
    label: "Fear",
    words: ["afraid", "anxious", "insecure", "panicky", "uneasy", "dreading", "wary", "on edge"],
  },
  {
    key: "shame",
    label: "Shame",
    words: ["ashamed", "embarrassed", "humiliated", "exposed", "foolish", "small", "unworthy"],
  },
  {
    key: "confusion",
    label: "Confusion",
    words: ["confused", "bewildered", "disoriented", "torn", "unsure", "doubting", "unreal"],
  },
  {
    key: "loneliness",
    label: "Loneliness",
    words: ["lonely", "isolated", "abandoned", "unseen", "unwanted", "disconnected", "left out"],
  },
  {
    key: "numbness",
    label: "Numbness",
    words: ["numb", "empty", "flat", "detached", "frozen", "shut down", "drained", "stunned"],
  },
];

/** The family a word belongs to, whatever its case or surrounding spaces. */
export function familyOf(word: string): EmotionFamily | undefined {
  const wanted = word.trim().toLowerCase();
  return EMOTION_FAMILIES.find((family) => family.words.includes(wanted));
}

/** The ends of the 0–10 "does repair feel possible?" scale; neither end is a wrong answer. */
export const REPAIR_SCALE: { min: 0; max: 10; low: string; high: string } = {
  min: 0,
  max: 10,
  low: "Hard to imagine right now",
  high: "Feels truly possible",
};

export interface RepairPoint {
  /** ISO instant the answer was given. */
  at: string;
  value: number;
}

export type RepairDirection = "rising" | "steady" | "falling";

/** The latest answer is compared with the one from about this long ago. */
export const REPAIR_LOOKBACK_DAYS = 28;
/** A move of one step is how any day can differ; two steps is a change worth naming. */
export const REPAIR_MEANINGFUL_CHANGE = 2;

const DAY_MS = 86_400_000;

/**
 * The story the repair-possible answers tell, in words. The latest answer is compared with the
 * last one given at least four weeks before `now`, or, with a shorter history, with the first
 * one; the words name how long ago that was ("Lower than a month ago"). Answers after `now` are
 * left out. Null with fewer than two answers: one answer is a place, not a direction.
 */
export function repairTrend(
  points: ReadonlyArray<RepairPoint>,
  now: Date,
): { direction: RepairDirection; words: string } | null {
  const answered = points
    .filter((point) => Date.parse(point.at) <= now.getTime())
    .toSorted((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const latest = answered.at(-1);
  const earlier = answered.slice(0, -1);
  const cutoff = now.getTime() - REPAIR_LOOKBACK_DAYS * DAY_MS;
  const reference = earlier.findLast((point) => Date.parse(point.at) <= cutoff) ?? earlier[0];
  if (latest === undefined || reference === undefined) return null;

  const span = spanWords(Math.floor((now.getTime() - Date.parse(reference.at)) / DAY_MS));
  const change = latest.value - reference.value;
  if (change >= REPAIR_MEANINGFUL_CHANGE) {
    return { direction: "rising", words: `Rising over ${span.period}` };
  }
  if (change <= -REPAIR_MEANINGFUL_CHANGE) {
    return { direction: "falling", words: `Lower than ${span.ago}` };
  }
  return { direction: "steady", words: `About the same as ${span.ago}` };
}

/** Rounded down, so that words never claim a longer time than has passed. */
function spanWords(days: number): { period: string; ago: string } {
  if (days < 7) return { period: "the last few days", ago: "a few days ago" };
  if (days < 14) return { period: "the last week", ago: "a week ago" };
  if (days < 28) {
    const weeks = numberWord(Math.floor(days / 7));
    return { period: `the last ${weeks} weeks`, ago: `${weeks} weeks ago` };
  }
  // Until two full months have passed, "a month" is the honest round figure.
  if (days < 60) return { period: "the last month", ago: "a month ago" };
  const months = numberWord(Math.floor(days / 30));
  return { period: `the last ${months} months`, ago: `${months} months ago` };
}
