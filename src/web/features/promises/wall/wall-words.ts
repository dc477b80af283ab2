import type { IsoDay } from "../../../../domain/dates.ts";
import { lazyDateFormat } from "../../../ui/format.ts";
import type { Brick, BrickState, WallSummary } from "./wall-layout.ts";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The wall in one sentence, for its description and for anyone who would rather read it:
 * "24 kept, 2 missed and 1 day off, over 4 weeks." The differences get their own sentence, so
 * they are said rather than folded into a total.
 */
export function wallSentence(summary: WallSummary): string {
  if (summary.weeks === 0) return "Nothing has fallen due yet, so no bricks are laid.";
  const parts = [
    `${summary.kept} kept`,
    summary.missed > 0 ? `${summary.missed} missed` : null,
    summary.excused > 0 ? plural(summary.excused, "day off", "days off") : null,
    summary.unmarked > summary.waiting
      ? `${summary.unmarked - summary.waiting} left unmarked`
      : null,
    summary.waiting > 0 ? `${summary.waiting} not marked yet` : null,
  ].filter((part): part is string => part !== null);
  const counts =
    parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts.join("");
  const over = `${counts}, over ${plural(summary.weeks, "week", "weeks")}.`;
  if (summary.seenDifferently === 0) return over;
  return `${over} The two of you saw ${plural(summary.seenDifferently, "day", "days")} differently.`;
}

const STATE_WORDS: Record<BrickState, string> = {
  kept: "Kept",
  missed: "Missed",
  excused: "Day off",
  waiting: "Not marked yet",
  unmarked: "Not marked",
};

/** One day's mark for the table: the promiser's mark, then what the partner saw, side by side. */
export function brickWords(brick: Pick<Brick, "state" | "partner">): string {
  const mark = STATE_WORDS[brick.state];
  if (brick.partner === "saw-it")
    return brick.state === "kept" ? `${mark}, seen` : `${mark}, seen kept`;
  if (brick.partner === "did-not-see" && brick.state !== "missed" && brick.state !== "excused") {
    return `${mark}, not seen`;
  }
  return mark;
}

/** What each part of the wall means, in the order the key lists them. */
export const LEGEND_WORDS: Record<BrickState | "differs", string> = {
  kept: "Brick: kept",
  missed: "Gap: missed",
  excused: "Striped: a day off, agreed ahead",
  waiting: "Dashed: not marked yet, still open",
  unmarked: "Outline: not marked",
  differs: "Folded corner: the two of you saw it differently",
};

const shortDay = lazyDateFormat({
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

/** "3 Mar" for a calendar day, formatted at UTC midnight so no zone can move it. */
export function formatShortDay(day: IsoDay): string {
  const [y, m, d] = day.split("-").map(Number);
  return shortDay().format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}
