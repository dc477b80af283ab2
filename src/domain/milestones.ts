import { weekRuns } from "./checkins.ts";
import { addDaysToDay, daysBetween, type IsoDay } from "./dates.ts";
import { weekdayOf } from "./occurrences.ts";
import { QUICK_REPAIR_HOURS } from "./setbacks.ts";

/**
 * Milestones of Rebuild, noticed once and gently. Each is worked out from what the couple has
 * done (marks, check-ins, signatures, repairs), never from their words, and keeps the moment it
 * was first reached, so a later miss never takes a milestone away.
 */
export const MILESTONE_KEYS = [
  "first-full-week",
  "bricks-10",
  "bricks-50",
  "bricks-100",
  "checkins-4-in-a-row",
  "story-signed",
  "quick-repair",
] as const;
export type MilestoneKey = (typeof MILESTONE_KEYS)[number];

export const MILESTONE_WORDS: Record<MilestoneKey, { title: string; words: string }> = {
  "first-full-week": {
    title: "A whole week of promises kept",
    words: "Every promise that fell due in one week was kept. That is what steady looks like.",
  },
  "bricks-10": {
    title: "Ten bricks in the wall",
    words: "Ten kept promises. Small things, done again and again, are how trust grows back.",
  },
  "bricks-50": {
    title: "Fifty bricks",
    words: "Fifty kept promises. The wall is taller than either of you could build alone.",
  },
  "bricks-100": {
    title: "A hundred bricks",
    words: "A hundred kept promises, one at a time.",
  },
  "checkins-4-in-a-row": {
    title: "Four check-ins in a row",
    words: "Four weeks running, you both made time to say how it is going.",
  },
  "story-signed": {
    title: "Your story, signed by both",
    words: "You wrote an account of what happened that both of you can stand behind.",
  },
  "quick-repair": {
    title: "A setback repaired within two days",
    words: "Something hurt, and you found your way back to each other quickly.",
  },
};

export interface MilestoneFacts {
  /** Every kept mark of every promise, with the moment it was made. */
  kept: ReadonlyArray<{ promiseId: string; on: IsoDay; at: string }>;
  /**
   * Each tracked promise's first day and its due days up to today (situational promises left
   * out: they have no fixed due days to fill a week with).
   */
  promises: ReadonlyArray<{ id: string; startedOn: IsoDay; dueDays: readonly IsoDay[] }>;
  /** Weeks both partners checked in, each with the moment the second one did. */
  checkinWeeks: ReadonlyArray<{ week: string; completedAt: string }>;
  /** Today in the couple's zone: a week still under way is not a full week yet. */
  today: IsoDay;
  /** When the current story was signed by both (the later signature), if it is. */
  storySignedAt: string | null;
  /** Repaired setbacks: when each was logged and when both said repaired. */
  repairs: ReadonlyArray<{ at: string; repairedAt: string }>;
}

export interface Milestone {
  key: MilestoneKey;
  reachedAt: string;
}

const BRICKS: ReadonlyArray<[MilestoneKey, number]> = [
  ["bricks-10", 10],
  ["bricks-50", 50],
  ["bricks-100", 100],
];

/** Every milestone reached so far, in the order they were reached. */
export function milestonesReached(facts: MilestoneFacts): Milestone[] {
  const reached: Milestone[] = [];
  const kept = [...facts.kept].sort((a, b) => a.at.localeCompare(b.at));
  for (const [key, count] of BRICKS) {
    const brick = kept[count - 1];
    if (brick) reached.push({ key, reachedAt: brick.at });
  }
  const fullWeek = firstFullWeek(facts);
  if (fullWeek) reached.push({ key: "first-full-week", reachedAt: fullWeek });
  const run = weekRuns(facts.checkinWeeks.map((w) => w.week)).find((r) => r.length >= 4);
  const runWeek = run && facts.checkinWeeks.find((w) => w.week === run.week);
  if (runWeek) reached.push({ key: "checkins-4-in-a-row", reachedAt: runWeek.completedAt });
  if (facts.storySignedAt) reached.push({ key: "story-signed", reachedAt: facts.storySignedAt });
  const quick = [...facts.repairs]
    .filter((r) => Date.parse(r.repairedAt) - Date.parse(r.at) <= QUICK_REPAIR_HOURS * 3_600_000)
    .sort((a, b) => a.repairedAt.localeCompare(b.repairedAt))[0];
  if (quick) reached.push({ key: "quick-repair", reachedAt: quick.repairedAt });
  return reached.sort((a, b) => a.reachedAt.localeCompare(b.reachedAt));
}

/**
 * The first Monday-to-Sunday week in which something fell due and every due occurrence of
 * every promise tracked that whole week was kept; reached when its last mark was made.
 */
function firstFullWeek(facts: MilestoneFacts): string | null {
  const keptOn = new Set(facts.kept.map((k) => `${k.promiseId}|${k.on}`));
  const markedAt = new Map(facts.kept.map((k) => [`${k.promiseId}|${k.on}`, k.at]));
  const mondays = new Set<IsoDay>();
  for (const p of facts.promises) for (const day of p.dueDays) mondays.add(mondayOf(day));
  for (const monday of [...mondays].sort()) {
    const sunday = addDaysToDay(monday, 6);
    if (daysBetween(sunday, facts.today) < 0) continue;
    const inWeek = (day: IsoDay) => daysBetween(monday, day) >= 0 && daysBetween(day, sunday) >= 0;
    const due = facts.promises.flatMap((p) =>
      p.dueDays.filter(inWeek).map((day) => `${p.id}|${day}`),
    );
    // A promise accepted midweek was not tracked the whole week: that week is partial.
    const whole = facts.promises.every(
      (p) => !p.dueDays.some(inWeek) || daysBetween(p.startedOn, monday) >= 0,
    );
    if (due.length === 0 || !whole || !due.every((d) => keptOn.has(d))) continue;
    return latest(due.map((d) => markedAt.get(d) ?? ""));
  }
  return null;
}

/** The latest of ISO timestamps, which sort as text. */
function latest(times: readonly string[]): string {
  return [...times].sort().at(-1) ?? "";
}

function mondayOf(day: IsoDay): IsoDay {
  const back = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].indexOf(weekdayOf(day));
  return addDaysToDay(day, -back);
}
