import type { Occurrence, PromiseItem } from "../../../contracts/promises.ts";
import { addDaysToDay, daysBetween, type IsoDay } from "../../../domain/dates.ts";
import { numberWord } from "../../../domain/number-words.ts";
import { MARK_WINDOW_DAYS, weekdayOf } from "../../../domain/occurrences.ts";
import type { PromiseCadence } from "../../../domain/promise-linter.ts";
import type { TransparencyArea } from "../../../domain/promise-templates.ts";
import { type PartnerView, type SelfMark, viewsDiffer } from "../../../domain/promises.ts";
import { isWeekday, WEEKDAYS, type Weekday } from "../../../domain/schedule.ts";

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

export const AREA_LABELS: Record<TransparencyArea, string> = {
  finances: "Finances",
  technology: "Technology",
  "social-media": "Social media",
};

export const ENDED_LABELS: Record<"declined" | "withdrawn" | "retired", string> = {
  declined: "Not taken on",
  withdrawn: "Withdrawn",
  retired: "Retired",
};

export interface PromiseGroups {
  /** The partner's proposals, waiting for the viewer's answer. */
  forYou: PromiseItem[];
  /** The viewer's proposals, waiting for the partner. */
  forPartner: PromiseItem[];
  mine: PromiseItem[];
  theirs: PromiseItem[];
  /** Declined, withdrawn and retired, the latest first. */
  ended: PromiseItem[];
}

const byProposed = (a: PromiseItem, b: PromiseItem) => a.proposedAt.localeCompare(b.proposedAt);
const byAccepted = (a: PromiseItem, b: PromiseItem) =>
  (a.acceptedAt ?? a.proposedAt).localeCompare(b.acceptedAt ?? b.proposedAt);

/** The promises as the page lists them, by what each one waits for. */
export function groupPromises(promises: readonly PromiseItem[]): PromiseGroups {
  const proposed = promises.filter((p) => p.status === "proposed").sort(byProposed);
  const active = promises.filter((p) => p.status === "active").sort(byAccepted);
  return {
    forYou: proposed.filter((p) => !p.mine),
    forPartner: proposed.filter((p) => p.mine),
    mine: active.filter((p) => p.mine),
    theirs: active.filter((p) => !p.mine),
    ended: promises
      .filter((p) => p.status !== "proposed" && p.status !== "active")
      .sort((a, b) => (b.endedAt ?? "").localeCompare(a.endedAt ?? "")),
  };
}

/** "Monday", "Monday and Thursday", "Monday, Wednesday and Friday". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

const WORKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri"];

function daysWords(days: readonly string[]): string {
  const set = new Set<string>(days);
  const ordered = WEEKDAYS.filter((day) => set.has(day));
  if (ordered.length === 7) return "every day";
  if (ordered.length === 5 && WORKDAYS.every((day) => set.has(day))) return "Monday to Friday";
  return listWords(ordered.map((day) => `${WEEKDAY_NAMES[day]}s`));
}

/** When a promise is due, in words: "Every day", "On Mondays and Thursdays", … */
export function cadenceWords(cadence: PromiseCadence, startedOn: IsoDay | null): string {
  switch (cadence.kind) {
    case "daily":
      return "Every day";
    case "weekdays":
      return `On ${daysWords(cadence.days ?? [])}`;
    case "weekly": {
      const chosen = cadence.days?.[0];
      const day =
        chosen && isWeekday(chosen) ? chosen : startedOn ? weekdayOf(startedOn) : undefined;
      return day
        ? `Once a week, on ${WEEKDAY_NAMES[day]}s`
        : "Once a week, on the weekday it is accepted";
    }
    case "situational":
      return "Whenever the situation comes up";
  }
}

/** Whether the promise is due to be looked at together: its review day has come. */
export function reviewDue(promise: PromiseItem, today: IsoDay): boolean {
  return (
    promise.status === "active" &&
    promise.reviewOn !== null &&
    daysBetween(promise.reviewOn, today) >= 0
  );
}

/** Whether a day may still be marked: from the day tracking began, at most a week back. */
export function inMarkWindow(promise: PromiseItem, on: IsoDay, today: IsoDay): boolean {
  const back = daysBetween(on, today);
  return (
    promise.startedOn !== null &&
    back >= 0 &&
    back <= MARK_WINDOW_DAYS &&
    daysBetween(promise.startedOn, on) >= 0
  );
}

/** The days of the mark window that count for a promise, newest first. */
export function windowDays(promise: PromiseItem, today: IsoDay): IsoDay[] {
  const days: IsoDay[] = [];
  for (let back = 0; back <= MARK_WINDOW_DAYS; back++) {
    const day = addDaysToDay(today, -back);
    if (inMarkWindow(promise, day, today)) days.push(day);
  }
  return days;
}

const blank = (on: IsoDay): Occurrence => ({ on, self: null, partner: null, excused: false });

/**
 * The days to mark, newest first: the due days of the mark window. A situational promise has no
 * calendar, so it offers today, every day someone already said something about, and the days
 * the viewer added ("it came up on Tuesday").
 */
export function trackingDays(
  promise: PromiseItem,
  today: IsoDay,
  added: readonly IsoDay[] = [],
): Occurrence[] {
  if (promise.status !== "active") return [];
  const known = promise.occurrences.filter((o) => inMarkWindow(promise, o.on, today));
  if (promise.cadence.kind !== "situational") return known.reverse();
  const byDay = new Map(known.map((o) => [o.on, o]));
  for (const day of [today, ...added]) {
    if (!byDay.has(day) && inMarkWindow(promise, day, today)) byDay.set(day, blank(day));
  }
  return [...byDay.values()].sort((a, b) => b.on.localeCompare(a.on));
}

