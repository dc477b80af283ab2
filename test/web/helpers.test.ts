import { describe, expect, it } from "vitest";
import type { Agreement } from "../../src/contracts/agreements.ts";
import { safeNext } from "../../src/web/app/safe-next.ts";
import { groupAgreements } from "../../src/web/features/agreements/group.ts";
import type { IntensityEntry } from "../../src/web/features/intensity/api/intensity.ts";
import { myIntensityChecksToday, seriesByPerson } from "../../src/web/features/intensity/series.ts";

describe("where sign-in sends a person next", () => {
  it("only ever to a path inside the app", () => {
    expect(safeNext("/talks?x=1")).toBe("/talks?x=1");
    for (const outside of ["//evil.example", "/\\evil.example", "https://evil.example", "", null]) {
      expect(safeNext(outside)).toBe("/");
    }
  });
});

const agreement = (over: Partial<Agreement>): Agreement => ({
  id: "x",
  category: "talk",
  text: "t",
  status: "proposed",
  proposedBy: "me",
  reviewOn: null,
  dueForReview: false,
  replacesId: null,
  createdAt: "2027-01-01T10:00:00.000Z",
  updatedAt: "2027-01-01T10:00:00.000Z",
  ...over,
});

describe("agreements sorted by what the viewer should do", () => {
  it("puts the partner's proposals first in line for an answer, and due reviews on top", () => {
    const groups = groupAgreements(
      [
        agreement({ id: "mine" }),
        agreement({ id: "theirs", proposedBy: "them" }),
        agreement({ id: "later", status: "accepted", reviewOn: "2027-02-01" }),
        agreement({ id: "due", status: "accepted", reviewOn: "2027-03-01", dueForReview: true }),
        agreement({ id: "old", status: "retired" }),
      ],
      "me",
    );
    expect(groups.myAnswer.map((a) => a.id)).toEqual(["theirs"]);
    expect(groups.partnerAnswer.map((a) => a.id)).toEqual(["mine"]);
    expect(groups.inPlace.map((a) => a.id)).toEqual(["due", "later"]);
    expect(groups.past.map((a) => a.id)).toEqual(["old"]);
  });
});

const entry = (at: string, over: Partial<IntensityEntry> = {}): IntensityEntry => ({
  id: at,
  value: 5,
  at,
  mine: true,
  by: "me",
  ...over,
});

describe("intensity on the viewer's calendar", () => {
  it("counts today's own checks by the browser's day, not UTC's", () => {
    const now = new Date("2027-01-10T23:30:00.000Z"); // already 11 January in Berlin
    const entries = [
      entry("2027-01-10T23:10:00.000Z"),
      entry("2027-01-10T22:50:00.000Z"),
      entry("2027-01-10T23:20:00.000Z", { mine: false, by: "them" }),
    ];
    expect(myIntensityChecksToday(entries, now).map((e) => e.at)).toEqual([
      "2027-01-10T23:10:00.000Z",
    ]);
  });

  it("gives everyone the same days, at least two weeks of them, across a DST change", () => {
    const now = new Date("2027-03-30T12:00:00.000Z");
    const series = seriesByPerson(
      [
        entry("2027-03-27T12:00:00.000Z", { value: 8 }),
        entry("2027-03-29T12:00:00.000Z", { value: 4, by: "them" }),
      ],
      ["me", "them"],
      "Europe/Berlin",
      now,
    );
    const mine = series.get("me") ?? [];
    const theirs = series.get("them") ?? [];
    expect(mine.length).toBeGreaterThanOrEqual(14);
    expect(mine.map((p) => p.day)).toEqual(theirs.map((p) => p.day));
    expect(mine.at(-1)?.day).toBe("2027-03-30");
    expect(mine.find((p) => p.day === "2027-03-27")?.value).toBe(8);
    expect(theirs.find((p) => p.day === "2027-03-29")?.value).toBe(4);
  });
});
