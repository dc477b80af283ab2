import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../../src/client/api.ts";
import { coupleRoutes } from "../../src/contracts/couples.ts";
import type { CallInput } from "../../src/contracts/route.ts";
import { talkRoutes } from "../../src/contracts/talks.ts";
import { makeCouple, newItemId, type Person } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const MINUTE = 60_000;

type Shape = CallInput<typeof talkRoutes.proposeTalkTime>["body"];
const propose = async (person: Person, shape: Shape) =>
  (await person.client.api.call(talkRoutes.proposeTalkTime, { body: shape })).talkTime;
const accept = (person: Person, id: string) =>
  person.client.api.call(talkRoutes.acceptTalkTime, { params: { id } });
const talkTimes = (person: Person) => person.client.api.call(talkRoutes.talkTimes);

type Log = Omit<CallInput<typeof talkRoutes.logTalk>["body"], "id">;
/** Each log is a new item with its own id, so a refusal below is about the window alone. */
const logTalk = (person: Person, talkTimeId: string, log: Log) =>
  person.client.api.call(talkRoutes.logTalk, {
    params: { id: talkTimeId },
    body: { id: newItemId(), ...log },
  });

describe("talk times", () => {
  it("are proposed, accepted by the other partner, and give the next window in their zone", async () => {
    t.clock.set("2026-03-25T12:00:00.000Z");
    const { a, b } = await makeCouple(t.app);
    const talkTime = await propose(a, {
      weekday: "mon",
      start: "19:30",
      minutes: 45,
      timeZone: "Europe/Berlin",
    });
    expect(talkTime).toMatchObject({
      status: "proposed",
      proposedBy: a.id,
      weekday: "mon",
      start: "19:30",
    });
    await expect(accept(a, talkTime.id)).rejects.toMatchObject({
      status: 409,
      code: "talk_time_state",
    });
    expect((await talkTimes(a)).next).toBeNull();
    expect((await accept(b, talkTime.id)).talkTime.status).toBe("accepted");

    // Europe moves its clocks on 29 March 2026: the next Monday 19:30 in Berlin is 17:30 UTC.
    expect((await talkTimes(b)).next).toEqual({
      startsAt: "2026-03-30T17:30:00.000Z",
      endsAt: "2026-03-30T18:15:00.000Z",
      talkTimeId: talkTime.id,
    });
  });

  it("lets the other partner suggest another time instead", async () => {
    const { a, b } = await makeCouple(t.app);
    const first = await propose(a, {
      weekday: "fri",
      start: "21:00",
      minutes: 30,
      timeZone: "UTC",
    });
    const counter = await b.client.api.call(talkRoutes.counterTalkTime, {
      params: { id: first.id },
      body: { weekday: "sat", start: "10:00", minutes: 60, timeZone: "America/New_York" },
    });
    expect(counter.talkTime).toMatchObject({
      status: "proposed",
      proposedBy: b.id,
      replacesId: first.id,
    });
    const all = (await talkTimes(a)).talkTimes;
    expect(all.find((x) => x.id === first.id)?.status).toBe("countered");
    expect(all).toHaveLength(2);
  });

  it("never asks about, nor logs, a talk before it was agreed or one that was only proposed", async () => {
    t.clock.set("2026-04-08T12:00:00.000Z");
    const { a, b } = await makeCouple(t.app);
    const proposed = await propose(a, {
      weekday: "tue",
      start: "18:00",
      minutes: 30,
      timeZone: "UTC",
    });
    const log: Log = {
      windowStart: "2026-04-07T18:00:00.000Z",
      went: "calm",
      intensityBefore: 5,
      intensityAfter: 4,
    };
    await expect(logTalk(a, proposed.id, log)).rejects.toMatchObject({ status: 400 });
    await accept(b, proposed.id);
    expect((await talkTimes(a)).toLog).toBeNull();
    await expect(logTalk(a, proposed.id, log)).rejects.toMatchObject({ status: 400 });
  });

  it("names every wrong field", async () => {
    const { a } = await makeCouple(t.app);
    const wrong = { weekday: "someday", start: "25:00", minutes: 5, timeZone: "Mars/Olympus" };
    const error = await propose(a, wrong as never).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400 });
    expect(Object.keys((error as ApiError).fields).sort()).toEqual([
      "minutes",
      "start",
      "timeZone",
      "weekday",
    ]);
  });

  it("asks each partner for a one-minute log after a window, once", async () => {
    t.clock.set("2026-04-06T08:00:00.000Z");
    const { a, b } = await makeCouple(t.app);
    const talk = await propose(a, {
      weekday: "mon",
      start: "10:00",
      minutes: 30,
      timeZone: "Europe/Berlin",
    });
    await accept(b, talk.id);
    t.clock.set("2026-04-06T09:00:00.000Z");
    const { toLog } = await talkTimes(a);
    expect(toLog).toEqual({
      startsAt: "2026-04-06T08:00:00.000Z",
      endsAt: "2026-04-06T08:30:00.000Z",
      talkTimeId: talk.id,
      paused: false,
    });
    if (!toLog) throw new Error("a window to log");

    const log: Log = {
      windowStart: toLog.startsAt,
      went: "hard-but-okay",
      intensityBefore: 7,
      intensityAfter: 5,
      note: "We stopped before it got loud.",
    };
    expect((await logTalk(a, talk.id, log)).log).toMatchObject({
      went: "hard-but-okay",
      note: "We stopped before it got loud.",
      mine: true,
    });
    await expect(logTalk(a, talk.id, log)).rejects.toMatchObject({
      status: 409,
      code: "already_logged",
    });
    expect((await talkTimes(a)).toLog).toBeNull();
    expect((await talkTimes(b)).toLog).toMatchObject({ startsAt: toLog.startsAt });
    expect((await b.client.api.call(talkRoutes.talkLogs)).logs).toMatchObject([
      { by: a.id, mine: false, note: "We stopped before it got loud." },
    ]);

    await expect(
      logTalk(b, talk.id, { ...log, windowStart: "2026-04-06T08:05:00.000Z" }),
    ).rejects.toMatchObject({ status: 400, fields: { windowStart: expect.any(String) } });
    await expect(
      logTalk(b, talk.id, { ...log, windowStart: "2026-03-30T08:00:00.000Z" }),
    ).rejects.toMatchObject({ status: 400 });

    const plaintext = await b.client.post(`/api/talk-times/${talk.id}/logs`, {
      id: newItemId(),
      ...log,
    });
    expect(plaintext.status).toBe(400);
    expect(plaintext.json()).toMatchObject({ error: { fields: { note: expect.any(String) } } });
    expect((await talkTimes(b)).toLog).toMatchObject({ startsAt: toLog.startsAt });

    // A private log is marked as such to its author alone, and reaches nobody else.
    await logTalk(b, talk.id, { ...log, note: "Only for me.", visibility: "private" });
    const seenByB = (await b.client.api.call(talkRoutes.talkLogs)).logs;
    expect(seenByB.find((x) => x.mine)).toMatchObject({
      visibility: "private",
      note: "Only for me.",
    });
    expect(seenByB.find((x) => !x.mine)).not.toHaveProperty("visibility");
    const seenByA = (await a.client.api.call(talkRoutes.talkLogs)).logs;
    expect(seenByA).toHaveLength(1);
    expect(seenByA[0]).toMatchObject({ mine: true, visibility: "couple" });

    const readiness = (await b.client.api.call(coupleRoutes.view)).readiness.items;
    expect(readiness.find((i) => i.key === "talk-times")?.met).toBe(true);
  });
});

