import { useMemo } from "react";
import type uPlot from "uplot";
import {
  chartFrame,
  chartHeights,
  chartStyle,
  lineSeries,
  paddedRange,
  TEN_SCALE,
  tenAxis,
  timeValues,
  UTC_DAY,
  utcDaySeconds,
  xAxis,
} from "../../../ui/chart-style.ts";
import { usePlot } from "../../../ui/use-plot.ts";
import { daysOfWeek, type TrendPoint } from "../weeks.ts";

/** A week's Monday as seconds at 00:00 UTC, so the week never shifts with the viewer's zone. */
function weekSeconds(week: string): number {
  return utcDaySeconds(daysOfWeek(week)?.monday ?? "1970-01-01");
}

const chartHeight = chartHeights(190, 230);

/**
 * The viewer's line solid with filled dots, the partner's dashed with open dots, so the two
 * differ by more than colour.
 */
function options(width: number): uPlot.Options {
  const style = chartStyle();
  return {
    ...chartFrame(width, chartHeight, { utc: true }),
    scales: { x: { time: true, range: paddedRange(86_400) }, y: TEN_SCALE },
    axes: [
      xAxis(style, {
        // A tick for each week drawn (its Monday), thinned so that the labels never crowd.
        splits: (u) => {
          const weeks = Array.from(u.data[0]);
          const step = Math.max(1, Math.ceil((weeks.length * 64) / Math.max(u.width - 40, 64)));
          return weeks.filter((_, i) => (weeks.length - 1 - i) % step === 0);
        },
        values: timeValues(UTC_DAY),
      }),
      tenAxis(style),
    ],
    series: [
      {},
      lineSeries(style, {
        label: "You",
        stroke: style.primary,
        dots: 8,
        filled: true,
        spanGaps: false,
      }),
      lineSeries(style, {
        label: "Your partner",
        stroke: style.calm,
        dots: 8,
        filled: false,
        dash: [6, 4],
        spanGaps: false,
      }),
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
