import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { agreementRoutes } from "../../src/contracts/agreements.ts";
import { talkRoutes } from "../../src/contracts/talks.ts";
import { PAGE_SIZE } from "../../src/domain/pages.ts";
import { makeAgreement, makeCouple, newItemId } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe("lists that grow with a couple's history come in pages", () => {
  it("gives every open topic and the discussed ones page by page, each once, newest first", async () => {
    const { a, b } = await makeCouple(t.app);
    const discussedIds: string[] = [];
    const openIds: string[] = [];
    const settled = PAGE_SIZE * 2 + 7;
    for (let i = 0; i < settled + 4; i++) {
      const { item } = await a.client.api.call(talkRoutes.raiseTopic, {
        body: { id: newItemId(), topic: `Topic ${i}` },
      });
      if (i < settled) {
        // Two topics settled in the same instant: the id keeps them apart.
        if (i % 2 === 0) t.clock.advance(60_000);
        await b.client.api.call(talkRoutes.discussed, { params: { id: item.id } });
        discussedIds.push(item.id);
      } else openIds.push(item.id);
    }
    const first = await b.client.api.call(talkRoutes.parkingLot, { query: {} });
    const open = first.items.filter((i) => i.status === "open").map((i) => i.id);
    expect(open.sort()).toEqual(openIds.sort());
    const seen = first.items.filter((i) => i.status === "discussed");
    expect(seen).toHaveLength(PAGE_SIZE);
    let earlier = first.earlier;
    while (earlier) {
      const next = await b.client.api.call(talkRoutes.parkingLot, { query: { before: earlier } });
      expect(next.items.every((i) => i.status === "discussed")).toBe(true);
      seen.push(...next.items);
      earlier = next.earlier;
    }
    expect(seen.map((i) => i.id).sort()).toEqual([...discussedIds].sort());
    // Newest first; within one instant the database's own order of ids decides.
    const times = seen.map((i) => i.updatedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("gives the talk logs page by page, each once, and never the partner's private ones", async () => {
    // Half a year of weekly talks, signed in throughout.
    const t = await makeTestApp({ MEND_SESSION_MAX_DAYS: "365" });
    onTestFinished(() => t.close());
    t.clock.set("2026-01-05T08:00:00.000Z");
    const { a, b } = await makeCouple(t.app);
    const { talkTime } = await a.client.api.call(talkRoutes.proposeTalkTime, {
      body: { weekday: "mon", start: "10:00", minutes: 30, timeZone: "Europe/Berlin" },
    });
    await b.client.api.call(talkRoutes.acceptTalkTime, { params: { id: talkTime.id } });
    const weeks = Math.ceil((PAGE_SIZE + 5) / 2);
    const visibleToB: string[] = [];
    for (let week = 0; week < weeks; week++) {
      // Mondays at 10:00 in Berlin, across the clocks going forward in March.
      t.clock.set(new Date(Date.UTC(2026, 0, 5 + 7 * week, 12)).toISOString());
      const { toLog } = await a.client.api.call(talkRoutes.talkTimes);
      if (!toLog) throw new Error(`week ${week} has no window to log`);
      for (const [person, visibility] of [
        [a, week % 5 === 0 ? "private" : "couple"],
        [b, "couple"],
      ] as const) {
        const { log } = await person.client.api.call(talkRoutes.logTalk, {
          params: { id: talkTime.id },
          body: {
            id: newItemId(),
            windowStart: toLog.startsAt,
            went: "calm",
            intensityBefore: 4,
            intensityAfter: 3,
            note: `Week ${week}`,
            visibility,
          },
        });
        if (person === b || visibility === "couple") visibleToB.push(log.id);
      }
    }
    const first = await b.client.api.call(talkRoutes.talkLogs, { query: {} });
    expect(first.logs).toHaveLength(PAGE_SIZE);
    const seen = [...first.logs];
    let earlier = first.earlier;
    while (earlier) {
      const next = await b.client.api.call(talkRoutes.talkLogs, { query: { before: earlier } });
      seen.push(...next.logs);
      earlier = next.earlier;
    }
    expect(seen.map((l) => l.id).sort()).toEqual([...visibleToB].sort());
    const windows = seen.map((l) => l.windowStart);
    expect(windows).toEqual([...windows].sort().reverse());
    expect(new Set(windows.map((w) => w.slice(11, 16)))).toEqual(new Set(["09:00", "08:00"]));
  });

  it("gives every agreement in play and the settled ones page by page, each once", async () => {
    const { a, b } = await makeCouple(t.app);
    const open: string[] = [];
    const settled: string[] = [];
    for (let i = 0; i < PAGE_SIZE + 6; i++) {
      const { id } = await makeAgreement(a, `Agreement ${i}`);
      if (i % 2 === 0) t.clock.advance(60_000);
      if (i < 3) open.push(id);
      else if (i === 3) {
        await b.client.api.call(agreementRoutes.accept, { params: { id } });
        open.push(id);
      } else {
        const step = i % 3 === 0 ? agreementRoutes.withdraw : agreementRoutes.decline;
        await (step === agreementRoutes.withdraw ? a : b).client.api.call(step, { params: { id } });
        settled.push(id);
      }
    }
    const first = await b.client.api.call(agreementRoutes.list, { query: {} });
    const inPlay = first.agreements.filter((x) => ["proposed", "accepted"].includes(x.status));
    expect(inPlay.map((x) => x.id).sort()).toEqual([...open].sort());
    const seen = first.agreements.filter((x) => !open.includes(x.id));
    expect(seen).toHaveLength(PAGE_SIZE);
    let earlier = first.earlier;
    while (earlier) {
      const next = await b.client.api.call(agreementRoutes.list, { query: { before: earlier } });
      expect(next.agreements.every((x) => ["declined", "withdrawn"].includes(x.status))).toBe(true);
      seen.push(...next.agreements);
      earlier = next.earlier;
    }
    expect(seen.map((x) => x.id).sort()).toEqual([...settled].sort());
  });

  it("refuses a cursor it never gave out, naming it", async () => {
    const { a } = await makeCouple(t.app);
    const res = await a.client.request("GET", "/api/parking-lot?before=yesterday");
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: { fields: { before: expect.any(String) } } });
  });
});
