import { useMemo } from "react";
import uPlot from "uplot";
import { usePlot } from "../../../ui/use-plot.ts";
import type { AlignedSeries } from "../promise-view.ts";

const dayLabel = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

/** A calendar day as seconds since 1970 at 00:00 UTC, so the day never shifts. */
function daySeconds(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 1000;
}

const WEEK = 7 * 86_400;

function chartHeight(width: number): number {
  return width < 480 ? 160 : 200;
}

function token(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function options(width: number, withPartner: boolean): uPlot.Options {
  const text = token("--color-text-muted", "#5e534a");
  const grid = token("--color-border", "#ddd1c4");
  const own = token("--color-primary", "#8a4327");
  const seen = token("--color-calm-text", "#2f5a3a");
  const surface = token("--color-surface", "#ffffff");
  const font = `12px ${token("--font-body", "system-ui")}`;
  const line = (label: string, stroke: string, dash?: number[]): uPlot.Series => ({
    label,
    stroke,
    width: 2,
    spanGaps: true,
    ...(dash ? { dash } : {}),
    points: { show: true, size: 6, stroke, fill: surface, width: 2 },
  });
  return {
    width,
    height: chartHeight(width),
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "UTC"),
    scales: {
      // A single day would leave the time axis no width at all: give it a week around the day.
      x: {
        time: true,
        range: (_u, min, max) => (min === max ? [min - WEEK, max + WEEK] : [min, max]),
      },
      y: { range: [0, 1] },
    },
    axes: [
      {
        stroke: text,
        font,
        size: 34,
        space: 56,
        grid: { show: false },
        ticks: { stroke: grid, width: 1, size: 4 },
        values: (_u, splits) => splits.map((s) => dayLabel.format(new Date(s * 1000))),
      },
      {
        stroke: text,
        font,
        size: 40,
        gap: 4,
        splits: () => [0, 0.25, 0.5, 0.75, 1],
        values: (_u, splits) => splits.map((s) => `${Math.round(s * 100)}%`),
        grid: { stroke: grid, width: 1 },
        ticks: { show: false },
      },
    ],
    series: [
      {},
      line("From the marks", own),
      ...(withPartner ? [line("From what was seen", seen, [6, 4])] : []),
    ],
  };
}

/**
 * The forgiving score over time, drawn with uPlot: the promiser's record as a solid line, what
 * the partner saw as a dashed one. Decorative for assistive technology; the words beside it and
 * the table under it say the same.
 */
export function RecordChart({ series }: { series: AlignedSeries }) {
  const withPartner = series.partner.some((score) => score !== null);
  const data = useMemo<uPlot.AlignedData>(
    () => [series.days.map(daySeconds), series.self, ...(withPartner ? [series.partner] : [])],
    [series, withPartner],
  );
  const ref = usePlot((width) => options(width, withPartner), data, chartHeight);
  return <div ref={ref} className="promises-chart" aria-hidden="true" />;
}
