import { useMemo } from "react";
import type uPlot from "uplot";
import type { DailyPoint } from "../../../../domain/intensity.ts";
import * as chart from "../../../ui/chart-style.ts";
import { usePlot } from "../../../ui/use-plot.ts";

const chartHeight = chart.heights(180, 220);

function options(width: number): uPlot.Options {
  const style = chart.style();
  return {
    ...chart.frame(width, chartHeight, { utc: true }),
    scales: { x: { time: true }, y: chart.TEN_SCALE },
    axes: [chart.xAxis(style, { space: 56, values: chart.utcDayValues }), chart.tenAxis(style)],
    series: [
      {},
      chart.line(style, {
        label: "Intensity",
        stroke: style.primary,
        dots: 6,
        filled: false,
        spanGaps: true,
      }),
    ],
  };
}

/**
 * Daily intensity over the weeks, drawn with uPlot. The drawing is decorative for assistive
 * technology: the figure around it carries the trend in words and the numbers in a table.
 */
export function IntensityChart({ points }: { points: DailyPoint[] }) {
  const data = useMemo<uPlot.AlignedData>(
    () => [
      points.map((point) => chart.utcDaySeconds(point.day)),
      points.map((point) => point.value),
    ],
    [points],
  );
  const ref = usePlot(options, data, chartHeight);
  return <div ref={ref} className="intensity-chart" aria-hidden="true" />;
}
