import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkinRoutes } from "../../src/contracts/checkins.ts";
import { coupleRoutes } from "../../src/contracts/couples.ts";
import { intensityRoutes } from "../../src/contracts/intensity.ts";
import { promiseRoutes } from "../../src/contracts/promises.ts";
import { signalRoutes } from "../../src/contracts/signals.ts";
import { storyRoutes } from "../../src/contracts/story.ts";
import { talkRoutes } from "../../src/contracts/talks.ts";
import type { SignalKey } from "../../src/domain/support-signals.ts";
import { ConfigError, loadConfig } from "../../src/server/config.ts";
import { makeCouple, newItemId, type Person } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

/**
 * When to seek support through HTTP, on a moved clock: each signal raised by what the couple
 * does and cleared again, never by a word and never by the partner's private answer.
 */
const referralFile = join(mkdtempSync(join(tmpdir(), "mend-referrals-")), "referrals.json");
writeFileSync(
  referralFile,
  JSON.stringify([{ name: "Riverside Couples Practice", phone: "+49 30 1234567" }]),
);

let t: TestApp;
beforeAll(async () => {
  // Weeks pass between calls here; sessions must outlive them.
  t = await makeTestApp({
    MEND_THERAPIST_REFERRALS_FILE: referralFile,
    MEND_SESSION_IDLE_DAYS: "90",
    MEND_SESSION_MAX_DAYS: "365",
  });
});
afterAll(() => t.close());

const DAY = 86_400_000;

const signalsOf = (who: Person) => who.client.api.call(signalRoutes.list);
const keysOf = async (who: Person) => (await signalsOf(who)).signals.map((s) => s.key);
const signal = async (who: Person, key: SignalKey) =>
  (await signalsOf(who)).signals.find((s) => s.key === key);
const evidenceOf = async (who: Person, key: SignalKey) =>
  ((await signal(who, key))?.evidence ?? []).map((e) => e.what);
const answer = (
  who: Person,
  kind: "pushed-to-move-on" | "dont-know-where-to-start",
  visibility: "private" | "couple",
) => who.client.api.call(signalRoutes.answer, { body: { id: newItemId(), kind, visibility } });
const checkin = (
  who: Person,
  week: string,
  flags: { sameConcern?: boolean; pushedToMoveOn?: boolean; dontKnowWhereToStart?: boolean },
) =>
  who.client.api.call(checkinRoutes.put, {
    params: { week },
    body: {
      id: newItemId(),
      safety: 6,
      connection: 5,
      trust: 4,
      intensity: 4,
      appreciation: `${who.name}: the walk`,
      concern: `${who.name}: the evenings`,
      wish: `${who.name}: dinner`,
      ...flags,
    },
  });
const toPhase = async (a: Person, b: Person, to: "meaning" | "rebuild") => {
  await a.client.api.call(coupleRoutes.changePhase, { body: { to } });
  await b.client.api.call(coupleRoutes.changePhase, { body: { to } });
};

describe("the same argument", () => {
  it("holds for a topic carried over three times, for both, and clears once it is talked through", async () => {
    t.clock.set("2027-05-03T08:00:00.000Z");
    const { a, b } = await makeCouple(t.app);
    const { item: topic } = await a.client.api.call(talkRoutes.raiseTopic, {
      body: { id: newItemId(), topic: "Who we tell" },
    });
    for (const who of [a, b]) {
      await who.client.api.call(talkRoutes.carryOver, { params: { id: topic.id } });
    }
    expect(await keysOf(a)).toEqual([]);
    await b.client.api.call(talkRoutes.carryOver, { params: { id: topic.id } });
    for (const who of [a, b]) {
      expect((await signal(who, "same-argument"))?.evidence).toEqual([
        expect.objectContaining({ what: "topic-carried-over", count: 3 }),
      ]);
    }
    await a.client.api.call(talkRoutes.discussed, { params: { id: topic.id } });
    expect(await keysOf(a)).toEqual([]);
    expect(await keysOf(b)).toEqual([]);
  });

  it("counts the partner's 'same concern' only for weeks both checked in", async () => {
    t.clock.set("2027-05-03T08:00:00.000Z"); // Monday of 2027-W18
    const { a, b } = await makeCouple(t.app);
    const weeks = ["2027-W18", "2027-W19", "2027-W20"];
    for (const [i, week] of weeks.entries()) {
      if (i > 0) t.clock.advance(7 * DAY);
      await checkin(b, week, { sameConcern: true });
    }
    // The self's own answer counts always; theirs waits for the self's check-in beside it.
    expect(await evidenceOf(b, "same-argument")).toEqual(["same-concern-weeks"]);
    expect(await keysOf(a)).toEqual([]);
    await checkin(a, "2027-W19", {});
    await checkin(a, "2027-W20", {});
    expect(await keysOf(a)).toEqual([]);
    t.clock.advance(7 * DAY);
    await checkin(b, "2027-W21", { sameConcern: true });
    await checkin(a, "2027-W21", {});
    expect(await evidenceOf(a, "same-argument")).toEqual(["same-concern-weeks"]);
    // A week whose concern changed ends the run.
    t.clock.advance(7 * DAY);
    await checkin(a, "2027-W22", {});
    await checkin(b, "2027-W22", {});
    expect(await keysOf(a)).toEqual([]);
    expect(await keysOf(b)).toEqual([]);
  });
});

