import type { Occurrence } from "../../../../contracts/promises.ts";
import { addDaysToDay, daysBetween, type IsoDay } from "../../../../domain/dates.ts";
import { MARK_WINDOW_DAYS, weekdayOf } from "../../../../domain/occurrences.ts";
import { viewsDiffer } from "../../../../domain/promises.ts";
import { WEEKDAYS, type Weekday } from "../../../../domain/schedule.ts";

/** One promise as the wall needs it: who it is, what it is called, and its due days so far. */
export interface WallPromise {
  id: string;
  label: string;
  occurrences: readonly Occurrence[];
}

/**
 * What one occurrence looks like in the wall. A day agreed off but kept anyway is a brick, as
 * in the promiser's record (`selfRecord`); `waiting` is a day nobody marked that can still be
 * marked, `unmarked` one whose marking window has closed.
 */
export type BrickState = "kept" | "missed" | "excused" | "waiting" | "unmarked";

export interface Brick {
  /** Stable across renders: the promise and the day. */
  key: string;
  promiseId: string;
  /** The promise's place in the list given, which picks its brick colour. */
  promiseIndex: number;
  on: IsoDay;
  weekday: Weekday;
  state: BrickState;
  /** The promiser's mark and the partner's view part ways on this day. */
  differs: boolean;
  self: Occurrence["self"];
  partner: Occurrence["partner"];
  excused: boolean;
  isToday: boolean;
  /** The brick itself, in the wall's units, with its hand-laid unevenness already applied. */
  x: number;
  y: number;
  width: number;
  height: number;
  radius: number;
  /** Degrees, about the brick's centre. */
  tilt: number;
  /** From -1 (a shade darker) to 1 (a shade lighter) than the promise's clay. */
  tone: number;
  /** A few pits in the clay, relative to the brick's top-left corner. */
  specks: ReadonlyArray<{ x: number; y: number; r: number }>;
}

export interface Course {
  /** The Monday the week starts on. */
  monday: IsoDay;
  /** 0 for the bottom (oldest) course. */
  index: number;
  /** Whether the course is shifted by half a brick: every other one, as in running bond. */
  offset: boolean;
  bricks: Brick[];
  /** The mortar bed behind runs of neighbouring bricks, so joints show only where bricks are. */
  mortar: ReadonlyArray<{ x: number; y: number; width: number; height: number }>;
}

/** A place in a course: one promise on one weekday. */
export interface Slot {
  promiseIndex: number;
  weekday: Weekday;
}

export interface WallSummary {
  kept: number;
  missed: number;
  excused: number;
  /** Every occurrence nobody marked, `waiting` ones included. */
  unmarked: number;
  /** Unmarked occurrences still inside the marking window. */
  waiting: number;
  /** Occurrences where the two views differ. */
  seenDifferently: number;
  weeks: number;
}

export interface WallLayout {
  /** The drawing's size in its own units (its viewBox). */
  width: number;
  height: number;
  slots: Slot[];
  /** Oldest first, so `courses[0]` is the bottom of the wall. */
  courses: Course[];
  /** The line the wall stands on. */
  ground: { x: number; y: number; width: number };
  summary: WallSummary;
}

/** A brick's size and the mortar joint, in the wall's units. Roughly a real brick's face. */
export const BRICK = { width: 44, height: 19, joint: 4 } as const;
const PITCH_X = BRICK.width + BRICK.joint;
const PITCH_Y = BRICK.height + BRICK.joint;
/** Room around the wall for tilted bricks and the ground line. */
const MARGIN = 3;
const GROUND_GAP = 3;

/** The Monday of the Monday–Sunday week a day belongs to. */
export function mondayOf(day: IsoDay): IsoDay {
  return addDaysToDay(day, -WEEKDAYS.indexOf(weekdayOf(day)));
}

/**
 * Lays the promises' occurrences up to `today` into a wall: one course per Monday–Sunday week
 * from the first occurrence's week to the last's, oldest at the bottom, each course read left to
 * right (see `placesOf` for where each brick sits). Days after `today` are not laid.
 *
 * Everything is plain calendar arithmetic on `YYYY-MM-DD` days and a hash of each day, so the
 * same promises and `today` give the same wall on any machine, in any zone, on every render.
 */
