import { type DailyPoint, dailySeries } from "../../../domain/intensity.ts";
import { dayIn } from "../../ui/format.ts";
import type { IntensityEntry } from "./api/intensity.ts";

const DAY_MS = 86_400_000;
/** Charts show at least two weeks, so a first few days don't look like a whole story. */
const MIN_DAYS = 14;

/** The viewer's own intensity checks of today, in the browser's zone. */
export function myIntensityChecksToday(
  entries: IntensityEntry[],
  now = new Date(),
): IntensityEntry[] {
  const today = dayIn(now);
  return entries.filter((entry) => entry.mine && dayIn(entry.at) === today);
}

/**
 * One daily series per person, over the same days for everyone so the charts line up: from the
 * first visible intensity check (at least two weeks back) to today, in the zone the trend uses.
 */
export function seriesByPerson(
  entries: IntensityEntry[],
  people: string[],
  timeZone: string,
  now = new Date(),
): Map<string, DailyPoint[]> {
  const first = entries.reduce(
    (min, entry) => Math.min(min, new Date(entry.at).getTime()),
    now.getTime() - (MIN_DAYS - 1) * DAY_MS,
  );
  const from = new Date(first);
  const series = new Map<string, DailyPoint[]>();
  for (const person of people) {
    const own = entries
      .filter((entry) => entry.by === person)
      .map((entry) => ({ value: entry.value, at: new Date(entry.at) }));
    try {
      series.set(person, dailySeries(own, timeZone, from, now));
    } catch {
      // A zone this browser doesn't know: count days in UTC instead.
      series.set(person, dailySeries(own, "UTC", from, now));
    }
  }
  return series;
}
