import { describe, expect, it } from "vitest";
import { type Actor, scopeOf } from "../../src/server/platform/access.ts";
import { ManualClock } from "../../src/server/platform/clock.ts";
import { keptViews } from "../../src/server/platform/kept-views.ts";
import type { ViewVersions } from "../../src/server/platform/view-version.ts";

const partner = (userId: string, coupleId: string) =>
  scopeOf({
    userId,
    role: "partner",
    coupleId,
    keyVersion: 1,
    sessionId: `session-${userId}`,
    secondFactor: false,
  } satisfies Actor);

/** Versions held in memory: a couple's is bumped by hand, as every write bumps it. */
function fakeVersions() {
  const versions = new Map<string, number>([
    ["c1", 1],
    ["c2", 1],
  ]);
  return {
    of: async (coupleId: string) => versions.get(coupleId),
    bump: async (coupleId: string) => {
      versions.set(coupleId, (versions.get(coupleId) ?? 0) + 1);
    },
    close: async () => {},
    gone: (coupleId: string) => versions.delete(coupleId),
  } satisfies ViewVersions & { gone(coupleId: string): boolean };
}

function counted() {
  let made = 0;
  return {
    compute: async () => ({ made: ++made }),
    made: () => made,
  };
}

describe("kept views", () => {
  const start = "2027-03-28T00:30:00Z";

  it("answers the same read again while the couple's version is unchanged", async () => {
    const versions = fakeVersions();
    const views = keptViews(versions, new ManualClock(start));
    const ida = partner("ida", "c1");
    const { compute, made } = counted();
    const first = await views.read(ida, "parking-lot", compute);
    expect(await views.read(ida, "parking-lot", compute)).toBe(first);
    expect(made()).toBe(1);

    await versions.bump("c1");
    expect(await views.read(ida, "parking-lot", compute)).toEqual({ made: 2 });
  });

  it("keeps each viewer's, each read's and each couple's apart", async () => {
    const versions = fakeVersions();
    const views = keptViews(versions, new ManualClock(start));
    const { compute, made } = counted();
    await views.read(partner("ida", "c1"), "talk-times", compute);
    await views.read(partner("jon", "c1"), "talk-times", compute);
    await views.read(partner("ida", "c1"), "parking-lot", compute);
    await views.read(partner("ana", "c2"), "talk-times", compute);
    expect(made()).toBe(4);
    await versions.bump("c2");
    await views.read(partner("ida", "c1"), "talk-times", compute);
    expect(made()).toBe(4);
  });

  it("computes anew once a few seconds have passed, or once the answer ends by itself", async () => {
    const clock = new ManualClock(start);
    const views = keptViews(fakeVersions(), clock);
    const ida = partner("ida", "c1");
    const { compute, made } = counted();
    const endsIn2s = () => Date.parse(start) + 2_000;
    await views.read(ida, "home", compute, endsIn2s);
    clock.advance(1_999);
    await views.read(ida, "home", compute, endsIn2s);
    expect(made()).toBe(1);
    clock.advance(1);
    await views.read(ida, "home", compute);
    expect(made()).toBe(2);
    clock.advance(4_999);
    await views.read(ida, "home", compute);
    expect(made()).toBe(2);
    clock.advance(1);
    await views.read(ida, "home", compute);
    expect(made()).toBe(3);
    // A clock set back (a corrected system clock) never serves what was kept "in the future".
    clock.advance(-60_000);
    await views.read(ida, "home", compute);
    expect(made()).toBe(4);
  });

  it("answers nothing for a couple that is gone", async () => {
    const versions = fakeVersions();
    const views = keptViews(versions, new ManualClock(start));
    const { compute, made } = counted();
    versions.gone("c1");
    expect(await views.read(partner("ida", "c1"), "home", compute)).toBeUndefined();
    expect(made()).toBe(0);
  });
});
