import { useMemo } from "react";
import uPlot from "uplot";
import { usePlot } from "../../../ui/use-plot.ts";
import { daysOfWeek, type TrendPoint } from "../weeks.ts";

const dayLabel = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

/** A week's Monday as seconds at 00:00 UTC, so the week never shifts with the viewer's zone. */
function weekSeconds(week: string): number {
  const monday = daysOfWeek(week)?.monday ?? "1970-01-01";
  return Date.parse(`${monday}T00:00:00Z`) / 1000;
}

function chartHeight(width: number): number {
  return width < 480 ? 190 : 230;
}

function token(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/**
 * The viewer's line solid with filled dots, the partner's dashed with open dots, so the two
 * differ by more than colour.
 */
function options(width: number): uPlot.Options {
  const text = token("--color-text-muted", "#5e534a");
  const grid = token("--color-border", "#ddd1c4");
  const surface = token("--color-surface", "#ffffff");
  const mine = token("--color-primary", "#8a4327");
  const theirs = token("--color-calm-text", "#2f5a3a");
  const font = `12px ${token("--font-body", "system-ui")}`;
  return {
    width,
    height: chartHeight(width),
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "UTC"),
    scales: {
      // Room either side, so the first and last weeks' dots are not cut at the edges.
      x: {
        time: true,
        range: (_u, min, max) => {
          const pad = Math.max((max - min) * 0.04, 86_400);
          return [min - pad, max + pad];
        },
      },
      y: { range: [0, 10] },
    },
    axes: [
      {
        stroke: text,
        font,
        size: 34,
        grid: { show: false },
        ticks: { stroke: grid, width: 1, size: 4 },
        // A tick for each week drawn (its Monday), thinned so that the labels never crowd.
        splits: (u) => {
          const weeks = Array.from(u.data[0]);
          const step = Math.max(1, Math.ceil((weeks.length * 64) / Math.max(u.width - 40, 64)));
          return weeks.filter((_, i) => (weeks.length - 1 - i) % step === 0);
        },
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
        label: "You",
        stroke: mine,
        width: 2,
        points: { show: true, size: 8, stroke: mine, fill: mine, width: 2 },
      },
      {
        label: "Your partner",
        stroke: theirs,
        width: 2,
        dash: [6, 4],
        points: { show: true, size: 8, stroke: theirs, fill: surface, width: 2 },
      },
    ],
  };
}

/**
 * One scale over the weeks both checked in, a line each, drawn with uPlot. Decorative for
 * assistive technology: the figure around it says each line in words and has every number in
 * a table.
 */
export function CheckinChart({ points }: { points: readonly TrendPoint[] }) {
  const data = useMemo<uPlot.AlignedData>(
    () => [
      points.map((point) => weekSeconds(point.week)),
      points.map((point) => point.mine),
      points.map((point) => point.theirs),
    ],
    [points],
  );
  const ref = usePlot(options, data, chartHeight);
  return <div ref={ref} className="checkin-chart" aria-hidden="true" />;
}
