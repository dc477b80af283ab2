import { useMemo } from "react";
import uPlot from "uplot";
import { usePlot } from "../../../ui/use-plot.ts";
import type { RepairRow } from "../repair.ts";

function chartHeight(width: number): number {
  return width < 480 ? 180 : 220;
}

function token(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

const bars = uPlot.paths.bars?.({ size: [0.6, 48] });

function options(width: number): uPlot.Options {
  const text = token("--color-text-muted", "#5e534a");
  const grid = token("--color-border", "#ddd1c4");
  const bar = token("--color-primary", "#8a4327");
  const soft = token("--color-primary-soft", "#f6e6dc");
  const font = `12px ${token("--font-body", "system-ui")}`;
  return {
    width,
    height: chartHeight(width),
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      x: { time: false, range: (_u, min, max) => [min - 0.6, max + 0.6] },
      y: { range: (_u, _min, max) => [0, Math.max(max * 1.1, 1)] },
    },
    axes: [
      {
        stroke: text,
        font,
        size: 34,
        grid: { show: false },
        ticks: { stroke: grid, width: 1, size: 4 },
        // Only whole setbacks get a tick (the first repaired, the second…), a few at most.
        splits: (u) => {
          const count = u.data[0].length;
          const step = Math.max(1, Math.ceil(count / 8));
          return Array.from({ length: count }, (_, i) => i + 1).filter((n) => (n - 1) % step === 0);
        },
        values: (_u, splits) => splits.map((s) => `#${s}`),
      },
      {
        stroke: text,
        font,
        size: 44,
        gap: 4,
        grid: { stroke: grid, width: 1 },
        ticks: { show: false },
        values: (_u, splits) => splits.map((s) => `${s} h`),
      },
    ],
    series: [
      {},
      {
        label: "Hours to repair",
        stroke: bar,
        fill: soft,
        width: 2,
        ...(bars ? { paths: bars } : {}),
        points: { show: false },
      },
    ],
  };
}

/**
 * Hours each repaired setback took, oldest first, as bars drawn with uPlot. Decorative for
 * assistive technology: the trend in words and the table beside it say the same.
 */
export function RepairChart({ rows }: { rows: readonly RepairRow[] }) {
  const data = useMemo<uPlot.AlignedData>(
    () => [rows.map((row) => row.number), rows.map((row) => row.hours)],
    [rows],
  );
  const ref = usePlot(options, data, chartHeight);
  return <div ref={ref} className="setback-chart" aria-hidden="true" />;
}
