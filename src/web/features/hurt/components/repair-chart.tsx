import { useMemo } from "react";
import type uPlot from "uplot";
import * as chart from "../../../ui/chart-style.ts";
import { lazyDateFormat } from "../../../ui/format.ts";
import { usePlot } from "../../../ui/use-plot.ts";
import { alignLines, axisUnit, type Line } from "../series.ts";

const dayLabel = lazyDateFormat({ day: "numeric", month: "short" });
const timeLabel = lazyDateFormat({ timeStyle: "short" });

/**
 * How each line is drawn: the viewer's solid with filled dots, the partner's dashed with open
 * dots, so the two differ by more than colour.
 */
const LINE_STYLES = [
  { colour: "primary", dash: undefined, filled: true },
  { colour: "calm", dash: [6, 4], filled: false },
] as const;

const chartHeight = chart.heights(190, 230);

function options(width: number, lines: readonly Line[], unit: "day" | "time"): uPlot.Options {
  const style = chart.style();
  return {
    // The answers are moments in the viewer's own day, so the axis reads their zone, not UTC.
    ...chart.frame(width, chartHeight, { utc: false }),
    scales: { x: { time: true, range: chart.paddedRange(60) }, y: chart.TEN_SCALE },
    axes: [
      chart.xAxis(style, {
        space: unit === "day" ? 56 : 64,
        values: chart.timeValues(unit === "day" ? dayLabel : timeLabel),
      }),
      chart.tenAxis(style),
    ],
    series: [
      {},
      ...lines.map((line, index) => {
        const look = LINE_STYLES[index % LINE_STYLES.length] ?? LINE_STYLES[0];
        return chart.line(style, {
          label: line.by,
          stroke: style[look.colour],
          dots: 8,
          filled: look.filled,
          dash: look.dash,
          spanGaps: true,
        });
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
