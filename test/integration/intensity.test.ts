import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoupleView } from "../../src/contracts/couples.ts";
import type { IntensityEntry } from "../../src/contracts/intensity.ts";
import { makeCouple } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const MINUTE = 60_000;
const DAY = 86_400_000;

describe("intensity", () => {
  it("shares by default, keeps private entries private, and marks whose is whose", async () => {
    const { a, b } = await makeCouple(t.app);
    const partnerBefore = (await b.client.get("/api/intensity")).raw;
    const coupleBefore = (await b.client.get("/api/couple")).raw;
    const secret = await a.client.post("/api/intensity", {
      value: 9,
      note: "Awful night",
      visibility: "private",
    });
    expect(secret.json()).toMatchObject({
      entry: { value: 9, note: "Awful night", visibility: "private" },
    });
    expect((await b.client.get("/api/intensity")).raw).toBe(partnerBefore);
    expect((await b.client.get("/api/couple")).raw).toBe(coupleBefore);

    t.clock.advance(MINUTE);
    await a.client.post("/api/intensity", { value: 5 });
    t.clock.advance(MINUTE);
    await b.client.post("/api/intensity", { value: 6, note: "Tired" });
    const seenByB = (await b.client.get("/api/intensity")).json<{ entries: IntensityEntry[] }>()
      .entries;
    expect(seenByB.map((e) => [e.value, e.mine])).toEqual([
      [5, false],
      [6, true],
    ]);
    expect(seenByB[0]?.visibility).toBeUndefined();
    expect(seenByB[1]).toMatchObject({ visibility: "couple", note: "Tired" });
    const seenByA = (await a.client.get("/api/intensity")).json<{ entries: IntensityEntry[] }>()
      .entries;
    expect(seenByA.map((e) => e.value)).toEqual([9, 5, 6]);
  });

  it("accepts whole numbers from 0 to 10 only", async () => {
    const { a } = await makeCouple(t.app);
    for (const value of [-1, 11, 5.5, "7"]) {
      const res = await a.client.post("/api/intensity", { value });
      expect(res.status, String(value)).toBe(400);
      expect(res.json()).toMatchObject({ error: { fields: { value: expect.any(String) } } });
    }
    expect((await a.client.post("/api/intensity", { value: 0 })).status).toBe(201);
    expect(
      (await a.client.post("/api/intensity", { value: 10, visibility: "nobody" })).status,
    ).toBe(400);
  });
});

describe("intensity days", () => {
  it("are counted in the viewer's zone when given, and a wrong zone is named", async () => {
    const { a } = await makeCouple(t.app);
    const zone = await a.client.get(
      `/api/intensity?timeZone=${encodeURIComponent("America/Chicago")}`,
    );
    expect(zone.json()).toMatchObject({ timeZone: "America/Chicago" });
    expect((await a.client.get("/api/intensity")).json()).toMatchObject({ timeZone: "UTC" });
    const bad = await a.client.get("/api/intensity?timeZone=Nowhere%2FLand");
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ error: { fields: { timeZone: expect.any(String) } } });
  });
});

describe("intensity trend in readiness", () => {
  it("is met when each shared trend is low or easing over two weeks", async () => {
    t.clock.set("2026-05-01T08:00:00.000Z");
    const { a, b } = await makeCouple(t.app);
    for (let day = 0; day < 14; day++) {
      await a.client.post("/api/intensity", { value: day < 7 ? 7 : 4 });
      await b.client.post("/api/intensity", { value: 2 });
      t.clock.advance(DAY);
    }
    const overview = (await a.client.get("/api/intensity")).json<{
      trends: Array<{ mine: boolean; status: string }>;
    }>();
    expect(overview.trends.map((x) => [x.mine, x.status]).sort()).toEqual([
      [false, "low"],
      [true, "easing"],
    ]);
    const item = (await b.client.get("/api/couple"))
      .json<CoupleView>()
      .readiness.items.find((i) => i.key === "intensity-calming");
    expect(item?.met).toBe(true);
  });
});
