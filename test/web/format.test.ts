import { describe, expect, it } from "vitest";
import {
  browserTimeZone,
  dayIn,
  formatClock,
  formatTime,
  formatTimeRange,
  formatWindow,
  formatWindowElsewhere,
  knownTimeZones,
  zonePlace,
} from "../../src/web/ui/format.ts";

/** A 45-minute window starting at an instant. */
const window = (startsAt: string) => ({
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + 45 * 60_000).toISOString(),
});

describe("dates as the viewer reads them", () => {
  it("runs in the zone the test project fixes, not the machine's", () => {
    expect(browserTimeZone()).toBe("Europe/Berlin");
  });

  it("puts a moment on the calendar day of the zone it is seen in", () => {
    const lateEvening = "2027-01-10T23:30:00.000Z";
    expect(dayIn(lateEvening, "UTC")).toBe("2027-01-10");
    expect(dayIn(lateEvening)).toBe("2027-01-11");
    expect(dayIn(lateEvening, "America/Chicago")).toBe("2027-01-10");
    expect(dayIn("2028-02-29T12:00:00.000Z")).toBe("2028-02-29");
  });

  it("says today and tomorrow by calendar days, also on the nights the clocks change", () => {
    const cases = [
      // 00:30 on the night Europe's clocks go back: now + 24 h is still the same day.
      {
        now: "2027-10-30T22:30:00.000Z",
        today: "2027-10-31T17:00:00.000Z",
        tomorrow: "2027-11-01T18:00:00.000Z",
      },
      // 00:30 on the night they go forward.
      {
        now: "2027-03-27T23:30:00.000Z",
        today: "2027-03-28T17:00:00.000Z",
        tomorrow: "2027-03-29T17:00:00.000Z",
      },
      // A leap day.
      {
        now: "2028-02-28T20:00:00.000Z",
        today: "2028-02-28T21:00:00.000Z",
        tomorrow: "2028-02-29T18:00:00.000Z",
      },
    ];
    for (const { now, today, tomorrow } of cases) {
      const t = window(today);
      const m = window(tomorrow);
      expect(formatWindow(t.startsAt, t.endsAt, new Date(now))).toBe(
        `Today, ${formatTimeRange(t.startsAt, t.endsAt)}`,
      );
      expect(formatWindow(m.startsAt, m.endsAt, new Date(now))).toBe(
        `Tomorrow, ${formatTimeRange(m.startsAt, m.endsAt)}`,
      );
    }
    // Running now: it says so, and until when.
    const running = window("2027-01-06T18:00:00.000Z");
    expect(
      formatWindow(running.startsAt, running.endsAt, new Date("2027-01-06T18:10:00.000Z")),
    ).toBe(`Now, until ${formatTime(running.endsAt)}`);
    expect(formatWindow(running.startsAt, running.endsAt, new Date(running.endsAt))).not.toMatch(
      /^Now/,
    );
    const later = window("2027-11-03T18:00:00.000Z");
    expect(
      formatWindow(later.startsAt, later.endsAt, new Date("2027-10-30T22:30:00.000Z")),
    ).not.toMatch(/^(Today|Tomorrow)/);
  });

  it("shows another zone's clocks only when they read differently", () => {
    const w = window("2027-01-06T18:00:00.000Z");
    expect(formatWindowElsewhere(w.startsAt, w.endsAt, "Europe/Paris")).toBeNull();
    expect(formatWindowElsewhere(w.startsAt, w.endsAt, "Asia/Tokyo")).toMatch(/ Tokyo time$/);
  });

  it("names zones by their place and keeps wall clocks as they are", () => {
    expect(zonePlace("America/New_York")).toBe("New York");
    expect(formatClock("19:30")).toMatch(/(19|7).30/);
    expect(formatClock("not a time")).toBe("not a time");
  });
});

describe("the zones offered", () => {
  it("go by the names places use now, each once, whatever name the browser knows them by", () => {
    const zones = knownTimeZones("Europe/Kiev", "Asia/Calcutta");
    expect(zones).toContain("Europe/Kyiv");
    expect(zones).toContain("Asia/Kolkata");
    expect(zones).not.toContain("Europe/Kiev");
    expect(zones).not.toContain("Asia/Calcutta");
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones).toContain("UTC");
  });
});