/**
 * The days to mark split in two: those that still ask something of the viewer (today, a day
 * their own side is missing, a day the two views part) and those already settled, which can
 * fold away so a steady week does not fill the screen with buttons.
 */
export function splitDays(days: readonly Occurrence[], mine: boolean, today: IsoDay) {
  const open = (o: Occurrence) =>
    o.on === today || (mine ? o.self : o.partner) === null || viewsDiffer(o);
  return { open: days.filter(open), settled: days.filter((o) => !open(o)) };
}

/** Days of the window a situational promise could still be marked on, newest first. */
export function moreDays(promise: PromiseItem, today: IsoDay, shown: readonly Occurrence[]) {
  const taken = new Set(shown.map((o) => o.on));
  return windowDays(promise, today).filter((day) => !taken.has(day));
}

const SELF_WORDS: Record<SelfMark, string> = { kept: "kept", missed: "missed" };
const PARTNER_WORDS: Record<PartnerView, string> = {
  "saw-it": "saw it",
  "did-not-see": "didn't see it",
};

export interface DayViews {
  /** The promiser's side, e.g. "You: kept" or "Robin: not marked yet". */
  self: string;
  /** The partner's side, e.g. "Robin: didn't see it". */
  partner: string;
  /** The two views disagree: shown side by side, never averaged into one. */
  differ: boolean;
}

/**
 * One day's two views, each named: the promiser's mark and what the partner saw. Where they
 * part, both stand; nothing here decides which is right.
 */
export function dayViews(o: Occurrence, names: { promiser: string; partner: string }): DayViews {
  return {
    self: `${names.promiser}: ${o.self ? SELF_WORDS[o.self] : "not marked yet"}`,
    partner: `${names.partner}: ${
      o.partner
        ? PARTNER_WORDS[o.partner]
        : names.partner === "You"
          ? "haven't said yet"
          : "hasn't said yet"
    }`,
    differ: viewsDiffer(o),
  };
}

/** "Today", "Yesterday", or the weekday and date. */
export function dayLabel(on: IsoDay, today: IsoDay, format: (day: IsoDay) => string): string {
  const back = daysBetween(on, today);
  if (back === 0) return "Today";
  if (back === 1) return "Yesterday";
  return format(on);
}

/** A score from 0 to 1 as a whole percentage. */
export function percent(score: number): number {
  return Math.round(Math.max(0, Math.min(1, score)) * 100);
}

export interface AlignedSeries {
  days: IsoDay[];
  self: Array<number | null>;
  partner: Array<number | null>;
}

/**
 * The two records over the same days, for one chart and one table: each day either record has
 * a score, oldest first, with null where one record has none that day.
 */
export function alignSeries(
  self: ReadonlyArray<{ on: IsoDay; score: number }>,
  partner: ReadonlyArray<{ on: IsoDay; score: number }>,
): AlignedSeries {
  const days = [...new Set([...self, ...partner].map((p) => p.on))].sort();
  const at = (points: ReadonlyArray<{ on: IsoDay; score: number }>) => {
    const byDay = new Map(points.map((p) => [p.on, p.score]));
    return days.map((day) => byDay.get(day) ?? null);
  };
  return { days, self: at(self), partner: at(partner) };
}

/**
 * The days off worth showing: every request still waiting and not yet past, and the answered
 * ones that still touch the mark window or lie ahead. Oldest first.
 */
export function visibleExcusals(promise: PromiseItem, today: IsoDay): PromiseItem["excusals"] {
  return promise.excusals
    .filter((e) =>
      e.status === "proposed"
        ? daysBetween(today, e.to) >= 0
        : daysBetween(today, e.to) >= -MARK_WINDOW_DAYS,
    )
    .sort((a, b) => a.from.localeCompare(b.from));
}

/** The proposal waiting to change this promise's wording, if one is. */
export function pendingChangeOf(promise: PromiseItem, all: readonly PromiseItem[]) {
  return all.find((p) => p.status === "proposed" && p.replaces === promise.id);
}

/** The promise that took over from this one, if it was retired by a change of wording. */
export function replacementOf(promise: PromiseItem, all: readonly PromiseItem[]) {
  return promise.status === "retired"
    ? all.find(
        (p) => p.replaces === promise.id && (p.status === "active" || p.status === "retired"),
      )
    : undefined;
}

/** Until every promise has been tracked this long, the couple's score is said to be young. */
export const EARLY_DAYS = 14;

/**
 * The couple's record in words, before any number: how many promises they keep, and what the
 * score means at this point. It starts at nothing and rises slowly by design, so early on the
 * words say so rather than letting a small figure read as failure.
 */
export function togetherWords(
  score: number | null,
  active: readonly PromiseItem[],
  today: IsoDay,
): string {
  const count = active.length === 1 ? "one promise" : `${numberWord(active.length)} promises`;
  if (score === null) {
    return `You are keeping ${count} between you. No day is marked yet; the first mark starts the score.`;
  }
  const early = active.every(
    (p) => p.startedOn === null || daysBetween(p.startedOn, today) < EARLY_DAYS,
  );
  if (early) {
    return `You are keeping ${count} between you, and you have only just begun. The score rises slowly on purpose: it measures steadiness over weeks, not any one day.`;
  }
  return `Across the ${count} you are keeping, one miss dents the score and never resets it, and each kept day lifts it again.`;
}
