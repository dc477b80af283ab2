import { describe, expect, it } from "vitest";
import type { Setback } from "../../src/contracts/setbacks.ts";
import {
  hoursText,
  repairRows,
  repairStanding,
  splitSetbacks,
  stepBackNoted,
} from "../../src/web/features/setbacks/repair.ts";

const ME = "me";
const PARTNER = "them";

const setback = (over: Partial<Setback>): Setback => ({
  id: "s",
  kind: "memory",
  text: "A song on the radio.",
  at: "2026-12-01T18:00:00.000Z",
  by: ME,
  mine: true,
  steps: [],
  repairedBy: [],
  repairedAt: null,
  timeToRepairHours: null,
  ...over,
});

describe("who has said a setback feels repaired", () => {
  it("tells the viewer's word from the partner's", () => {
    const standing = repairStanding(
      setback({ repairedBy: [{ by: PARTNER, at: "2026-12-02T09:00:00.000Z" }] }),
      ME,
    );
    expect(standing).toEqual({
      mine: null,
      partner: { by: PARTNER, at: "2026-12-02T09:00:00.000Z" },
      repaired: false,
    });
  });

  it("is repaired only once the reply says so", () => {
    const both = [
      { by: ME, at: "2026-12-02T08:00:00.000Z" },
      { by: PARTNER, at: "2026-12-02T09:00:00.000Z" },
    ];
    expect(repairStanding(setback({ repairedBy: both }), ME).repaired).toBe(false);
    expect(
      repairStanding(setback({ repairedBy: both, repairedAt: "2026-12-02T09:00:00.000Z" }), ME)
        .repaired,
    ).toBe(true);
  });
});

describe("the list of setbacks", () => {
  it("puts the ones being repaired first, each part newest first", () => {
    const list = [
      setback({ id: "old-open", at: "2026-11-01T10:00:00.000Z" }),
      setback({
        id: "repaired",
        at: "2026-11-15T10:00:00.000Z",
        repairedAt: "2026-11-16T10:00:00.000Z",
      }),
      setback({ id: "new-open", at: "2026-12-01T10:00:00.000Z" }),
      setback({
        id: "old-repaired",
        at: "2026-10-01T10:00:00.000Z",
        repairedAt: "2026-10-05T10:00:00.000Z",
      }),
    ];
    const { open, repaired } = splitSetbacks(list);
    expect(open.map((s) => s.id)).toEqual(["new-open", "old-open"]);
    expect(repaired.map((s) => s.id)).toEqual(["repaired", "old-repaired"]);
  });
});

describe("the time each repair took", () => {
  it("numbers repaired setbacks in the reply's order and joins what the list says", () => {
    const a = setback({ id: "a", kind: "doubt", repairedAt: "2026-11-03T10:00:00.000Z" });
    const b = setback({ id: "b", kind: "conversation", at: "2026-11-20T10:00:00.000Z" });
    expect(
      repairRows({
        setbacks: [b, a],
        timeToRepair: [
          { setbackId: "a", hours: 40 },
          { setbackId: "gone", hours: 5 },
        ],
      }),
    ).toEqual([
      {
        setbackId: "a",
        number: 1,
        hours: 40,
        kind: "doubt",
        at: "2026-12-01T18:00:00.000Z",
        repairedAt: "2026-11-03T10:00:00.000Z",
      },
      { setbackId: "gone", number: 2, hours: 5, kind: null, at: null, repairedAt: null },
    ]);
  });

  it("shows whole hours from ten up, one decimal below, and never a bare nought", () => {
    expect(hoursText(0.01)).toBe("under 0.1");
    expect(hoursText(0.25)).toBe("0.3");
    expect(hoursText(3)).toBe("3");
    expect(hoursText(9.94)).toBe("9.9");
    expect(hoursText(49.6)).toBe("50");
  });
});

describe("the gentle note about stepping back", () => {
  it("stays with a hidden thing not yet repaired, while in Rebuild", () => {
    expect(stepBackNoted(setback({ kind: "new-deception" }), "rebuild")).toBe(true);
  });

  it("goes once it is repaired, in another phase, or for other kinds", () => {
    expect(
      stepBackNoted(
        setback({ kind: "new-deception", repairedAt: "2026-12-03T10:00:00.000Z" }),
        "rebuild",
      ),
    ).toBe(false);
    expect(stepBackNoted(setback({ kind: "new-deception" }), "stabilize")).toBe(false);
    expect(stepBackNoted(setback({ kind: "doubt" }), "rebuild")).toBe(false);
  });
});
