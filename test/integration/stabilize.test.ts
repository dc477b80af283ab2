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

describe("parking lot", () => {
  it("keeps topics for the next talk, counts carry-overs and closes discussed ones", async () => {
    const { a, b } = await makeCouple(t.app);
    const raised = await a.client.post("/api/parking-lot", {
      topic: "  The messages from last spring ",
    });
    expect(raised.status).toBe(201);
    const { item } = raised.json<{ item: { id: string } }>();
    expect(raised.json()).toMatchObject({
      item: {
        topic: "The messages from last spring",
        status: "open",
        raisedBy: a.id,
        carriedOver: 0,
      },
    });
    await b.client.post(`/api/parking-lot/${item.id}/carry-over`);
    const twice = await a.client.post(`/api/parking-lot/${item.id}/carry-over`);
    expect(twice.json()).toMatchObject({ item: { carriedOver: 2, status: "open" } });
    const done = await b.client.post(`/api/parking-lot/${item.id}/discussed`);
    expect(done.json()).toMatchObject({ item: { status: "discussed", carriedOver: 2 } });
    expect((await a.client.post(`/api/parking-lot/${item.id}/carry-over`)).status).toBe(409);
    const list = await b.client.get("/api/parking-lot");
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it("needs a topic", async () => {
    const { a } = await makeCouple(t.app);
    const res = await a.client.post("/api/parking-lot", { topic: "   " });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: { fields: { topic: expect.any(String) } } });
  });
});

describe("pause", () => {
  it("shows both partners until when, never why, and ends by itself", async () => {
    const { a, b } = await makeCouple(t.app);
    const started = await a.client.post("/api/pauses", { minutes: 30 });
    expect(started.status).toBe(201);
    const { pause } = started.json<{ pause: { endsAt: string; startedAt: string } }>();
    expect(Date.parse(pause.endsAt) - Date.parse(pause.startedAt)).toBe(30 * MINUTE);

    const mine = (await a.client.get("/api/couple")).json<CoupleView>();
    const theirs = (await b.client.get("/api/couple")).json<CoupleView>();
    expect(mine.activePause).toEqual({ byMe: true, endsAt: pause.endsAt });
    expect(theirs.activePause).toEqual({ byMe: false, endsAt: pause.endsAt });

    t.clock.advance(31 * MINUTE);
    expect((await b.client.get("/api/couple")).json<CoupleView>().activePause).toBeNull();
  });

  it("cannot be overridden by the other partner, and its caller can set a new return time", async () => {
    const { a, b } = await makeCouple(t.app);
    await a.client.post("/api/pauses", { minutes: 20 });
    const override = await b.client.post("/api/pauses", { minutes: 20 });
    expect(override.status).toBe(409);
    expect(override.json()).toMatchObject({ error: { code: "pause_running" } });
    const longer = await a.client.post("/api/pauses", { minutes: 45 });
    const { endsAt } = longer.json<{ pause: { endsAt: string } }>().pause;
    expect((await b.client.get("/api/couple")).json<CoupleView>().activePause).toEqual({
      byMe: false,
      endsAt,
    });
  });

  it("can be ended early only by the partner who called it", async () => {
    const { a, b } = await makeCouple(t.app);
    await a.client.post("/api/pauses", { minutes: 20 });
    expect((await b.client.post("/api/pauses/current/end")).status).toBe(404);
    expect((await a.client.post("/api/pauses/current/end")).status).toBe(204);
    expect((await b.client.get("/api/couple")).json<CoupleView>().activePause).toBeNull();
  });

  it("lasts 20 to 180 whole minutes", async () => {
    const { a } = await makeCouple(t.app);
    for (const minutes of [19, 181, 20.5, "30", null]) {
      const res = await a.client.post("/api/pauses", { minutes });
      expect(res.status, String(minutes)).toBe(400);
      expect(res.json()).toMatchObject({ error: { fields: { minutes: expect.any(String) } } });
    }
    expect((await a.client.post("/api/pauses", { minutes: 180 })).status).toBe(201);
  });
});

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

describe("stressors and circle of support", () => {
  it("lets each partner list stressors with a plan, and change only their own", async () => {
    const { a, b } = await makeCouple(t.app);
    const res = await a.client.post("/api/stressors", { text: "Moving house", plan: "pause" });
    expect(res.json()).toMatchObject({
      stressor: { text: "Moving house", plan: "pause", by: a.id, mine: true },
    });
    const id = res.json<{ stressor: { id: string } }>().stressor.id;
    const seen = (await b.client.get("/api/stressors")).json<{
      stressors: Array<{ mine: boolean }>;
    }>();
    expect(seen.stressors).toMatchObject([{ text: "Moving house", mine: false }]);
    expect((await b.client.post(`/api/stressors/${id}`, { plan: "keep" })).status).toBe(404);
    expect((await a.client.post(`/api/stressors/${id}`, { plan: "reduce" })).json()).toMatchObject({
      stressor: { plan: "reduce" },
    });
    const bad = await a.client.post("/api/stressors", { text: "x", plan: "ignore" });
    expect(bad.json()).toMatchObject({ error: { fields: { plan: expect.any(String) } } });
  });

  it("lets the partner raise a concern about a confidant, then agree", async () => {
    const { a, b } = await makeCouple(t.app);
    const added = await a.client.post("/api/circle", { name: "Dana", relation: "best friend" });
    const { person } = added.json<{ person: { id: string } }>();
    expect(added.json()).toMatchObject({ person: { status: "proposed", by: a.id, concern: null } });
    const concern = await b.client.post(`/api/circle/${person.id}/concern`, {
      concern: "Dana was there when it started.",
    });
    expect(concern.json()).toMatchObject({
      person: { status: "concern", concern: "Dana was there when it started." },
    });
    expect((await a.client.post(`/api/circle/${person.id}/agree`)).status).toBe(409);
    const agreed = await b.client.post(`/api/circle/${person.id}/agree`);
    expect(agreed.json()).toMatchObject({ person: { status: "agreed", concern: null } });
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
