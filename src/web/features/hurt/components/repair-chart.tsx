import { useMemo } from "react";
import type uPlot from "uplot";
import { usePlot } from "../../../ui/use-plot.ts";
import { alignLines, axisUnit, type Line } from "../series.ts";

const dayLabel = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" });
const timeLabel = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });

/**
 * How each line is drawn: the viewer's solid with filled dots, the partner's dashed with open
 * dots, so the two differ by more than colour.
 */
export const LINE_STYLES = [
  { color: "--color-primary", fallback: "#8a4327", dash: undefined, filled: true },
  { color: "--color-calm-text", fallback: "#2f5a3a", dash: [6, 4], filled: false },
] as const;

function chartHeight(width: number): number {
  return width < 480 ? 190 : 230;
}

function token(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function options(width: number, lines: readonly Line[], unit: "day" | "time"): uPlot.Options {
  const text = token("--color-text-muted", "#5e534a");
  const grid = token("--color-border", "#ddd1c4");
  const surface = token("--color-surface", "#ffffff");
  const font = `12px ${token("--font-body", "system-ui")}`;
  const label = unit === "day" ? dayLabel : timeLabel;
  return {
    width,
    height: chartHeight(width),
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      // A little room either side, so the first and last answers are not cut at the edges.
      x: {
        time: true,
        range: (_u, min, max) => {
          const pad = Math.max((max - min) * 0.04, 60);
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
        space: unit === "day" ? 56 : 64,
        grid: { show: false },
        ticks: { stroke: grid, width: 1, size: 4 },
        values: (_u, splits) => splits.map((s) => label.format(new Date(s * 1000))),
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
      ...lines.map((line, index) => {
        const style = LINE_STYLES[index % LINE_STYLES.length] ?? LINE_STYLES[0];
        const stroke = token(style.color, style.fallback);
        return {
          label: line.by,
          stroke,
          width: 2,
          ...(style.dash ? { dash: [...style.dash] } : {}),
          spanGaps: true,
          points: {
            show: true,
            size: 8,
            stroke,
            fill: style.filled ? stroke : surface,
            width: 2,
          },
        };
      }),
    ],
  };
}

/**
 * "Does repair feel possible" over time, one line per person, drawn with uPlot. The drawing is
 * decorative for assistive technology: the figure around it says each line in words and lists
 * every answer in a table.
 */
export function RepairChart({ lines }: { lines: readonly Line[] }) {
  const aligned = useMemo(() => alignLines(lines), [lines]);
  const data = useMemo<uPlot.AlignedData>(() => [aligned.xs, ...aligned.ys], [aligned]);
  const ref = usePlot((width) => options(width, lines, axisUnit(aligned.xs)), data, chartHeight);
  return <div ref={ref} className="hurt-chart" aria-hidden="true" />;
}
