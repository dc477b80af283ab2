import { useMemo } from "react";
import type uPlot from "uplot";
import * as chart from "../../../ui/chart-style.ts";
import { usePlot } from "../../../ui/use-plot.ts";
import type { AlignedSeries } from "../promise-view.ts";

const WEEK = 7 * 86_400;

const chartHeight = chart.heights(160, 200);

function options(width: number, withPartner: boolean): uPlot.Options {
  const style = chart.style();
  const line = (label: string, stroke: string, dash?: number[]): uPlot.Series =>
    chart.line(style, { label, stroke, dots: 6, filled: false, dash, spanGaps: true });
  return {
    ...chart.frame(width, chartHeight, { utc: true }),
    scales: {
      // A single day would leave the time axis no width at all: give it a week around the day.
      x: {
        time: true,
        range: (_u, min, max) => (min === max ? [min - WEEK, max + WEEK] : [min, max]),
      },
      y: { range: [0, 1] },
    },
    axes: [
      chart.xAxis(style, { space: 56, values: chart.utcDayValues }),
      chart.yAxis(style, {
        size: 40,
        splits: () => [0, 0.25, 0.5, 0.75, 1],
        values: (_u, splits) => splits.map((s) => `${Math.round(s * 100)}%`),
      }),
    ],
    series: [
      {},
      line("From the marks", style.primary),
      ...(withPartner ? [line("From what was seen", style.calm, [6, 4])] : []),
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
    () => [
      series.days.map(chart.utcDaySeconds),
      series.self,
      ...(withPartner ? [series.partner] : []),
    ],
    [series, withPartner],
  );
  const ref = usePlot((width) => options(width, withPartner), data, chartHeight);
  return <div ref={ref} className="promises-chart" aria-hidden="true" />;
}
