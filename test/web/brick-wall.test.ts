import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Occurrence } from "../../src/contracts/promises.ts";
import { addDaysToDay } from "../../src/domain/dates.ts";
import { BrickWall } from "../../src/web/features/promises/wall/brick-wall.tsx";
import {
  BRICK,
  type Brick,
  layWall,
  mondayOf,
  stateOf,
  type WallLayout,
  type WallPromise,
} from "../../src/web/features/promises/wall/wall-layout.ts";
import { brickWords, wallSentence } from "../../src/web/features/promises/wall/wall-words.ts";

const kept = (on: string, partner: Occurrence["partner"] = "saw-it"): Occurrence => ({
  on,
  self: "kept",
  partner,
  excused: false,
});
const missed = (on: string, partner: Occurrence["partner"] = null): Occurrence => ({
  on,
  self: "missed",
  partner,
  excused: false,
});
const off = (on: string, self: Occurrence["self"] = null): Occurrence => ({
  on,
  self,
  partner: null,
  excused: true,
});
const open = (on: string): Occurrence => ({ on, self: null, partner: null, excused: false });

/** Every day from `from`, `count` of them. */
const days = (from: string, count: number) =>
  Array.from({ length: count }, (_, i) => addDaysToDay(from, i));

const wall = (occurrences: Occurrence[], id = "p1"): WallPromise[] => [
  { id, label: "Text when I leave work", occurrences },
];
const bricks = (layout: WallLayout): Brick[] => layout.courses.flatMap((c) => c.bricks);

