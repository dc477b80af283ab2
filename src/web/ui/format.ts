/** Dates as people read them, in the browser's own language and time zone. */

/**
 * A formatter made on its first use: making one loads the browser's locale data, a cost no
 * screen should pay as its code loads, and one that shows no date should not pay at all.
 */
export function lazyDateFormat(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let made: Intl.DateTimeFormat | undefined;
  return () => {
    made ??= new Intl.DateTimeFormat(undefined, options);
    return made;
  };
}

const dateFormat = lazyDateFormat({ dateStyle: "long" });
const dateTimeFormat = lazyDateFormat({ dateStyle: "medium", timeStyle: "short" });

/** An ISO timestamp as a date, e.g. "3 March 2026". */
export function formatDate(timestamp: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? timestamp : dateFormat().format(date);
}

export function formatDateTime(timestamp: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? timestamp : dateTimeFormat().format(date);
}

const timeFormat = lazyDateFormat({ timeStyle: "short" });

/** The time of day of a timestamp, e.g. "19:40". */
export function formatTime(timestamp: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? timestamp : timeFormat().format(date);
}

/** A calendar day (YYYY-MM-DD) without shifting it through a time zone. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  if (!y || !m || !d) return day;
  return dateFormat().format(new Date(y, m - 1, d));
}

/** Today's calendar day in the browser's time zone, plus `days`. */
export function localDay(days = 0): string {
  const now = new Date();
  const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const mm = String(date.getMonth() + 1).padStart(2, "0");
  const dd = String(date.getDate()).padStart(2, "0");
  return `${date.getFullYear()}-${mm}-${dd}`;
}

/** The browser's own IANA time zone, e.g. "Europe/Berlin"; UTC if the browser won't say. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** A zone's place name for people: "Europe/Berlin" → "Berlin", "America/New_York" → "New York". */
export function zonePlace(timeZone: string): string {
  return (timeZone.split("/").at(-1) ?? timeZone).replaceAll("_", " ");
}

/**
 * Zones browsers still list under names the places no longer use: shown, and chosen, by their
 * current names (every zone database accepts both).
 */
const CURRENT_ZONE_NAMES: Readonly<Record<string, string>> = {
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "America/Godthab": "America/Nuuk",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
};

export function currentZoneName(timeZone: string): string {
  return CURRENT_ZONE_NAMES[timeZone] ?? timeZone;
}

/** Every IANA zone the browser knows, by current names, the given ones included, sorted. */
export function knownTimeZones(...include: string[]): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    zones = [];
  }
  return [...new Set([...zones, ...include, "UTC"].map(currentZoneName))].sort((a, b) =>
    a.localeCompare(b),
  );
}

function inZone(options: Intl.DateTimeFormatOptions, timeZone?: string) {
  return new Intl.DateTimeFormat(undefined, timeZone ? { ...options, timeZone } : options);
}

/** The calendar day a moment falls on in a zone, as YYYY-MM-DD. */
export function dayIn(timestamp: string | Date, timeZone?: string): string {
  const date = typeof timestamp === "string" ? new Date(timestamp) : timestamp;
  const parts = dayFormat(timeZone)
    .formatToParts(date)
    .reduce<Record<string, string>>((all, part) => {
      all[part.type] = part.value;
      return all;
    }, {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Making a formatter costs far more than using one; screens ask for hundreds of days at once. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? "";
  let made = dayFormats.get(key);
  if (!made) {
    // Latin digits whatever the viewer's language, so that days compare as text.
    made = new Intl.DateTimeFormat("en-US", {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      numberingSystem: "latn",
      ...(timeZone ? { timeZone } : {}),
    });
    dayFormats.set(key, made);
  }
  return made;
}

/** The calendar day after a YYYY-MM-DD day. */
function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10);
}

/** "Wednesday", in the viewer's language, for a moment seen in a zone (the browser's by default). */
export function formatWeekday(timestamp: string, timeZone?: string): string {
  return inZone({ weekday: "long" }, timeZone).format(new Date(timestamp));
}

/** "19:00–19:45" for a window, in a zone (the browser's by default); it never breaks apart. */
export function formatTimeRange(startsAt: string, endsAt: string, timeZone?: string): string {
  const format = inZone({ timeStyle: "short" }, timeZone);
  const time = (at: string) => format.format(new Date(at)).replace(/\s/g, "\u00a0");
  return `${time(startsAt)}\u2060–\u2060${time(endsAt)}`;
}

/**
 * When a window happens, as the viewer reads it: "Now, until 19:45", "Today, 19:00–19:45",
 * "Tomorrow, …" or "Wednesday 2 December, …", in the browser's zone.
 */
export function formatWindow(startsAt: string, endsAt: string, now = new Date()): string {
  // A talk already running says so, not when it began.
  if (Date.parse(startsAt) <= now.getTime() && now.getTime() < Date.parse(endsAt)) {
    return `Now, until ${formatTime(endsAt)}`;
  }
  const day = dayIn(startsAt);
  const times = formatTimeRange(startsAt, endsAt);
  const today = dayIn(now);
  if (day === today) return `Today, ${times}`;
  // The next calendar day, not now + 24 hours: on the night clocks go back those differ.
  if (day === nextDay(today)) return `Tomorrow, ${times}`;
  const date = inZone({ weekday: "long", day: "numeric", month: "long" }).format(
    new Date(startsAt),
  );
  return `${date}, ${times}`;
}

/**
 * The same window on the clocks of another zone, when that zone differs from the viewer's:
 * "Thursday 03:00–03:45 Tokyo time". Null when both read the same.
 */
export function formatWindowElsewhere(
  startsAt: string,
  endsAt: string,
  timeZone: string,
): string | null {
  const here = browserTimeZone();
  if (timeZone === here) return null;
  const there = `${formatWeekday(startsAt, timeZone)} ${formatTimeRange(startsAt, endsAt, timeZone)}`;
  const mine = `${formatWeekday(startsAt)} ${formatTimeRange(startsAt, endsAt)}`;
  if (there === mine) return null;
  return `${there} ${zonePlace(timeZone)} time`;
}

/** A wall-clock "HH:MM" as the viewer's language writes times ("19:30" or "7:30 PM"). */
export function formatClock(clock: string): string {
  const [h, m] = clock.split(":").map(Number);
  if (h === undefined || m === undefined || Number.isNaN(h) || Number.isNaN(m)) return clock;
  return inZone({ timeStyle: "short" }, "UTC")
    .format(new Date(Date.UTC(2000, 0, 1, h, m)))
    .replace(/\s/g, "\u00a0");
}
