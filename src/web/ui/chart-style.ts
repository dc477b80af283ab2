import uPlot from "uplot";

/** The colours and font every chart draws with, from the design tokens. */
export interface ChartStyle {
  text: string;
  grid: string;
  surface: string;
  primary: string;
  primarySoft: string;
  calm: string;
  font: string;
}

function token(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** Read as each chart is drawn, so a chart drawn again on a switch to dark gets dark's colours. */
export function style(): ChartStyle {
  return {
    text: token("--color-text-muted", "#5e534a"),
    grid: token("--color-border", "#ddd1c4"),
    surface: token("--color-surface", "#ffffff"),
    primary: token("--color-primary", "#8a4327"),
    primarySoft: token("--color-primary-soft", "#f6e6dc"),
    calm: token("--color-calm-text", "#2f5a3a"),
    font: `12px ${token("--font-body", "system-ui")}`,
  };
}

/**
 * A chart's height for its width, lower on a phone. Make it once, outside any component:
 * `usePlot` draws the chart anew whenever this function changes.
 */
export function heights(phone: number, wide: number): (width: number) => number {
  return (width) => (width < 480 ? phone : wide);
}

/**
 * What every chart shares: as wide as its box, and no legend, cursor or selection, because the
 * words and the table beside each chart carry its details. With `utc`, a time axis reads its
 * seconds in UTC, as days made by `utcDaySeconds` are, so no day shifts with the viewer's zone.
 */
export function frame(
  width: number,
  heightFor: (width: number) => number,
  { utc }: { utc: boolean },
): Pick<uPlot.Options, "width" | "height" | "legend" | "cursor" | "select" | "tzDate"> {
  return {
    width,
    height: heightFor(width),
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    ...(utc ? { tzDate: (ts: number) => uPlot.tzDate(new Date(ts * 1000), "UTC") } : {}),
  };
}

/** A calendar day ("2026-03-09") as seconds since 1970 at 00:00 UTC. */
export function utcDaySeconds(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 1000;
}

/**
 * A time scale's range with room either side, at least `least` seconds, so the first and last
 * dots are not cut at the edges.
 */
export function paddedRange(least: number): uPlot.Range.Function {
  return (_u, min, max) => {
    const pad = Math.max((max - min) * 0.04, least);
    return [min - pad, max + pad];
  };
}

/** The labels of a time axis, each split (seconds) in `format`. */
export function timeValues(
  format: () => Intl.DateTimeFormat,
): (u: uPlot, splits: number[]) => string[] {
  return (_u, splits) => splits.map((s) => format().format(new Date(s * 1000)));
}

let utcDay: Intl.DateTimeFormat | undefined;

/**
 * Labels such as "9 Mar" for days made by `utcDaySeconds`. The formatter is made on first use
 * (format.ts's lazyDateFormat, written out: importing the UI kit would pull it into this chunk).
 */
export const utcDayValues = timeValues(() => {
  utcDay ??= new Intl.DateTimeFormat(undefined, {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
  return utcDay;
});

/** The look both axes share: labels muted, in the body font. */
function axis(style: ChartStyle, look: uPlot.Axis, own: uPlot.Axis): uPlot.Axis {
  return { stroke: style.text, font: style.font, ...look, ...own };
}

/**
 * The axis along the bottom: short ticks and no grid lines, the value axis draws those. Each
 * chart says where its ticks go (`space` or `splits`) and how they read.
 */
export function xAxis(style: ChartStyle, own: Pick<uPlot.Axis, "space" | "splits" | "values">) {
  const ticks = { stroke: style.grid, width: 1, size: 4 };
  return axis(style, { size: 34, grid: { show: false }, ticks }, own);
}

/** The axis up the side, with a grid line across at each split; `size` fits its widest label. */
export function yAxis(style: ChartStyle, own: Pick<uPlot.Axis, "size" | "splits" | "values">) {
  const grid = { stroke: style.grid, width: 1 };
  return axis(style, { gap: 4, grid, ticks: { show: false } }, own);
}

/** The whole of a 0 to 10 answer, always, so that charts of such answers compare at a glance. */
export const TEN_SCALE: uPlot.Scale = { range: [0, 10] };

/** The value axis of a 0 to 10 answer: a grid line at each even number. */
export function tenAxis(style: ChartStyle): uPlot.Axis {
  return yAxis(style, { size: 28, splits: () => [0, 2, 4, 6, 8, 10] });
}

/**
 * A line with a dot at each value. Filled dots or open ones (and a dash) tell two lines apart
 * by more than colour.
 */
export function line(
  style: ChartStyle,
  of: {
    label: string;
    stroke: string;
    dots: number;
    filled: boolean;
    dash?: readonly number[] | undefined;
    spanGaps: boolean;
  },
): uPlot.Series {
  const { label, stroke, dots, filled, dash, spanGaps } = of;
  return {
    label,
    stroke,
    width: 2,
    ...(dash ? { dash: [...dash] } : {}),
    ...(spanGaps ? { spanGaps } : {}),
    points: { show: true, size: dots, stroke, fill: filled ? stroke : style.surface, width: 2 },
  };
}