describe("laying the wall", () => {
  it("lays one course per Monday–Sunday week, the oldest at the bottom", () => {
    // Wednesday 3 March 2027 to Tuesday 16 March: three weeks, the first begun midweek.
    const layout = layWall(wall(days("2027-03-03", 14).map((d) => kept(d))), "2027-03-16");
    expect(layout.courses.map((c) => c.monday)).toEqual(["2027-03-01", "2027-03-08", "2027-03-15"]);
    expect(layout.courses.map((c) => c.bricks.length)).toEqual([5, 7, 2]);
    const [bottom, middle, top] = layout.courses.map((c) => c.bricks[0]?.y ?? 0);
    expect(bottom).toBeGreaterThan(middle ?? 0);
    expect(middle).toBeGreaterThan(top ?? 0);
    expect(layout.courses[0]?.bricks.map((b) => b.weekday)).toEqual([
      "wed",
      "thu",
      "fri",
      "sat",
      "sun",
    ]);
  });

  it("offsets every other course by half a brick, in running bond", () => {
    const layout = layWall(wall(days("2027-03-01", 21).map((d) => kept(d))), "2027-03-21");
    expect(layout.courses.map((c) => c.offset)).toEqual([false, true, false]);
    const monday = (course: number) => layout.courses[course]?.bricks[0]?.x ?? 0;
    const pitch = BRICK.width + BRICK.joint;
    // Hand-laid bricks wander by a unit or two, never by a quarter of a brick.
    expect(Math.abs(monday(1) - monday(0) - pitch / 2)).toBeLessThan(pitch / 8);
    expect(Math.abs(monday(2) - monday(0))).toBeLessThan(pitch / 8);
    expect(layout.width).toBeGreaterThanOrEqual(7 * pitch + pitch / 2);
  });

  it("draws kept, missed, days off and unmarked days each their own way", () => {
    const today = "2027-03-20";
    const layout = layWall(
      wall([
        open("2027-03-11"), // nine days back: its window has closed
        open("2027-03-12"), // eight days back
        open("2027-03-13"), // seven days back: still open to mark
        kept("2027-03-14"),
        missed("2027-03-15"),
        off("2027-03-16"),
        off("2027-03-17", "kept"), // kept anyway on a day off: a brick
        off("2027-03-18", "missed"), // missed on a day off: the day off stands
        open("2027-03-20"),
      ]),
      today,
    );
    expect(bricks(layout).map((b) => [b.on, b.state])).toEqual([
      ["2027-03-11", "unmarked"],
      ["2027-03-12", "unmarked"],
      ["2027-03-13", "waiting"],
      ["2027-03-14", "kept"],
      ["2027-03-15", "missed"],
      ["2027-03-16", "excused"],
      ["2027-03-17", "kept"],
      ["2027-03-18", "excused"],
      ["2027-03-20", "waiting"],
    ]);
    expect(layout.summary).toEqual({
      kept: 2,
      missed: 1,
      excused: 2,
      unmarked: 4,
      waiting: 2,
      seenDifferently: 0,
      weeks: 2,
    });
  });

  it("marks a difference of views on the brick instead of averaging it", () => {
    const layout = layWall(
      wall([
        kept("2027-03-01", "saw-it"),
        kept("2027-03-02", "did-not-see"),
        missed("2027-03-03", "saw-it"),
        missed("2027-03-04", "did-not-see"),
        kept("2027-03-05", null),
        { ...open("2027-03-06"), partner: "saw-it" },
      ]),
      "2027-03-07",
    );
    expect(bricks(layout).map((b) => [b.state, b.differs])).toEqual([
      ["kept", false],
      ["kept", true],
      ["missed", true],
      ["missed", false],
      ["kept", false],
      ["waiting", false],
    ]);
    expect(layout.summary.seenDifferently).toBe(2);
    expect(layout.summary.kept).toBe(3);
  });

  it("lays nothing after today and no course for a week with nothing due yet", () => {
    const weekly = ["2027-03-07", "2027-03-14", "2027-03-21"].map((d) => kept(d));
    const layout = layWall(wall(weekly), "2027-03-17");
    expect(bricks(layout).map((b) => b.on)).toEqual(["2027-03-07", "2027-03-14"]);
    expect(layout.courses.map((c) => c.monday)).toEqual(["2027-03-01", "2027-03-08"]);
    // One brick a week stands as a pillar rather than zigzagging.
    expect(layout.courses.map((c) => c.offset)).toEqual([false, false]);
  });

  it("is an empty wall before anything falls due", () => {
    const layout = layWall(wall([]), "2027-03-17");
    expect(layout.courses).toEqual([]);
    expect(layout.summary.weeks).toBe(0);
    expect(wallSentence(layout.summary)).toBe("Nothing has fallen due yet, so no bricks are laid.");
  });

  it("lays a couple's promises course by course in the order the days came, each in its colour", () => {
    const from = "2027-03-01";
    const daily = days(from, 14).map((d) => kept(d));
    const monThu = ["2027-03-01", "2027-03-04", "2027-03-08", "2027-03-11"].map((d) => kept(d));
    const weekly = [missed("2027-03-07"), kept("2027-03-14")];
    const layout = layWall(
      [
        { id: "a", label: "Text when I leave work", occurrences: daily },
        { id: "b", label: "Cook on Mondays and Thursdays", occurrences: monThu },
        { id: "c", label: "A Sunday walk", occurrences: weekly },
      ],
      "2027-03-14",
    );
    expect(layout.slots.map((s) => `${s.promiseIndex}${s.weekday}`)).toEqual([
      "0mon",
      "0tue",
      "0wed",
      "0thu",
      "0fri",
      "0sat",
      "0sun",
      "1mon",
      "1thu",
      "2sun",
    ]);
    // The table still has a column per promise and due weekday.
    const course = layout.courses[1];
    expect(course?.bricks.map((b) => b.promiseIndex)).toEqual([0, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(course?.bricks.map((b) => b.on.slice(8))).toEqual([
      "08",
      "08",
      "09",
      "10",
      "11",
      "11",
      "12",
      "13",
      "14",
      "14",
    ]);
    expect(layout.summary).toMatchObject({ kept: 19, missed: 1, weeks: 2 });
    // A run of neighbouring bricks shares one bed of mortar.
    expect(course?.mortar).toHaveLength(1);
  });
});

describe("a wall laid by hand, the same every time", () => {
  const occurrences = days("2027-03-01", 56).map((d) => kept(d));

  it("varies brick by brick without chance", () => {
    const random = vi.spyOn(Math, "random");
    const first = layWall(wall(occurrences), "2027-04-25");
    const again = layWall(wall(occurrences), "2027-04-25");
    expect(random).not.toHaveBeenCalled();
    random.mockRestore();
    expect(again).toEqual(first);
    const tones = new Set(bricks(first).map((b) => b.tone));
    const tilts = new Set(bricks(first).map((b) => b.tilt));
    expect(tones.size).toBeGreaterThan(40);
    expect(tilts.size).toBeGreaterThan(20);
    for (const b of bricks(first)) {
      expect(Math.abs(b.tilt)).toBeLessThanOrEqual(0.7);
      expect(b.width).toBeGreaterThan(BRICK.width - 2);
      expect(b.width).toBeLessThanOrEqual(BRICK.width);
    }
  });

  it("keeps a brick's look in the couple's wall as in its own", () => {
    const own = layWall(wall(occurrences), "2027-04-25");
    const together = layWall(
      [{ id: "other", label: "Other", occurrences: [kept("2027-03-01")] }, ...wall(occurrences)],
      "2027-04-25",
    );
    const look = (b: Brick | undefined) => [b?.tilt, b?.tone, b?.radius, b?.specks];
    const day = "2027-03-17";
    expect(look(bricks(together).find((b) => b.promiseId === "p1" && b.on === day))).toEqual(
      look(bricks(own).find((b) => b.on === day)),
    );
  });
});

describe("plain dates, whatever the machine's zone", () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  const ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Kiritimati"];

  /** Lays the wall once per zone, after checking the zone really changed under the process. */
  function inEveryZone(promises: WallPromise[], today: string): WallLayout[] {
    const offsets = new Set<number>();
    const layouts = ZONES.map((tz) => {
      process.env.TZ = tz;
      offsets.add(new Date(2027, 0, 15, 12).getTimezoneOffset());
      return layWall(promises, today);
    });
    expect(offsets.size).toBe(ZONES.length);
    return layouts;
  }

  it("keeps a week across the spring clock change whole, in every zone", () => {
    // Europe moves its clocks on Sunday 28 March 2027, the United States on Sunday 14 March.
    const weeks = [...days("2027-03-08", 7), ...days("2027-03-22", 7)].map((d) => kept(d));
    const layouts = inEveryZone(wall(weeks), "2027-03-28");
    for (const layout of layouts) expect(layout).toEqual(layouts[0]);
    const layout = layouts[0] as WallLayout;
    expect(layout.courses.map((c) => [c.monday, c.bricks.length])).toEqual([
      ["2027-03-08", 7],
      ["2027-03-15", 0],
      ["2027-03-22", 7],
    ]);
    expect(layout.courses[2]?.bricks.map((b) => b.on)).toEqual(days("2027-03-22", 7));
    expect(layout.courses[2]?.bricks.at(-1)).toMatchObject({ weekday: "sun", isToday: true });
  });

  it("keeps the autumn week, when a day has 25 hours, seven days long", () => {
    const week = days("2027-10-25", 7).map((d) => kept(d));
    const layouts = inEveryZone(wall(week), "2027-11-02");
    for (const layout of layouts) expect(layout).toEqual(layouts[0]);
    expect(layouts[0]?.courses).toHaveLength(1);
    expect(layouts[0]?.courses[0]?.bricks.map((b) => b.weekday)).toEqual([
      "mon",
      "tue",
      "wed",
      "thu",
      "fri",
      "sat",
      "sun",
    ]);
    // Eight days back and seven: the marking window is counted in calendar days.
    expect(stateOf(open("2027-10-25"), "2027-11-02")).toBe("unmarked");
    expect(stateOf(open("2027-10-26"), "2027-11-02")).toBe("waiting");
  });

  it("puts a leap day on its Tuesday, in the week that began on 28 February", () => {
    expect(mondayOf("2028-02-29")).toBe("2028-02-28");
    expect(mondayOf("2028-03-05")).toBe("2028-02-28");
    expect(mondayOf("2027-03-01")).toBe("2027-03-01");
    const occurrences = days("2028-02-26", 10).map((d) => kept(d));
    const layouts = inEveryZone(wall(occurrences), "2028-03-06");
    for (const layout of layouts) expect(layout).toEqual(layouts[0]);
    const layout = layouts[0] as WallLayout;
    expect(layout.courses.map((c) => c.monday)).toEqual(["2028-02-21", "2028-02-28", "2028-03-06"]);
    expect(layout.courses[1]?.bricks.map((b) => b.on)).toEqual([
      "2028-02-28",
      "2028-02-29",
      "2028-03-01",
      "2028-03-02",
      "2028-03-03",
      "2028-03-04",
      "2028-03-05",
    ]);
    expect(layout.courses[1]?.bricks[1]?.weekday).toBe("tue");
  });
});

describe("the wall in words", () => {
  it("says the counts in one sentence and the differences in another", () => {
    const summary = {
      kept: 24,
      missed: 2,
      excused: 1,
      unmarked: 0,
      waiting: 0,
      seenDifferently: 0,
      weeks: 4,
    };
    expect(wallSentence(summary)).toBe("24 kept, 2 missed and 1 day off, over 4 weeks.");
    expect(
      wallSentence({ ...summary, excused: 3, unmarked: 3, waiting: 2, seenDifferently: 1 }),
    ).toBe(
      "24 kept, 2 missed, 3 days off, 1 left unmarked and 2 not marked yet, over 4 weeks. The two of you saw 1 day differently.",
    );
    expect(wallSentence({ ...summary, kept: 1, missed: 0, excused: 0, weeks: 1 })).toBe(
      "1 kept, over 1 week.",
    );
  });

  it("names each day's mark beside what the partner saw", () => {
    expect(brickWords({ state: "kept", partner: "saw-it" })).toBe("Kept, seen");
    expect(brickWords({ state: "kept", partner: "did-not-see" })).toBe("Kept, not seen");
    expect(brickWords({ state: "missed", partner: "saw-it" })).toBe("Missed, seen kept");
    expect(brickWords({ state: "missed", partner: "did-not-see" })).toBe("Missed");
    expect(brickWords({ state: "excused", partner: null })).toBe("Day off");
    expect(brickWords({ state: "waiting", partner: null })).toBe("Not marked yet");
    expect(brickWords({ state: "unmarked", partner: "did-not-see" })).toBe("Not marked, not seen");
  });
});

describe("<BrickWall>", () => {
  const occurrences = [
    ...days("2027-03-01", 20).map((d) => kept(d)),
    missed("2027-03-21"),
    kept("2027-03-22", "did-not-see"),
    off("2027-03-23"),
    open("2027-03-24"),
  ];
  const render = (promises: WallPromise[]) =>
    renderToStaticMarkup(
      createElement(BrickWall, {
        promises,
        today: "2027-03-24",
        title: "Brick wall for a promise",
      }),
    );

  it("is one named image whose description says the counts", () => {
    const html = render(wall(occurrences));
    const svg = html.match(/<svg class="wall__svg"[^>]*>/)?.[0] ?? "";
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(/viewBox="0 0 [\d.]+ [\d.]+"/);
    const [titleId, descId] = svg.match(/aria-labelledby="([^"]+)"/)?.[1]?.split(" ") ?? [];
    expect(html).toContain(`<title id="${titleId}">Brick wall for a promise</title>`);
    expect(html).toContain(
      `<desc id="${descId}">21 kept, 1 missed, 1 day off and 1 not marked yet, over 4 weeks. The two of you saw 1 day differently.</desc>`,
    );
  });

  it("gives every week and day in a table, newest week first", () => {
    const html = render(wall(occurrences));
    const rows = html.match(/<tr>/g) ?? [];
    expect(rows).toHaveLength(1 + 4);
    expect(html).toContain('<th scope="row">This week</th>');
    expect(html.indexOf("This week")).toBeLessThan(html.indexOf("Week of </span>"));
    expect(html).toContain('<td class="wall-table__differs">Kept, not seen</td>');
    expect(html).toContain("<td>Day off</td>");
  });

  it("keys every mark in words and one table per promise on the couple's wall", () => {
    const html = render([
      ...wall(occurrences),
      { id: "p2", label: "A Sunday walk", occurrences: [kept("2027-03-07"), missed("2027-03-14")] },
    ]);
    for (const words of ["Brick: kept", "Gap: missed", "Striped: a day off", "Folded corner"]) {
      expect(html).toContain(words);
    }
    expect(html.match(/<table/g)).toHaveLength(2);
    expect(html).toContain('aria-label="A Sunday walk"');
  });

  it("needs no inline style, so the page's content security policy holds", () => {
    const html = render(wall(occurrences));
    expect(html).not.toMatch(/\sstyle=/);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("says so in words when nothing has fallen due", () => {
    expect(render(wall([]))).toBe(
      '<p class="wall wall--empty muted">Nothing has fallen due yet, so no bricks are laid.</p>',
    );
  });

  it("leaves no empty columns in a couple's wall for promises due now and then", () => {
    const daily = days("2027-03-01", 14).map((d) => kept(d));
    // A situational promise that came up twice, and one begun in the second week.
    const now = [kept("2027-03-03"), kept("2027-03-12")];
    const later = [kept("2027-03-09"), missed("2027-03-13")];
    const layout = layWall(
      [
        { id: "a", label: "Text when I leave work", occurrences: daily },
        { id: "b", label: "Tell you when a memory comes back", occurrences: now },
        { id: "c", label: "Phone in the drawer at dinner", occurrences: later },
      ],
      "2027-03-14",
    );
    const [first, second] = layout.courses;
    expect(first?.bricks.map((b) => b.promiseIndex)).toEqual([0, 0, 0, 1, 0, 0, 0, 0]);
    expect(second?.bricks).toHaveLength(10);
    // Each course's bricks stand shoulder to shoulder: one bed of mortar, a gap only for a miss.
    expect(first?.mortar).toHaveLength(1);
    expect(second?.mortar).toHaveLength(1);
    const pitches = (second?.bricks ?? []).map((b) => Math.round(b.x / 48));
    expect(new Set(pitches).size).toBe(10);
  });
});
