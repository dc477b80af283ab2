import { useId, useMemo } from "react";
import { addDaysToDay, daysBetween, type IsoDay } from "../../../../domain/dates.ts";
import { WEEKDAYS } from "../../../../domain/schedule.ts";
import {
  BRICK,
  type Brick,
  type BrickState,
  type Course,
  layWall,
  mondayOf,
  type WallLayout,
  type WallPromise,
} from "./wall-layout.ts";
import { brickWords, formatShortDay, LEGEND_WORDS, wallSentence } from "./wall-words.ts";
import "./wall.css";

export type { WallPromise } from "./wall-layout.ts";

/** Brick colours cycle after this many promises; the table and the key still tell them apart. */
const CLAYS = 6;
const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

export interface BrickWallProps {
  /**
   * The promises to lay, in the order their colours and table rows take: one for a promise's
   * own wall, several for the couple's wall together. `occurrences` as the API gives them
   * (`PromiseItem.occurrences`), `label` the promise's words as the couple see them.
   */
  promises: readonly WallPromise[];
  /** Today in the couple's zone (`PromisesReply.today`); what is still open to mark counts from it. */
  today: IsoDay;
  /** The wall's name for assistive technology, e.g. "Brick wall for ‘Text when I leave work’". */
  title: string;
}

/**
 * The brick wall: each kept occurrence a brick, each miss a gap, one course per week with the
 * newest on top. The drawing is one image whose name and description say the counts in words;
 * a key explains every mark in words beside its swatch, and a table under it gives each day.
 */
export function BrickWall({ promises, today, title }: BrickWallProps) {
  const layout = useMemo(() => layWall(promises, today), [promises, today]);
  const id = `wall${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const sentence = wallSentence(layout.summary);
  const several = promises.length > 1;

  if (layout.courses.length === 0) {
    return <p className="wall wall--empty muted">{sentence}</p>;
  }
  const first = layout.courses[0];
  const patterns = { hatch: `${id}-hatch`, hole: `${id}-hole` };
  return (
    <div className="wall">
      <div className="wall__picture">
        <p className="wall__edge wall__edge--top">{topLabel(layout, today)}</p>
        {/* Its width caps a brick at one and a half times its drawn size: a weekly promise's
            narrow wall stays brick-sized instead of swelling to fill the card. */}
        <svg
          className="wall__svg"
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width={Math.round(layout.width * 1.5)}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{sentence}</desc>
          <defs>
            <Hatch id={patterns.hatch} />
            <linearGradient id={patterns.hole} x1="0" y1="0" x2="0" y2="1">
              <stop offset="0" className="wall__hole-deep" />
              <stop offset="0.55" className="wall__hole" />
            </linearGradient>
          </defs>
          <line
            className="wall__ground"
            x1={layout.ground.x}
            x2={layout.ground.x + layout.ground.width}
            y1={layout.ground.y}
            y2={layout.ground.y}
          />
          {layout.courses.map((course) => (
            <g key={course.monday}>
              {course.mortar.map((bed) => (
                <rect
                  key={bed.x}
                  className="wall__mortar"
                  x={bed.x}
                  y={bed.y}
                  width={bed.width}
                  height={bed.height}
                />
              ))}
              {course.bricks.map((brick) => (
                <BrickShape
                  key={brick.key}
                  brick={brick}
                  patterns={patterns}
                  label={several ? promises[brick.promiseIndex]?.label : undefined}
                />
              ))}
            </g>
          ))}
        </svg>
        {first && layout.courses.length > 1 ? (
          <p className="wall__edge">Week of {formatShortDay(first.monday)}, the first course</p>
        ) : null}
      </div>
      <Legend layout={layout} promises={promises} patterns={patterns} />
      <WallTable layout={layout} promises={promises} today={today} title={title} />
    </div>
  );
}

function topLabel(layout: WallLayout, today: IsoDay): string {
  const top = layout.courses.at(-1)?.monday ?? today;
  const week = top === mondayOf(today) ? "This week" : `Week of ${formatShortDay(top)}`;
  return layout.courses.length > 1 ? `${week}, on top` : week;
}

type Shape = Pick<
  Brick,
  | "x"
  | "y"
  | "width"
  | "height"
  | "radius"
  | "tilt"
  | "tone"
  | "specks"
  | "state"
  | "differs"
  | "promiseIndex"
>;

function BrickShape({
  brick,
  patterns,
  label,
}: {
  brick: Shape & Partial<Pick<Brick, "on" | "weekday" | "partner" | "isToday">>;
  patterns: Patterns;
  label?: string | undefined;
}) {
  const { x, y, width: w, height: h, radius: r } = brick;
  const cx = x + w / 2;
  const cy = y + h / 2;
  const box = { x, y, width: w, height: h, rx: r };
  const settling = brick.isToday === true && brick.state === "kept";
  const shape = (
    <g transform={brick.tilt === 0 ? undefined : `rotate(${brick.tilt} ${cx} ${cy})`}>
      {brick.on ? (
        <title>
          {`${label ? `${label}, ` : ""}${DAY_NAMES[WEEKDAYS.indexOf(brick.weekday ?? "mon")]} ${formatShortDay(brick.on)}: ${brickWords({ state: brick.state, partner: brick.partner ?? null })}`}
        </title>
      ) : null}
      <Face brick={brick} box={box} patterns={patterns} />
      {brick.differs ? <Corner x={x + w} y={y} size={Math.min(11, h * 0.6)} /> : null}
    </g>
  );
  return settling ? <g className="wall__new">{shape}</g> : shape;
}

function Face({
  brick,
  box,
  patterns,
}: {
  brick: Shape;
  box: { x: number; y: number; width: number; height: number; rx: number };
  patterns: Patterns;
}) {
  const { x, y, width: w, height: h, rx: r } = box;
  switch (brick.state) {
    case "kept":
      return (
        <>
          <rect {...box} className={`wall__clay wall__clay--${brick.promiseIndex % CLAYS}`} />
          <rect
            {...box}
            className={brick.tone < 0 ? "wall__tone--dark" : "wall__tone--light"}
            fillOpacity={Math.abs(brick.tone) * (brick.tone < 0 ? 0.2 : 0.18)}
          />
          {brick.specks.map((s) => (
            <circle
              key={`${s.x},${s.y}`}
              className="wall__speck"
              cx={x + s.x}
              cy={y + s.y}
              r={s.r}
            />
          ))}
          <line className="wall__lit" x1={x + r} x2={x + w - r} y1={y + 1} y2={y + 1} />
          <line className="wall__shade" x1={x + r} x2={x + w - r} y1={y + h - 1} y2={y + h - 1} />
        </>
      );
    case "missed":
      // A hole where a brick would sit: square-edged where bricks are rounded, in shadow under
      // the course above and catching light on the lip of the brick below.
      return (
        <>
          <rect
            {...box}
            rx={Math.min(r, 0.8)}
            fill={`url(#${patterns.hole})`}
            className="wall__gap"
          />
          <line
            className="wall__gap-lip"
            x1={x + 1}
            x2={x + w - 1}
            y1={y + h - 0.6}
            y2={y + h - 0.6}
          />
        </>
      );
    case "excused":
      return (
        <>
          <rect {...box} className="wall__rest" />
          <rect {...box} fill={`url(#${patterns.hatch})`} className="wall__rest-lines" />
        </>
      );
    case "waiting":
      return <rect {...box} className="wall__waiting" />;
    case "unmarked":
      return <rect {...box} className="wall__unmarked" />;
  }
}

