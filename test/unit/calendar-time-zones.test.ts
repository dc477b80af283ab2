import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { clockChanges, vtimezone } from "../../src/domain/calendar-time-zones.ts";
import { localTimeIn } from "../../src/domain/schedule.ts";

const zoneOf = (name: string, from: number, to: number) =>
  new ICAL.Timezone(
    new ICAL.Component(
      ICAL.parse(`BEGIN:VCALENDAR\r\n${vtimezone(name, from, to)}\r\nEND:VCALENDAR`),
    ).getFirstSubcomponent("vtimezone") ?? undefined,
  );

describe("VTIMEZONE", () => {
  it("finds each clock change to the minute", () => {
    expect(clockChanges("Europe/Berlin", 2026, 2026)).toEqual([
      { at: Date.parse("2026-03-29T01:00:00Z"), from: 60, to: 120 },
      { at: Date.parse("2026-10-25T01:00:00Z"), from: 120, to: 60 },
    ]);
    expect(clockChanges("Asia/Tokyo", 2026, 2030)).toEqual([]);
  });

  it("writes yearly rules for the changes that recur", () => {
    const berlin = vtimezone("Europe/Berlin", 2026, 2028);
    expect(berlin).toContain("TZID:Europe/Berlin");
    expect(berlin).toContain(
      "BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT",
    );
    expect(berlin).toContain("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
    const newYork = vtimezone("America/New_York", 2026, 2028);
    expect(newYork).toContain("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU");
    expect(newYork).toContain("RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU");
    expect(vtimezone("Asia/Kolkata", 2026, 2028)).toBe(
      "BEGIN:VTIMEZONE\r\nTZID:Asia/Kolkata\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\nEND:STANDARD\r\nEND:VTIMEZONE",
    );
  });

  it("starts the southern summer as daylight time in January", () => {
    const sydney = vtimezone("Australia/Sydney", 2026, 2028);
    expect(sydney).toMatch(/^BEGIN:VTIMEZONE\r\nTZID:Australia\/Sydney\r\nBEGIN:DAYLIGHT\r\n/);
    expect(sydney).toContain("RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU");
    expect(sydney).toContain("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU");
  });

  it("places wall-clock times as the zone data does, around every change and years past the last one", () => {
    for (const name of [
      "Europe/Berlin",
      "America/New_York",
      "Australia/Sydney",
      "America/Sao_Paulo",
    ]) {
      const zone = zoneOf(name, 2026, 2028);
      const changes = clockChanges(name, 2026, 2034);
      const instants = changes.flatMap((c) => [-150, -90, 90, 150].map((m) => c.at + m * 60_000));
      for (
        let ms = Date.parse("2026-01-01T00:00:00Z");
        ms < Date.parse("2035-01-01T00:00:00Z");
        ms += 13 * 86_400_000
      ) {
        instants.push(ms);
      }
      for (const ms of instants) {
        // From the wall clock to the instant, as a calendar app places an event: the hour
        // either side of a change is left out, where a wall-clock time can name two instants.
        const at = new Date(ms);
        const local = localTimeIn(at, name);
        const time = ICAL.Time.fromDateTimeString(`${local.dateLabel}T${local.clock}:00`);
        const wall = Date.parse(`${local.dateLabel}T${local.clock}:00Z`);
        expect({ name, at: new Date(wall - zone.utcOffset(time) * 1000).toISOString() }).toEqual({
          name,
          at: at.toISOString(),
        });
      }
    }
  });

  it("refuses a zone the runtime does not know", () => {
    expect(() => vtimezone("Mars/Olympus_Mons", 2026, 2027)).toThrow(RangeError);
  });
});