describe("parking lot", () => {
  it("keeps topics for the next talk, counts carry-overs and closes discussed ones", async () => {
    const { a, b } = await makeCouple(t.app);
    const id = newItemId();
    const raised = await a.client.api.call(talkRoutes.raiseTopic, {
      body: { id, topic: "  The messages from last spring " },
    });
    expect(raised.item).toMatchObject({
      id,
      topic: "The messages from last spring",
      status: "open",
      raisedBy: a.id,
      carriedOver: 0,
    });
    const step = (person: Person, action: "carryOver" | "discussed") =>
      person.client.api.call(talkRoutes[action], { params: { id } });
    await step(b, "carryOver");
    expect((await step(a, "carryOver")).item).toMatchObject({ carriedOver: 2, status: "open" });
    expect((await step(b, "discussed")).item).toMatchObject({
      status: "discussed",
      carriedOver: 2,
    });
    await expect(step(a, "carryOver")).rejects.toMatchObject({
      status: 409,
      code: "topic_closed",
    });
    const { items } = await b.client.api.call(talkRoutes.parkingLot);
    expect(items.map((item) => item.topic)).toEqual(["The messages from last spring"]);
  });

  it("needs a topic, and takes none unsealed", async () => {
    const { a } = await makeCouple(t.app);
    await expect(
      a.client.api.call(talkRoutes.raiseTopic, { body: { id: newItemId(), topic: "   " } }),
    ).rejects.toMatchObject({ status: 400, fields: { topic: expect.any(String) } });
    const plaintext = await a.client.post("/api/parking-lot", {
      id: newItemId(),
      topic: "The trip",
    });
    expect(plaintext.status).toBe(400);
    expect(plaintext.json()).toMatchObject({ error: { fields: { topic: expect.any(String) } } });
    expect((await a.client.api.call(talkRoutes.parkingLot)).items).toEqual([]);
  });
});