export function layWall(promises: readonly WallPromise[], today: IsoDay): WallLayout {
  const due = promises.flatMap((promise, promiseIndex) =>
    promise.occurrences
      .filter((o) => daysBetween(o.on, today) >= 0)
      .map((o) => ({ promise, promiseIndex, o, weekday: weekdayOf(o.on) })),
  );
  const slots = slotsOf(due);
  const slotIndex = new Map(slots.map((s, i) => [slotKey(s.promiseIndex, s.weekday), i]));
  const place = placesOf(due, slotIndex, promises.length > 1);
  const mondays = weeksFrom(due.map((d) => d.o.on));
  const count = mondays.length;
  const across = Math.max(0, ...place.values()) + (place.size > 0 ? 1 : 0);
  const bond = across > 1 ? PITCH_X / 2 : 0;
  const width = 2 * MARGIN + across * PITCH_X + (count > 1 ? bond : 0);
  const wallHeight = count * PITCH_Y;

  const courses: Course[] = mondays.map((monday, index) => ({
    monday,
    index,
    offset: index % 2 === 1 && bond > 0,
    bricks: [],
    mortar: [],
  }));
  const courseOf = new Map(courses.map((c) => [c.monday, c]));

  for (const { promise, promiseIndex, o, weekday } of due) {
    const course = courseOf.get(mondayOf(o.on));
    const slot = place.get(`${promiseIndex}:${o.on}`);
    if (course === undefined || slot === undefined) continue;
    const left = MARGIN + (course.offset ? bond : 0) + slot * PITCH_X + BRICK.joint / 2;
    const top = MARGIN + (count - 1 - course.index) * PITCH_Y + BRICK.joint / 2;
    course.bricks.push({
      key: `${promise.id}:${o.on}`,
      promiseId: promise.id,
      promiseIndex,
      on: o.on,
      weekday,
      state: stateOf(o, today),
      differs: viewsDiffer(o),
      self: o.self,
      partner: o.partner,
      excused: o.excused,
      isToday: o.on === today,
      ...handLaid(`${promise.id}:${o.on}`, left, top),
    });
  }
  for (const course of courses) {
    course.bricks.sort((a, b) => a.x - b.x);
    course.mortar = mortarOf(
      new Set(course.bricks.map((b) => place.get(`${b.promiseIndex}:${b.on}`) ?? -1)),
      course,
      across,
      count,
      bond,
    );
  }

  const all = courses.flatMap((c) => c.bricks);
  const waiting = all.filter((b) => b.state === "waiting").length;
  return {
    width,
    height: 2 * MARGIN + wallHeight + GROUND_GAP,
    slots,
    courses,
    ground: { x: MARGIN / 2, y: MARGIN + wallHeight + GROUND_GAP / 2, width: width - MARGIN },
    summary: {
      kept: all.filter((b) => b.state === "kept").length,
      missed: all.filter((b) => b.state === "missed").length,
      excused: all.filter((b) => b.state === "excused").length,
      unmarked: waiting + all.filter((b) => b.state === "unmarked").length,
      waiting,
      seenDifferently: all.filter((b) => b.differs).length,
      weeks: count,
    },
  };
}

/** Follows the promiser's record: kept wins over a day off, a day off over a miss. */
export function stateOf(o: Occurrence, today: IsoDay): BrickState {
  if (o.self === "kept") return "kept";
  if (o.excused) return "excused";
  if (o.self === "missed") return "missed";
  return daysBetween(o.on, today) <= MARK_WINDOW_DAYS ? "waiting" : "unmarked";
}

function slotKey(promiseIndex: number, weekday: Weekday): string {
  return `${promiseIndex}:${weekday}`;
}

/** Every promise's due weekdays, promise by promise, Monday first. */
function slotsOf(due: ReadonlyArray<{ promiseIndex: number; weekday: Weekday }>): Slot[] {
  const seen = new Set(due.map((d) => slotKey(d.promiseIndex, d.weekday)));
  const indexes = [...new Set(due.map((d) => d.promiseIndex))].sort((a, b) => a - b);
  return indexes.flatMap((promiseIndex) =>
    WEEKDAYS.filter((weekday) => seen.has(slotKey(promiseIndex, weekday))).map((weekday) => ({
      promiseIndex,
      weekday,
    })),
  );
}