describe("pressure to move on", () => {
  it("shows one's own private answer to oneself alone: the partner's reply is byte for byte the same", async () => {
    t.clock.set("2027-06-07T08:00:00.000Z");
    const { a, b } = await makeCouple(t.app);
    const before = (await b.client.get(signalRoutes.list.path)).raw;
    const { answer: said } = await answer(a, "pushed-to-move-on", "private");
    expect(said).toMatchObject({ kind: "pushed-to-move-on", visibility: "private" });
    expect(await evidenceOf(a, "pressure-to-move-on")).toEqual(["pushed-to-move-on-mine"]);
    expect((await signalsOf(a)).myAnswers.map((x) => x.id)).toEqual([said.id]);
    const after = (await b.client.get(signalRoutes.list.path)).raw;
    expect(after).toBe(before);
    expect(after).not.toContain(said.id);
  });

  it("shows a shared answer on the partner's card, until it is taken back or four weeks pass", async () => {
    t.clock.set("2027-06-07T08:00:00.000Z");
    const { a, b } = await makeCouple(t.app);
    const { answer: shared } = await answer(a, "pushed-to-move-on", "couple");
    const theirs = await signal(b, "pressure-to-move-on");
    expect(theirs?.evidence).toEqual([
      expect.objectContaining({
        what: "pushed-to-move-on-partner",
        count: 1,
        words: "Your partner shared that they feel pushed to move on",
      }),
    ]);
    expect((await signalsOf(b)).partnerAnswers.map((x) => x.id)).toEqual([shared.id]);
    // Only its author takes it back; to the partner it is not theirs to remove.
    const refused = await b.client.request("DELETE", `/api/signals/answers/${shared.id}`);
    expect(refused.status).toBe(404);
    await a.client.api.call(signalRoutes.takeBack, { params: { id: shared.id } });
    expect(await keysOf(b)).toEqual([]);
    expect(await keysOf(a)).toEqual([]);

    await answer(a, "pushed-to-move-on", "couple");
    t.clock.advance(29 * DAY);
    expect(await keysOf(b)).toEqual([]);
  });

  it("hears 'pushed to move on' from the weekly check-in too", async () => {
    t.clock.set("2027-06-07T08:00:00.000Z");
    const { a, b } = await makeCouple(t.app);
    const { currentWeek } = await a.client.api.call(checkinRoutes.list);
    await checkin(a, currentWeek, { pushedToMoveOn: true });
    expect(await evidenceOf(a, "pressure-to-move-on")).toEqual(["pushed-to-move-on-mine"]);
    expect(await keysOf(b)).toEqual([]);
    await checkin(b, currentWeek, {});
    expect(await evidenceOf(b, "pressure-to-move-on")).toEqual(["pushed-to-move-on-partner"]);
  });
});

describe("can't agree on what happened", () => {
  it("holds for a paragraph disputed three weeks, and clears when both agree", async () => {
    t.clock.set("2027-07-05T08:00:00.000Z");
    const { a, b } = await makeCouple(t.app);
    await toPhase(a, b, "meaning");
    const { paragraph } = await a.client.api.call(storyRoutes.add, {
      body: { id: newItemId(), section: "before", text: "We had stopped talking." },
    });
    const mark = (who: Person, mark: "agree" | "disagree") =>
      who.client.api.call(storyRoutes.mark, {
        params: { id: paragraph.id },
        body: { id: newItemId(), mark, version: paragraph.version },
      });
    await mark(b, "disagree");
    t.clock.advance(20 * DAY);
    expect(await keysOf(a)).not.toContain("cant-agree");
    t.clock.advance(DAY);
    expect(await evidenceOf(a, "cant-agree")).toEqual(["paragraphs-disputed"]);
    expect((await signal(b, "cant-agree"))?.since).toBe("2027-07-05T08:00:00.000Z");
    await mark(b, "agree");
    await mark(a, "agree");
    expect(await keysOf(a)).not.toContain("cant-agree");
  });
});