/** A folded corner, top right: the flap turned down shows the mortar behind it. */
function Corner({ x, y, size }: { x: number; y: number; size: number }) {
  return (
    <>
      <path className="wall__fold-gap" d={`M${x - size} ${y - 0.6}H${x + 0.6}V${y + size}Z`} />
      <path className="wall__fold" d={`M${x - size} ${y}L${x} ${y + size}H${x - size}Z`} />
    </>
  );
}

/** The ids of the wall's own patterns, which its key's swatches use as well. */
interface Patterns {
  hatch: string;
  hole: string;
}

function Hatch({ id }: { id: string }) {
  return (
    <pattern
      id={id}
      width="5"
      height="5"
      patternUnits="userSpaceOnUse"
      patternTransform="rotate(45)"
    >
      <line className="wall__hatch" x1="0" y1="0" x2="0" y2="5" />
    </pattern>
  );
}

const SWATCH = { x: 2, y: 2, width: BRICK.width, height: BRICK.height, radius: 2.4, tilt: 0 };

function Swatch({
  shape,
  patterns,
}: {
  shape: Partial<Shape> & Pick<Shape, "state">;
  patterns: Patterns;
}) {
  const full: Shape = {
    ...SWATCH,
    tone: 0,
    specks: [
      { x: 10, y: 6, r: 0.8 },
      { x: 30, y: 12, r: 0.7 },
    ],
    differs: false,
    promiseIndex: 0,
    ...shape,
  };
  return (
    <svg
      className="wall-key__swatch"
      viewBox={`0 0 ${BRICK.width + 4} ${BRICK.height + 4}`}
      width={BRICK.width + 4}
      height={BRICK.height + 4}
      aria-hidden="true"
      focusable="false"
    >
      <rect
        className="wall__mortar"
        x="0"
        y="0"
        width={BRICK.width + 4}
        height={BRICK.height + 4}
        rx="2"
      />
      <BrickShape brick={full} patterns={patterns} />
    </svg>
  );
}

