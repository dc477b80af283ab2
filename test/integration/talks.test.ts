import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoupleView } from "../../src/contracts/couples.ts";
import type { TalkTime } from "../../src/contracts/talks.ts";
import { makeCouple } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const MINUTE = 60_000;

describe("talk times", () => {
  it("are proposed, accepted by the other partner, and give the next window in their zone", async () => {
    t.clock.set("2026-03-25T12:00:00.000Z");
    const { a, b } = await makeCouple(t.app);
    const proposed = await a.client.post("/api/talk-times", {
      weekday: "mon",
      start: "19:30",
      minutes: 45,
      timeZone: "Europe/Berlin",
    });
    expect(proposed.status).toBe(201);
    const { talkTime } = proposed.json<{ talkTime: TalkTime }>();
    expect(talkTime).toMatchObject({
      status: "proposed",
      proposedBy: a.id,
      weekday: "mon",
      start: "19:30",
    });
    expect((await a.client.post(`/api/talk-times/${talkTime.id}/accept`)).status).toBe(409);
    expect((await a.client.get("/api/talk-times")).json()).toMatchObject({ next: null });
    expect((await b.client.post(`/api/talk-times/${talkTime.id}/accept`)).status).toBe(200);

    // Europe moves its clocks on 29 March 2026: the next Monday 19:30 in Berlin is 17:30 UTC.
    const list = (await b.client.get("/api/talk-times")).json<{
      next: { startsAt: string; endsAt: string };
    }>();
    expect(list.next).toEqual({
      startsAt: "2026-03-30T17:30:00.000Z",
      endsAt: "2026-03-30T18:15:00.000Z",
      talkTimeId: talkTime.id,
    });
  });

  it("lets the other partner suggest another time instead", async () => {
    const { a, b } = await makeCouple(t.app);
    const first = (
      await a.client.post("/api/talk-times", {
        weekday: "fri",
        start: "21:00",
        minutes: 30,
        timeZone: "UTC",
      })
    ).json<{ talkTime: TalkTime }>().talkTime;
    const counter = await b.client.post(`/api/talk-times/${first.id}/counter`, {
      weekday: "sat",
      start: "10:00",
      minutes: 60,
      timeZone: "America/New_York",
    });
    expect(counter.json()).toMatchObject({
      talkTime: { status: "proposed", proposedBy: b.id, replacesId: first.id },
    });
    const all = (await a.client.get("/api/talk-times")).json<{ talkTimes: TalkTime[] }>().talkTimes;
    expect(all.find((x) => x.id === first.id)?.status).toBe("countered");
    expect(all).toHaveLength(2);
  });

  it("never asks about, nor logs, a talk before it was agreed or one that was only proposed", async () => {
    t.clock.set("2026-04-08T12:00:00.000Z");
    const { a, b } = await makeCouple(t.app);
    const proposed = (
      await a.client.post("/api/talk-times", {
        weekday: "tue",
        start: "18:00",
        minutes: 30,
        timeZone: "UTC",
      })
    ).json<{ talkTime: TalkTime }>().talkTime;
    const log = {
      windowStart: "2026-04-07T18:00:00.000Z",
      went: "calm",
      intensityBefore: 5,
      intensityAfter: 4,
    };
    expect((await a.client.post(`/api/talk-times/${proposed.id}/logs`, log)).status).toBe(400);
    await b.client.post(`/api/talk-times/${proposed.id}/accept`);
    expect((await a.client.get("/api/talk-times")).json()).toMatchObject({ toLog: null });
    expect((await a.client.post(`/api/talk-times/${proposed.id}/logs`, log)).status).toBe(400);
  });

  it("names every wrong field", async () => {
    const { a } = await makeCouple(t.app);
    const res = await a.client.post("/api/talk-times", {
      weekday: "someday",
      start: "25:00",
      minutes: 5,
      timeZone: "Mars/Olympus",
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json<{ error: { fields: object } }>().error.fields).sort()).toEqual([
      "minutes",
      "start",
      "timeZone",
      "weekday",
    ]);
  });

  it("asks each partner for a one-minute log after a window, once", async () => {
    t.clock.set("2026-04-06T08:00:00.000Z");
    const { a, b } = await makeCouple(t.app);
    const talk = (
      await a.client.post("/api/talk-times", {
        weekday: "mon",
        start: "10:00",
        minutes: 30,
        timeZone: "Europe/Berlin",
      })
    ).json<{ talkTime: TalkTime }>().talkTime;
    await b.client.post(`/api/talk-times/${talk.id}/accept`);
    t.clock.set("2026-04-06T09:00:00.000Z");
    const { toLog } = (await a.client.get("/api/talk-times")).json<{
      toLog: { startsAt: string };
    }>();
    expect(toLog).toEqual({
      startsAt: "2026-04-06T08:00:00.000Z",
      endsAt: "2026-04-06T08:30:00.000Z",
      talkTimeId: talk.id,
    });

    const body = {
      windowStart: toLog.startsAt,
      went: "hard-but-okay",
      intensityBefore: 7,
      intensityAfter: 5,
    };
    expect((await a.client.post(`/api/talk-times/${talk.id}/logs`, body)).status).toBe(201);
    expect((await a.client.post(`/api/talk-times/${talk.id}/logs`, body)).status).toBe(409);
    expect((await a.client.get("/api/talk-times")).json()).toMatchObject({ toLog: null });
    expect((await b.client.get("/api/talk-times")).json()).toMatchObject({
      toLog: { startsAt: toLog.startsAt },
    });

    const wrongWindow = await b.client.post(`/api/talk-times/${talk.id}/logs`, {
      ...body,
      windowStart: "2026-04-06T08:05:00.000Z",
    });
    expect(wrongWindow.status).toBe(400);
    expect(wrongWindow.json()).toMatchObject({
      error: { fields: { windowStart: expect.any(String) } },
    });

    const beforeAgreed = await b.client.post(`/api/talk-times/${talk.id}/logs`, {
      ...body,
      windowStart: "2026-03-30T08:00:00.000Z",
    });
    expect(beforeAgreed.status).toBe(400);

    const readiness = (await b.client.get("/api/couple")).json<CoupleView>().readiness.items;
    expect(readiness.find((i) => i.key === "talk-times")?.met).toBe(true);
  });
});

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
