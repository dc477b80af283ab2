import { useMemo } from "react";
import uPlot from "uplot";
import type { DailyPoint } from "../../../../domain/intensity.ts";
import { usePlot } from "../../../ui/use-plot.ts";

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

function chartHeight(width: number): number {
  return width < 480 ? 180 : 220;
}

function token(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function options(width: number): uPlot.Options {
  const text = token("--color-text-muted", "#5e534a");
  const grid = token("--color-border", "#ddd1c4");
  const line = token("--color-primary", "#8a4327");
  const surface = token("--color-surface", "#ffffff");
  const font = `12px ${token("--font-body", "system-ui")}`;
  return {
    width,
    height: chartHeight(width),
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "UTC"),
    scales: {
      x: { time: true },
      y: { range: [0, 10] },
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
        size: 28,
        gap: 4,
        splits: () => [0, 2, 4, 6, 8, 10],
        grid: { stroke: grid, width: 1 },
        ticks: { show: false },
      },
    ],
    series: [
      {},
      {
        label: "Intensity",
        stroke: line,
        width: 2,
        spanGaps: true,
        points: { show: true, size: 6, stroke: line, fill: surface, width: 2 },
      },
    ],
  };
}

/**
 * Daily intensity over the weeks, drawn with uPlot. The drawing is decorative for assistive
 * technology: the figure around it carries the trend in words and the numbers in a table.
 */
export function IntensityChart({ points }: { points: DailyPoint[] }) {
  const data = useMemo<uPlot.AlignedData>(
    () => [points.map((point) => daySeconds(point.day)), points.map((point) => point.value)],
    [points],
  );
  const ref = usePlot(options, data, chartHeight);
  return <div ref={ref} className="intensity-chart" aria-hidden="true" />;
}
