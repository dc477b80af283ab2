import { tzOffset } from "@date-fns/tz";

/**
 * The VTIMEZONE of a calendar feed: a zone's offsets and clock changes written out, so that a
 * calendar app puts "Sunday 19:30 in Berlin" at 19:30 on Berlin's clocks in summer and in winter
 * without a zone database of its own. The changes come from the runtime's zone data over the
 * years asked for; a change that recurs every year on the same rule (the last Sunday of March
 * at 02:00, the second Sunday of March) is written as a yearly rule, so an app expanding events
 * years ahead keeps following it after the last year looked at.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const DAY_CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;

/** One clock change: the instant, and the offsets from UTC (minutes) before and after it. */
export interface ClockChange {
  at: number;
  from: number;
  to: number;
}

/** Every clock change of `timeZone` from the start of `fromYear` to the end of `toYear`. */
export function clockChanges(timeZone: string, fromYear: number, toYear: number): ClockChange[] {
  const end = Date.UTC(toYear + 1, 0, 1);
  const changes: ClockChange[] = [];
  let before = Date.UTC(fromYear, 0, 1);
  let offset = offsetAt(timeZone, before);
  // Zones change their clocks at most once in a day: a daily look finds every change, and
  // halving the day it fell in finds its minute.
  for (let after = before + DAY_MS; after <= end; after += DAY_MS) {
    const next = offsetAt(timeZone, after);
    if (next !== offset)
      changes.push({ at: firstMinuteOf(timeZone, before, after, next), from: offset, to: next });
    before = after;
    offset = next;
  }
  return changes;
}

/** The VTIMEZONE component of `timeZone` for events from `fromYear` on, lines joined by CRLF. */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string {
  const key = `${timeZone} ${fromYear} ${toYear}`;
  const known = written.get(key);
  if (known !== undefined) return known;
  const text = writeVtimezone(timeZone, fromYear, toYear);
  // The zone data does not change while the process runs; a few zones and years are all a feed asks.
  if (written.size > 500) written.clear();
  written.set(key, text);
  return text;
}

const written = new Map<string, string>();

interface Onset {
  year: number;
  month: number;
  day: number;
  /** The wall-clock time of the change on the clocks before it, `HHMMSS`. */
  time: string;
  /** The ways the day can be named in a yearly rule: "-1SU" (last Sunday), "2SU" (second). */
  names: string[];
}

interface Observance {
  kind: "STANDARD" | "DAYLIGHT";
  from: number;
  to: number;
  onsets: Onset[];
  /** The rule every onset so far fits, while there is one. */
  names: string[];
}

function writeVtimezone(timeZone: string, fromYear: number, toYear: number): string {
  const changes = clockChanges(timeZone, fromYear, toYear);
  const first = offsetAt(timeZone, Date.UTC(fromYear, 0, 1));
  const firstKind = changes[0] && changes[0].to < changes[0].from ? "DAYLIGHT" : "STANDARD";
  const lines = [
    "BEGIN:VTIMEZONE",
    `TZID:${timeZone}`,
    // The offset at the start of `fromYear` stands for all time before it, as is usual: no
    // event of the feed starts earlier, and an app asking about earlier times gets an answer.
    ...component(firstKind, first, first, "19700101T000000"),
  ];
  for (const observance of observancesOf(changes)) {
    const [start, ...rest] = observance.onsets;
    if (start === undefined) continue;
    const last = rest.at(-1);
    const rule = observance.names[0];
    if (last !== undefined && last.year === toYear && rule !== undefined) {
      lines.push(
        ...component(observance.kind, observance.from, observance.to, stamp(start), [
          `RRULE:FREQ=YEARLY;BYMONTH=${start.month};BYDAY=${rule}`,
        ]),
      );
    } else {
      for (const onset of observance.onsets) {
        lines.push(...component(observance.kind, observance.from, observance.to, stamp(onset)));
      }
    }
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n");
}

/**
 * Changes grouped into observances: one for each run of years in which the same change (same
 * offsets, month and wall-clock time) falls on a day one yearly rule names.
 */
function observancesOf(changes: readonly ClockChange[]): Observance[] {
  const observances: Observance[] = [];
  for (const change of changes) {
    const onset = onsetOf(change);
    const kind = change.to > change.from ? "DAYLIGHT" : "STANDARD";
    const running = observances.find((o) => {
      const last = o.onsets.at(-1);
      return (
        last !== undefined &&
        o.kind === kind &&
        o.from === change.from &&
        o.to === change.to &&
        last.year === onset.year - 1 &&
        last.month === onset.month &&
        last.time === onset.time &&
        o.names.some((name) => onset.names.includes(name))
      );
    });
    if (running) {
      running.onsets.push(onset);
      running.names = running.names.filter((name) => onset.names.includes(name));
    } else {
      observances.push({
        kind,
        from: change.from,
        to: change.to,
        onsets: [onset],
        names: onset.names,
      });
    }
  }
  return observances;
}

function onsetOf(change: ClockChange): Onset {
  const wall = new Date(change.at + change.from * MINUTE_MS);
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth() + 1;
  const day = wall.getUTCDate();
  const code = DAY_CODES[wall.getUTCDay()] ?? "SU";
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // "Last Sunday" comes first: it is how most rules that can be read both ways are meant.
  const names = [...(day + 7 > daysInMonth ? [`-1${code}`] : []), `${Math.ceil(day / 7)}${code}`];
  const time = [wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds()].map(pad2).join("");
  return { year, month, day, time, names };
}

function component(
  kind: "STANDARD" | "DAYLIGHT",
  from: number,
  to: number,
  start: string,
  extra: readonly string[] = [],
): string[] {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${start}`,
    ...extra,
    `TZOFFSETFROM:${offsetText(from)}`,
    `TZOFFSETTO:${offsetText(to)}`,
    `END:${kind}`,
  ];
}

function stamp(onset: Onset): string {
  return `${onset.year}${pad2(onset.month)}${pad2(onset.day)}T${onset.time}`;
}

/** `+0100`, `-0430`. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const size = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(size / 60))}${pad2(size % 60)}`;
}

function offsetAt(timeZone: string, ms: number): number {
  const offset = tzOffset(timeZone, new Date(ms));
  if (Number.isNaN(offset)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return offset;
}

/** The first whole minute in (before, after] at which `timeZone` shows offset `next`. */
function firstMinuteOf(timeZone: string, before: number, after: number, next: number): number {
  let low = before;
  let high = after;
  while (high - low > MINUTE_MS) {
    const middle = low + Math.floor((high - low) / MINUTE_MS / 2) * MINUTE_MS;
    if (offsetAt(timeZone, middle) === next) high = middle;
    else low = middle;
  }
  return high;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