describe("the talk's agenda", () => {
  it("is one for both: either partner puts a topic on it, and it clears once settled", async () => {
    const { a, b } = await makeCouple(t.app);
    const { item } = await a.client.api.call(talkRoutes.raiseTopic, {
      body: { id: newItemId(), topic: "Sundays" },
    });
    expect(item.onAgenda).toBe(false);
    await b.client.api.call(talkRoutes.agenda, { params: { id: item.id }, body: { on: true } });
    const seenByA = (await a.client.api.call(talkRoutes.parkingLot)).items;
    expect(seenByA.find((x) => x.id === item.id)?.onAgenda).toBe(true);
    await a.client.api.call(talkRoutes.agenda, { params: { id: item.id }, body: { on: false } });
    expect((await b.client.api.call(talkRoutes.parkingLot)).items[0]?.onAgenda).toBe(false);

    await a.client.api.call(talkRoutes.agenda, { params: { id: item.id }, body: { on: true } });
    await b.client.api.call(talkRoutes.discussed, { params: { id: item.id } });
    expect((await a.client.api.call(talkRoutes.parkingLot)).items[0]).toMatchObject({
      status: "discussed",
      onAgenda: false,
    });
    await expect(
      a.client.api.call(talkRoutes.agenda, { params: { id: item.id }, body: { on: true } }),
    ).rejects.toMatchObject({ status: 409, code: "topic_closed" });
  });
});