describe("wanting to rebuild, not sure where to start", () => {
  it("holds two weeks into Rebuild without a promise, and clears once one is accepted", async () => {
    t.clock.set("2027-08-02T08:00:00.000Z");
    const { a, b } = await makeCouple(t.app);
    await toPhase(a, b, "meaning");
    await toPhase(a, b, "rebuild");
    t.clock.advance(13 * DAY);
    expect(await keysOf(a)).toEqual([]);
    t.clock.advance(DAY);
    expect(await evidenceOf(a, "dont-know-where-to-start")).toEqual(["no-active-promise"]);
    const { promise } = await b.client.api.call(promiseRoutes.create, {
      body: {
        id: newItemId(),
        text: "Text you when I leave work",
        noticeHow: "A message before six",
        cadence: { kind: "daily" },
        kind: "ordinary",
      },
    });
    expect(await keysOf(a)).toEqual(["dont-know-where-to-start"]);
    await a.client.api.call(promiseRoutes.accept, { params: { id: promise.id } });
    expect(await keysOf(a)).toEqual([]);

    // Said after that promise began, it holds again, for the partner only once shared.
    t.clock.advance(DAY);
    await answer(b, "dont-know-where-to-start", "private");
    expect(await keysOf(a)).toEqual([]);
    expect(await evidenceOf(b, "dont-know-where-to-start")).toEqual(["dont-know-mine"]);
    await answer(b, "dont-know-where-to-start", "couple");
    expect(await evidenceOf(a, "dont-know-where-to-start")).toEqual(["dont-know-partner"]);
  });
});

describe("no calming", () => {
  it("holds when intensity is not easing six weeks into Stabilize, and clears when it eases", async () => {
    t.clock.set("2027-09-06T08:00:00.000Z");
    const { a, b } = await makeCouple(t.app);
    const check = (value: number) =>
      a.client.api.call(intensityRoutes.record, { body: { id: newItemId(), value } });
    t.clock.advance(28 * DAY);
    for (let day = 0; day < 14; day += 2) {
      await check(6);
      t.clock.advance(2 * DAY);
    }
    // 42 days in: both see it, for the partner's steady intensity is the couple's too.
    expect(await evidenceOf(b, "no-calming")).toEqual([
      "weeks-in-stabilize",
      "intensity-not-easing",
    ]);
    expect((await signal(a, "no-calming"))?.evidence[0]?.count).toBe(6);
    for (let day = 0; day < 14; day += 2) {
      await check(1);
      t.clock.advance(2 * DAY);
    }
    expect(await keysOf(a)).toEqual([]);
    expect(await keysOf(b)).toEqual([]);
  });
});

describe("snoozing, sharing, referrals and bad input", () => {
  it("folds a signal for the one who snoozed it, until the day comes", async () => {
    t.clock.set("2027-10-04T08:00:00.000Z");
    const { a, b } = await makeCouple(t.app);
    await answer(a, "pushed-to-move-on", "couple");
    const { until } = await a.client.api.call(signalRoutes.snooze, {
      params: { key: "pressure-to-move-on" },
      body: { days: 14 },
    });
    expect(until).toBe("2027-10-18T08:00:00.000Z");
    expect((await signal(a, "pressure-to-move-on"))?.snoozedUntil).toBe(until);
    expect((await signal(b, "pressure-to-move-on"))?.snoozedUntil).toBeNull();
    t.clock.advance(15 * DAY);
    expect((await signal(a, "pressure-to-move-on"))?.snoozedUntil).toBeNull();
  });

  it("keeps one's sharing choice one's own, and lists the operator's referrals", async () => {
    t.clock.set("2027-10-04T08:00:00.000Z");
    const { a, b } = await makeCouple(t.app);
    await answer(a, "pushed-to-move-on", "private");
    await a.client.api.call(signalRoutes.share, { body: { shared: true } });
    const mine = await signalsOf(a);
    expect(mine.sharedWithTherapist).toBe(true);
    expect(mine.signals.every((s) => s.sharedWithTherapist)).toBe(true);
    expect((await signalsOf(b)).sharedWithTherapist).toBe(false);
    expect(mine.referrals).toEqual([
      { name: "Riverside Couples Practice", detail: null, url: null, phone: "+49 30 1234567" },
    ]);
  });

  it("answers a clear 400 for an unknown signal, a snooze of 5 days or an unknown answer", async () => {
    const { a } = await makeCouple(t.app);
    const bad = [
      await a.client.request("POST", "/api/signals/not-a-signal/snooze", { days: 7 }),
      await a.client.request("POST", "/api/signals/same-argument/snooze", { days: 5 }),
      await a.client.request("POST", "/api/signals/answers", {
        id: newItemId(),
        kind: "i-am-fine",
      }),
      await a.client.request("PUT", "/api/signals/sharing", { shared: "yes" }),
    ];
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400]);
    expect(bad[1]?.json()).toMatchObject({
      error: { code: "invalid_input", fields: { days: "Snooze for 7, 14 or 28 days." } },
    });
    const gone = await a.client.request("DELETE", `/api/signals/answers/${newItemId()}`);
    expect(gone.status).toBe(404);
  });

  it("refuses to start with a malformed referral file", () => {
    const broken = join(mkdtempSync(join(tmpdir(), "mend-referrals-")), "broken.json");
    writeFileSync(broken, JSON.stringify([{ detail: "no name" }]));
    expect(() => loadConfig({ MEND_THERAPIST_REFERRALS_FILE: broken })).toThrow(ConfigError);
    expect(loadConfig({}).therapistReferrals).toEqual([]);
  });
});
