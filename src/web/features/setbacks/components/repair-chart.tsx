import { useMemo } from "react";
import uPlot from "uplot";
import * as chart from "../../../ui/chart-style.ts";
import { usePlot } from "../../../ui/use-plot.ts";
import type { RepairRow } from "../repair.ts";

const chartHeight = chart.heights(180, 220);

const bars = uPlot.paths.bars?.({ size: [0.6, 48] });

function options(width: number): uPlot.Options {
  const style = chart.style();
  return {
    ...chart.frame(width, chartHeight, { utc: false }),
    scales: {
      x: { time: false, range: (_u, min, max) => [min - 0.6, max + 0.6] },
      y: { range: (_u, _min, max) => [0, Math.max(max * 1.1, 1)] },
    },
    axes: [
      chart.xAxis(style, {
        // Only whole setbacks get a tick (the first repaired, the second…), a few at most.
        splits: (u) => {
          const count = u.data[0].length;
          const step = Math.max(1, Math.ceil(count / 8));
          return Array.from({ length: count }, (_, i) => i + 1).filter((n) => (n - 1) % step === 0);
        },
        values: (_u, splits) => splits.map((s) => `#${s}`),
      }),
      chart.yAxis(style, { size: 44, values: (_u, splits) => splits.map((s) => `${s} h`) }),
    ],
    series: [
      {},
      {
        label: "Hours to repair",
        stroke: style.primary,
        fill: style.primarySoft,
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
