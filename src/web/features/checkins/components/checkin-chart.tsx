import { useMemo } from "react";
import type uPlot from "uplot";
import * as chart from "../../../ui/chart-style.ts";
import { usePlot } from "../../../ui/use-plot.ts";
import { daysOfWeek, type TrendPoint } from "../weeks.ts";

/** A week's Monday as seconds at 00:00 UTC, so the week never shifts with the viewer's zone. */
function weekSeconds(week: string): number {
  return chart.utcDaySeconds(daysOfWeek(week)?.monday ?? "1970-01-01");
}

const chartHeight = chart.heights(190, 230);

/**
 * The viewer's line solid with filled dots, the partner's dashed with open dots, so the two
 * differ by more than colour.
 */
function options(width: number): uPlot.Options {
  const style = chart.style();
  return {
    ...chart.frame(width, chartHeight, { utc: true }),
    scales: { x: { time: true, range: chart.paddedRange(86_400) }, y: chart.TEN_SCALE },
    axes: [
      chart.xAxis(style, {
        // A tick for each week drawn (its Monday), thinned so that the labels never crowd.
        splits: (u) => {
          const weeks = Array.from(u.data[0]);
          const step = Math.max(1, Math.ceil((weeks.length * 64) / Math.max(u.width - 40, 64)));
          return weeks.filter((_, i) => (weeks.length - 1 - i) % step === 0);
        },
        values: chart.utcDayValues,
      }),
      chart.tenAxis(style),
    ],
    series: [
      {},
      chart.line(style, {
        label: "You",
        stroke: style.primary,
        dots: 8,
        filled: true,
        spanGaps: false,
      }),
      chart.line(style, {
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