const KEY_ORDER: BrickState[] = ["kept", "missed", "excused", "waiting", "unmarked"];

/** The key: only what this wall shows, besides brick and gap, which every wall is made of. */
function Legend({
  layout,
  promises,
  patterns,
}: {
  layout: WallLayout;
  promises: readonly WallPromise[];
  patterns: Patterns;
}) {
  const shown = new Set(layout.courses.flatMap((c) => c.bricks.map((b) => b.state)));
  const states = KEY_ORDER.filter((s) => s === "kept" || s === "missed" || shown.has(s));
  const differs = layout.summary.seenDifferently > 0;
  return (
    <div className="wall-key">
      {promises.length > 1 ? (
        <ul
          className="wall-key__list wall-key__list--promises"
          aria-label="Whose bricks are which colour"
        >
          {promises.map((promise, index) => (
            <li key={promise.id} className="wall-key__item">
              <Swatch shape={{ state: "kept", promiseIndex: index }} patterns={patterns} />
              <span className="user-text">{promise.label}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="wall-key__list" aria-label="What the wall shows">
        {states.map((state) => (
          <li key={state} className="wall-key__item">
            <Swatch shape={{ state }} patterns={patterns} />
            <span>{LEGEND_WORDS[state]}</span>
          </li>
        ))}
        {differs ? (
          <li className="wall-key__item">
            <Swatch shape={{ state: "kept", differs: true }} patterns={patterns} />
            <span>{LEGEND_WORDS.differs}</span>
          </li>
        ) : null}
      </ul>
      <p className="wall-key__note muted small">
        Each row is a week, Monday on the left{promises.length > 1 ? " in each colour" : ""}.
      </p>
    </div>
  );
}

/**
 * The text alternative: for each promise a table of its weeks, newest first as in the wall, with
 * a column for each weekday it falls due on, so a weekly promise is not a row of empty days.
 */
function WallTable({
  layout,
  promises,
  today,
  title,
}: {
  layout: WallLayout;
  promises: readonly WallPromise[];
  today: IsoDay;
  title: string;
}) {
  const several = promises.length > 1;
  const newestFirst = [...layout.courses].reverse();
  return (
    <details className="disclosure wall-table">
      <summary>Read the wall day by day</summary>
      <div className="disclosure__body stack-sm">
        {promises.map((promise, index) => {
          const weekdays = layout.slots
            .filter((s) => s.promiseIndex === index)
            .map((s) => s.weekday);
          if (weekdays.length === 0) return null;
          return (
            <div key={promise.id}>
              {several ? <p className="wall-table__title user-text">{promise.label}</p> : null}
              <section
                className="table-wrap"
                aria-label={several ? promise.label : title}
                // A wide table scrolls inside its box on a phone; the box takes focus so the
                // keyboard can scroll it too.
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
                tabIndex={0}
              >
                <table className="numbers wall-table__table">
                  <caption className="visually-hidden">
                    {`${several ? promise.label : title}: each week, newest first`}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Week</th>
                      {weekdays.map((weekday) => (
                        <th key={weekday} scope="col">
                          {DAY_NAMES[WEEKDAYS.indexOf(weekday)]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {newestFirst.map((course) => (
                      <tr key={course.monday}>
                        <th scope="row">
                          {course.monday === mondayOf(today) ? (
                            "This week"
                          ) : (
                            <>
                              <span className="visually-hidden">Week of </span>
                              {formatShortDay(course.monday)}
                            </>
                          )}
                        </th>
                        {weekdays.map((weekday) => (
                          <DayCell
                            key={weekday}
                            course={course}
                            promiseIndex={index}
                            day={addDaysToDay(course.monday, WEEKDAYS.indexOf(weekday))}
                            today={today}
                          />
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            </div>
          );
        })}
        <p className="muted small">Marks are the promiser's own; “seen” is what the partner saw.</p>
      </div>
    </details>
  );
}

function DayCell({
  course,
  promiseIndex,
  day,
  today,
}: {
  course: Course;
  promiseIndex: number;
  day: IsoDay;
  today: IsoDay;
}) {
  const brick = course.bricks.find((b) => b.promiseIndex === promiseIndex && b.on === day);
  if (brick) {
    return (
      <td className={brick.differs ? "wall-table__differs" : undefined}>{brickWords(brick)}</td>
    );
  }
  return (
    <td>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">
        {daysBetween(today, day) > 0 ? "still to come" : "not due"}
      </span>
    </td>
  );
}
