import { type RepairPoint, repairTrend } from "../../../domain/emotions.ts";

export interface Line {
  by: string;
  mine: boolean;
  points: RepairPoint[];
}

/** The viewer's own line first, so "you" always reads first and draws in the same colour. */
export function orderLines<L extends Line>(lines: readonly L[]): L[] {
  return lines
    .filter((line) => line.points.length > 0)
    .toSorted((a, b) => Number(b.mine) - Number(a.mine));
}

export function pointCount(lines: readonly Line[]): number {
  return lines.reduce((sum, line) => sum + line.points.length, 0);
}

/**
 * uPlot's shape: one time axis (seconds) for every moment any line has an answer, and for each
 * line its answer at that moment or null where it has none (drawn across, not as a drop).
 */
export function alignLines(lines: readonly Line[]): {
  xs: number[];
  ys: Array<Array<number | null>>;
} {
  const seconds = (at: string) => Math.floor(Date.parse(at) / 1000);
  const xs = [...new Set(lines.flatMap((line) => line.points.map((p) => seconds(p.at))))].sort(
    (a, b) => a - b,
  );
  const ys = lines.map((line) => {
    const byMoment = new Map<number, number>();
    const ordered = line.points.toSorted((a, b) => Date.parse(a.at) - Date.parse(b.at));
    // Two answers in the same second: the later one stands.
    for (const point of ordered) byMoment.set(seconds(point.at), point.value);
    return xs.map((x) => byMoment.get(x) ?? null);
  });
  return { xs, ys };
}

/** Whether the answers span days or only hours, so the time axis names days or times. */
export function axisUnit(xs: readonly number[]): "day" | "time" {
  const first = xs[0];
  const last = xs.at(-1);
  if (first === undefined || last === undefined) return "day";
  return last - first < 2 * 86_400 ? "time" : "day";
}

export function latestPoint(points: readonly RepairPoint[]): RepairPoint | undefined {
  return points.toSorted((a, b) => Date.parse(a.at) - Date.parse(b.at)).at(-1);
}

/**
 * Which way the answers are moving, as a sentence; with one answer, a kind word that it is a
 * start.
 */
export function trendWords(points: readonly RepairPoint[], now: Date): string {
  // An answer just saved can carry the server's clock, a little ahead of this device's: it still
  // counts as given.
  const latest = latestPoint(points);
  const moment = latest ? Math.max(now.getTime(), Date.parse(latest.at)) : now.getTime();
  const trend = repairTrend(points, new Date(moment));
  if (trend) return `${trend.words}.`;
  if (points.length === 0) return "No answers yet.";
  return "One answer so far. A direction shows once there is a second one.";
}
