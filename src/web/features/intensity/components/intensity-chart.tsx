import { useMemo } from "react";
import type uPlot from "uplot";
import type { DailyPoint } from "../../../../domain/intensity.ts";
import {
  chartFrame,
  chartHeights,
  chartStyle,
  lineSeries,
  TEN_SCALE,
  tenAxis,
  timeValues,
  UTC_DAY,
  utcDaySeconds,
  xAxis,
} from "../../../ui/chart-style.ts";
import { usePlot } from "../../../ui/use-plot.ts";

const chartHeight = chartHeights(180, 220);

function options(width: number): uPlot.Options {
  const style = chartStyle();
  return {
    ...chartFrame(width, chartHeight, { utc: true }),
    scales: { x: { time: true }, y: TEN_SCALE },
    axes: [xAxis(style, { space: 56, values: timeValues(UTC_DAY) }), tenAxis(style)],
    series: [
      {},
      lineSeries(style, {
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
    () => [points.map((point) => utcDaySeconds(point.day)), points.map((point) => point.value)],
    [points],
  );
  const ref = usePlot(options, data, chartHeight);
  return <div ref={ref} className="intensity-chart" aria-hidden="true" />;
}