/**
 * Mondays from the earliest day's week to the latest's; none when nothing has fallen due. A
 * week with nothing due yet (a weekly promise before its day) lays no course: the wall's top is
 * the last course begun.
 */
function weeksFrom(days: readonly IsoDay[]): IsoDay[] {
  const sorted = [...days].sort();
  const earliest = sorted[0];
  const latest = sorted.at(-1);
  if (earliest === undefined || latest === undefined) return [];
  const last = mondayOf(latest);
  const mondays: IsoDay[] = [];
  for (let monday = mondayOf(earliest); monday <= last; monday = addDaysToDay(monday, 7)) {
    mondays.push(monday);
  }
  return mondays;
}

/**
 * Where each occurrence sits across its course. One promise's wall keeps a place per due
 * weekday, so its Thursday is always in the same spot. A couple's wall lays each week's bricks
 * side by side in the order the days came, whoever's they are, as a course of a real wall is
 * laid: otherwise promises due on few or irregular days (a situational one, one begun later)
 * would leave bricks floating in empty columns, and the wall would grow too wide for a phone.
 */
function placesOf(
  due: ReadonlyArray<{ promiseIndex: number; o: Occurrence; weekday: Weekday }>,
  slotIndex: ReadonlyMap<string, number>,
  packed: boolean,
): Map<string, number> {
  const places = new Map<string, number>();
  if (!packed) {
    for (const d of due) {
      const slot = slotIndex.get(slotKey(d.promiseIndex, d.weekday));
      if (slot !== undefined) places.set(`${d.promiseIndex}:${d.o.on}`, slot);
    }
    return places;
  }
  const byWeek = new Map<IsoDay, typeof due>();
  for (const d of due) {
    const monday = mondayOf(d.o.on);
    byWeek.set(monday, [...(byWeek.get(monday) ?? []), d]);
  }
  for (const week of byWeek.values()) {
    [...week]
      .sort((a, b) => a.o.on.localeCompare(b.o.on) || a.promiseIndex - b.promiseIndex)
      .forEach((d, i) => {
        places.set(`${d.promiseIndex}:${d.o.on}`, i);
      });
  }
  return places;
}

/**
 * One mortar bed per run of neighbouring bricks in a course, a pitch around each, reaching a
 * hair into the courses above and below so no seam shows between them when scaled.
 */
function mortarOf(
  taken: ReadonlySet<number>,
  course: Course,
  across: number,
  count: number,
  bond: number,
): Course["mortar"] {
  const beds: Array<{ x: number; y: number; width: number; height: number }> = [];
  const top = MARGIN + (count - 1 - course.index) * PITCH_Y;
  let start = -1;
  for (let i = 0; i <= across; i++) {
    if (taken.has(i) && start < 0) start = i;
    if (!taken.has(i) && start >= 0) {
      beds.push({
        x: MARGIN + (course.offset ? bond : 0) + start * PITCH_X,
        y: top - 0.25,
        width: (i - start) * PITCH_X,
        height: PITCH_Y + 0.5,
      });
      start = -1;
    }
  }
  return beds;
}

/**
 * The small unevenness of a wall laid by hand: each brick a touch shifted, tilted, shorter or
 * lighter than its neighbours. Drawn from a hash of the promise and the day, never from chance,
 * so a brick looks the same every time the couple come back to it.
 */
function handLaid(seed: string, left: number, top: number) {
  const next = numbersFrom(seed);
  const shorten = next() * 1.6;
  const lower = next() * 0.8;
  const specks = Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({
    x: round(4 + next() * (BRICK.width - 8)),
    y: round(4 + next() * (BRICK.height - 8)),
    r: round(0.5 + next() * 0.6),
  }));
  return {
    x: round(left + (next() - 0.5) * 1.2 + shorten / 2),
    y: round(top + (next() - 0.5) * 0.8 + lower / 2),
    width: round(BRICK.width - shorten),
    height: round(BRICK.height - lower),
    radius: round(1.6 + next() * 1.6),
    tilt: round((next() - 0.5) * 1.4),
    tone: round(next() * 2 - 1),
    specks,
  };
}

/** Numbers in [0, 1) from a seed: FNV-1a for the seed, then mulberry32 steps. */
function numbersFrom(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193);
  }
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Two decimals keep the SVG small and the numbers identical across engines. */
function round(n: number): number {
  return Math.round(n * 100) / 100;
}
