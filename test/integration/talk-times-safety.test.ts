import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoupleView } from "../../src/contracts/couples.ts";
import type { TalkTime } from "../../src/contracts/talks.ts";
import { evaluateSafetyCheck, SAFETY_QUESTIONS } from "../../src/domain/safety-check.ts";
import { makeCouple, makePerson } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const DAY = 86_400_000;
const answersWhere = (pick: (q: (typeof SAFETY_QUESTIONS)[number]) => string) =>
  Object.fromEntries(SAFETY_QUESTIONS.map((q) => [q.key, pick(q)]));
const safeAnswers = answersWhere(
  (q) => q.options.find((o) => !o.concern && o.value !== "rather-not-say")?.value ?? "",
);
const afraidAnswers = answersWhere((q) =>
  q.key === "afraid-of-harm"
    ? (q.options.find((o) => o.concern)?.value ?? "")
    : (q.options.find((o) => !o.concern && o.value !== "rather-not-say")?.value ?? ""),
);

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

describe("the private safety check", () => {
  it("shows crisis resources on a concern and changes nothing the partner can see", async () => {
    expect(evaluateSafetyCheck(afraidAnswers)).toMatchObject({ ok: true, concern: true });
    const { a, b } = await makeCouple(t.app);
    const partnerViews = async () =>
      Promise.all(
        ["/api/couple", "/api/intensity", "/api/safety-checks", "/api/talk-times"].map(
          async (u) => (await b.client.get(u)).raw,
        ),
      );
    const before = await partnerViews();

    const res = await a.client.post("/api/safety-checks", { answers: afraidAnswers });
    expect(res.status).toBe(201);
    const body = res.json<{
      check: { concern: boolean };
      resources: unknown[];
      riskyFeatures: unknown[];
      individualMode: boolean;
    }>();
    expect(body.check.concern).toBe(true);
    expect(body.resources.length).toBeGreaterThan(0);
    expect(body.riskyFeatures.length).toBeGreaterThan(0);
    expect(body.individualMode).toBe(false);

    expect((await a.client.post("/api/couple/individual-mode", { on: true })).status).toBe(204);
    expect((await a.client.get("/api/couple")).json<CoupleView>().me.individualMode).toBe(true);
    expect(await partnerViews()).toEqual(before);
    expect((await b.client.get("/api/safety-checks")).json()).toEqual({ checks: [] });
    expect(
      (await a.client.get("/api/safety-checks")).json<{ checks: unknown[] }>().checks,
    ).toHaveLength(1);
  });

  it("without a concern, offers no resources and records feeling safe enough", async () => {
    const { a } = await makeCouple(t.app);
    const res = await a.client.post("/api/safety-checks", { answers: safeAnswers });
    expect(res.json()).toMatchObject({
      check: { concern: false },
      resources: [],
      riskyFeatures: [],
    });
    expect((await a.client.get("/api/couple")).json<CoupleView>().me.safeEnough).toBe(true);
  });

  it("needs every question answered, naming the missing ones", async () => {
    const person = await makePerson(t.app);
    const res = await person.client.post("/api/safety-checks", {
      answers: { "safe-to-continue": "yes", bogus: "x" },
    });
    expect(res.status).toBe(400);
    const fields = Object.keys(res.json<{ error: { fields: object } }>().error.fields);
    expect(fields).toContain("answers.bogus");
    expect(fields).toContain("answers.pressured");
  });

  it("lists crisis resources for anyone, signed in or not", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/safety/resources" });
    expect(res.statusCode).toBe(200);
    expect(res.json().resources[0]).toMatchObject({
      name: expect.any(String),
      contact: expect.any(String),
    });
  });
});

describe("therapy decision", () => {
  it("is shared by the couple and counts for readiness", async () => {
    const { a, b } = await makeCouple(t.app);
    expect((await a.client.post("/api/couple/therapy", { status: "set-aside" })).json()).toEqual({
      status: "set-aside",
    });
    const view = (await b.client.get("/api/couple")).json<CoupleView>();
    expect(view.therapy).toBe("set-aside");
    expect(view.readiness.items.find((i) => i.key === "therapy-decided")?.met).toBe(true);
    expect((await a.client.post("/api/couple/therapy", { status: "maybe" })).status).toBe(400);
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