describe("one's own topic, before it is discussed", () => {
  it("can be said again or taken back by its author alone", async () => {
    const { a, b } = await makeCouple(t.app);
    const raise = async (topic: string) =>
      (await a.client.api.call(talkRoutes.raiseTopic, { body: { id: newItemId(), topic } })).item;
    const angry = await raise("Why you ALWAYS lie");
    const edited = await a.client.api.call(talkRoutes.editTopic, {
      params: { id: angry.id },
      body: { topic: "How we tell each other hard things" },
    });
    expect(edited.item).toMatchObject({
      id: angry.id,
      topic: "How we tell each other hard things",
    });
    const seenByB = (await b.client.api.call(talkRoutes.parkingLot)).items;
    expect(seenByB.map((x) => x.topic)).toEqual(["How we tell each other hard things"]);

    // The partner can neither rewrite nor remove it: to them it is someone else's words.
    await expect(
      b.client.api.call(talkRoutes.editTopic, { params: { id: angry.id }, body: { topic: "x" } }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      b.client.api.call(talkRoutes.withdrawTopic, { params: { id: angry.id } }),
    ).rejects.toMatchObject({ status: 404 });
    // An empty rewrite is refused before anything is sent.
    await expect(
      a.client.api.call(talkRoutes.editTopic, { params: { id: angry.id }, body: { topic: " " } }),
    ).rejects.toMatchObject({ status: 400, fields: { topic: expect.any(String) } });

    const later = await raise("Something for another day");
    await a.client.api.call(talkRoutes.withdrawTopic, { params: { id: later.id } });
    expect((await b.client.api.call(talkRoutes.parkingLot)).items.map((x) => x.id)).toEqual([
      angry.id,
    ]);

    // Once talked about, it is part of what happened, and stays as it was said.
    await b.client.api.call(talkRoutes.discussed, { params: { id: angry.id } });
    await expect(
      a.client.api.call(talkRoutes.editTopic, { params: { id: angry.id }, body: { topic: "y" } }),
    ).rejects.toMatchObject({ status: 409, code: "topic_closed" });
    await expect(
      a.client.api.call(talkRoutes.withdrawTopic, { params: { id: angry.id } }),
    ).rejects.toMatchObject({ status: 409, code: "topic_closed" });
  });
});

describe("pause", () => {
  const startPause = (person: Person, minutes: number) =>
    person.client.api.call(talkRoutes.startPause, { body: { minutes } });
  const activePause = async (person: Person) =>
    (await person.client.api.call(coupleRoutes.view)).activePause;

  it("is noted on the talk it came in, when the talk is to be logged", async () => {
    t.clock.set("2026-04-13T08:00:00.000Z");
    const { a, b } = await makeCouple(t.app);
    const talk = await propose(a, {
      weekday: "mon",
      start: "10:00",
      minutes: 45,
      timeZone: "Europe/Berlin",
    });
    await accept(b, talk.id);
    t.clock.set("2026-04-13T08:10:00.000Z");
    await startPause(b, 20);
    t.clock.set("2026-04-13T09:00:00.000Z");
    expect((await talkTimes(a)).toLog).toMatchObject({
      startsAt: "2026-04-13T08:00:00.000Z",
      paused: true,
    });

    // A pause before the talk began, ended before it, is no part of it.
    const next = await makeCouple(t.app);
    const quiet = await propose(next.a, {
      weekday: "mon",
      start: "12:00",
      minutes: 30,
      timeZone: "Europe/Berlin",
    });
    await accept(next.b, quiet.id);
    await startPause(next.a, 20);
    await next.a.client.api.call(talkRoutes.endPause);
    t.clock.set("2026-04-13T11:00:00.000Z");
    expect((await talkTimes(next.a)).toLog).toMatchObject({ paused: false });
  });

  it("shows both partners until when, never why, and ends by itself", async () => {
    const { a, b } = await makeCouple(t.app);
    const { pause } = await startPause(a, 30);
    expect(Date.parse(pause.endsAt) - Date.parse(pause.startedAt)).toBe(30 * MINUTE);

    expect(await activePause(a)).toEqual({ byMe: true, endsAt: pause.endsAt });
    expect(await activePause(b)).toEqual({ byMe: false, endsAt: pause.endsAt });

    t.clock.advance(31 * MINUTE);
    expect(await activePause(b)).toBeNull();
  });

  it("cannot be overridden by the other partner, and its caller can set a new return time", async () => {
    const { a, b } = await makeCouple(t.app);
    await startPause(a, 20);
    await expect(startPause(b, 20)).rejects.toMatchObject({
      status: 409,
      code: "pause_running",
    });
    const { endsAt } = (await startPause(a, 45)).pause;
    expect(await activePause(b)).toEqual({ byMe: false, endsAt });
  });

  it("can be ended early only by the partner who called it", async () => {
    const { a, b } = await makeCouple(t.app);
    await startPause(a, 20);
    const end = (person: Person) => person.client.api.call(talkRoutes.endPause);
    await expect(end(b)).rejects.toMatchObject({ status: 404 });
    await end(a);
    expect(await activePause(b)).toBeNull();
  });

  it("lasts 20 to 180 whole minutes", async () => {
    const { a } = await makeCouple(t.app);
    for (const minutes of [19, 181, 20.5, "30", null]) {
      await expect(startPause(a, minutes as number), String(minutes)).rejects.toMatchObject({
        status: 400,
        fields: { minutes: expect.any(String) },
      });
    }
    const { pause } = await startPause(a, 180);
    expect(Date.parse(pause.endsAt) - Date.parse(pause.startedAt)).toBe(180 * MINUTE);
  });
});
