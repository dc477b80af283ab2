import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkinRoutes } from "../../src/contracts/checkins.ts";
import { coupleRoutes } from "../../src/contracts/couples.ts";
import { promiseRoutes } from "../../src/contracts/promises.ts";
import { milestoneRoutes, setbackRoutes } from "../../src/contracts/setbacks.ts";
import { talkRoutes } from "../../src/contracts/talks.ts";
import { addDaysToDay } from "../../src/domain/dates.ts";
import { type MarkOutcome, reliabilitySeries } from "../../src/domain/reliability.ts";
import { makeCouple, newItemId, type Person } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

/**
 * Rebuild through HTTP over eight weeks of a moved clock in Europe/Berlin, across the night the
 * clocks go forward: promises proposed and accepted, marked by the promiser and seen by the
 * partner, days off agreed ahead, the forgiving score, weekly check-ins revealed when both are
 * in, setbacks repaired by both, and the milestones that follow.
 */
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function rebuildingCouple() {
  const couple = await makeCouple(t.app);
  const { a, b } = couple;
  const talk = await a.client.api.call(talkRoutes.proposeTalkTime, {
    body: { weekday: "sun", start: "18:00", minutes: 45, timeZone: "Europe/Berlin" },
  });
  await b.client.api.call(talkRoutes.acceptTalkTime, { params: { id: talk.talkTime.id } });
  for (const to of ["meaning", "rebuild"] as const) {
    await a.client.api.call(coupleRoutes.changePhase, { body: { to } });
    await b.client.api.call(coupleRoutes.changePhase, { body: { to } });
  }
  return couple;
}

const promise = (who: Person, body: Partial<Parameters<typeof makePromise>[1]> = {}) =>
  makePromise(who, body);
async function makePromise(
  who: Person,
  body: {
    text?: string;
    noticeHow?: string;
    cadence?: { kind: "daily" } | { kind: "weekdays"; days: ("mon" | "thu")[] };
    kind?: "ordinary" | "transparency";
    area?: "finances";
    reviewOn?: string;
  },
) {
  return (
    await who.client.api.call(promiseRoutes.create, {
      body: {
        id: newItemId(),
        text: body.text ?? "Text you when I leave work",
        noticeHow: body.noticeHow ?? "A message before 18:30",
        cadence: body.cadence ?? { kind: "daily" },
        kind: body.kind ?? "ordinary",
        ...(body.area ? { area: body.area } : {}),
        ...(body.reviewOn ? { reviewOn: body.reviewOn } : {}),
      },
    })
  ).promise;
}

const mark = (who: Person, id: string, on: string, outcome: "kept" | "missed", note?: string) =>
  who.client.api.call(promiseRoutes.mark, {
    params: { id },
    body: { id: newItemId(), on, mark: outcome, ...(note ? { repairNote: note } : {}) },
  });
const see = (who: Person, id: string, on: string, view: "saw-it" | "did-not-see") =>
  who.client.api.call(promiseRoutes.view, { params: { id }, body: { on, view } });
const listOf = (who: Person) => who.client.api.call(promiseRoutes.list);
const status = async (call: Promise<unknown>) => {
  try {
    await call;
    return 200;
  } catch (error) {
    return (error as { status: number }).status;
  }
};

describe("promises", () => {
  it("are tracked only once the partner accepts them, and only the right partner moves each step", async () => {
    t.clock.set("2027-03-01T08:00:00.000Z");
    const { a, b } = await rebuildingCouple();
    const made = await promise(b);
    expect(made).toMatchObject({ status: "proposed", by: b.id, mine: true, startedOn: null });
    expect(made.reviewOn).toBe("2027-03-29");
    expect(await status(mark(b, made.id, "2027-03-01", "kept"))).toBe(409);
    expect(await status(b.client.api.call(promiseRoutes.accept, { params: { id: made.id } }))).toBe(
      409,
    );
    const accepted = await a.client.api.call(promiseRoutes.accept, { params: { id: made.id } });
    expect(accepted.promise).toMatchObject({ status: "active", startedOn: "2027-03-01" });
    expect(accepted.promise.occurrences).toEqual([
      { on: "2027-03-01", self: null, partner: null, excused: false },
    ]);
    // The partner says what they saw; they never mark the other's promise.
    expect(await status(mark(a, made.id, "2027-03-01", "kept"))).toBe(409);
    expect(await status(see(b, made.id, "2027-03-01", "saw-it"))).toBe(409);
    expect(await status(mark(b, made.id, "2027-03-02", "kept"))).toBe(400);
    expect(await status(mark(b, made.id, "2027-02-28", "kept"))).toBe(400);

    const weekdays = await promise(a, { cadence: { kind: "weekdays", days: ["mon", "thu"] } });
    await b.client.api.call(promiseRoutes.accept, { params: { id: weekdays.id } });
    t.clock.advance(DAY); // Tuesday: not a due day of a Monday-and-Thursday promise.
    expect(await status(mark(a, weekdays.id, "2027-03-02", "kept"))).toBe(400);
    await mark(a, weekdays.id, "2027-03-01", "kept");
    t.clock.advance(8 * DAY);
    expect(await status(mark(a, weekdays.id, "2027-03-01", "missed"))).toBe(400);
  });

  it("asks a transparency routine for an area and a review within 90 days", async () => {
    t.clock.set("2027-03-01T08:00:00.000Z");
    const { b } = await rebuildingCouple();
    const refused = async (body: Parameters<typeof makePromise>[1]) => {
      try {
        await makePromise(b, body);
        return null;
      } catch (error) {
        return (error as { status: number; fields?: Record<string, string> }).fields ?? {};
      }
    };
    expect(await refused({ kind: "transparency", area: "finances" })).toHaveProperty("reviewOn");
    expect(
      await refused({ kind: "transparency", area: "finances", reviewOn: "2027-06-01" }),
    ).toHaveProperty("reviewOn");
    expect(await refused({ kind: "transparency", reviewOn: "2027-05-01" })).toHaveProperty("area");
    const routine = await makePromise(b, {
      text: "Show you the bank statement on Sunday",
      noticeHow: "We look at it together",
      kind: "transparency",
      area: "finances",
      reviewOn: "2027-05-30",
    });
    expect(routine).toMatchObject({
      kind: "transparency",
      area: "finances",
      reviewOn: "2027-05-30",
    });
  });

  it("keeps eight weeks of both views side by side, across the clocks going forward, and scores them apart", async () => {
    // Monday 1 March 2027, 09:00 in Berlin; the clocks go forward on Sunday 28 March.
    const start = Date.parse("2027-03-01T08:00:00.000Z");
    t.clock.set(new Date(start));
    const { a, b } = await rebuildingCouple();
    const made = await promise(b);
    await a.client.api.call(promiseRoutes.accept, { params: { id: made.id } });

    // Days off for a trip, asked on day 10 for days 14–15 and agreed by the partner.
    const expected: MarkOutcome[] = [];
    for (let day = 0; day < 56; day += 1) {
      // 21:30 in Berlin each evening, whichever offset it has that day.
      t.clock.set(new Date(start + day * DAY + 12.5 * HOUR - (day >= 27 ? HOUR : 0)));
      const on = addDaysToDay("2027-03-01", day);
      if (day === 10) {
        const asked = await b.client.api.call(promiseRoutes.excuse, {
          params: { id: made.id },
          body: { id: newItemId(), from: "2027-03-15", to: "2027-03-16", reason: "The conference" },
        });
        expect(asked.excusal).toMatchObject({ status: "proposed", reason: "The conference" });
        expect(
          await status(
            b.client.api.call(promiseRoutes.acceptExcusal, {
              params: { id: made.id, eid: asked.excusal.id },
            }),
          ),
        ).toBe(409);
        await a.client.api.call(promiseRoutes.acceptExcusal, {
          params: { id: made.id, eid: asked.excusal.id },
        });
      }
      if (day === 14 || day === 15) {
        expected.push("excused");
        continue;
      }
      const missed = day === 20 || day === 41;
      await mark(
        b,
        made.id,
        on,
        missed ? "missed" : "kept",
        missed ? "I will text earlier" : undefined,
      );
      expected.push(missed ? "missed" : "kept");
      // The partner did not see one of the kept days: the two records differ there.
      await see(a, made.id, on, missed || day === 30 ? "did-not-see" : "saw-it");
    }
    // Past midnight in Berlin on the night after the change, still the 28th in UTC.
    t.clock.set("2027-03-28T22:30:00.000Z");
    const dst = (await listOf(b)).promises[0];
    expect(dst?.occurrences.at(-1)?.on).toBe("2027-03-29");
    expect(await listOf(b)).toMatchObject({ today: "2027-03-29", timeZone: "Europe/Berlin" });

    t.clock.set(new Date(start + 55 * DAY + 13 * HOUR));
    const { promises, reliability } = await listOf(a);
    const tracked = promises.find((p) => p.id === made.id);
    expect(tracked?.occurrences).toHaveLength(56);
    expect(tracked?.occurrences[14]).toMatchObject({ on: "2027-03-15", excused: true, self: null });
    expect(tracked?.occurrences[20]).toMatchObject({
      self: "missed",
      partner: "did-not-see",
      repairNote: "I will text earlier",
    });
    expect(tracked?.occurrences[30]).toMatchObject({ self: "kept", partner: "did-not-see" });
    const selfScores = reliabilitySeries(expected, 1);
    expect(tracked?.reliability).toBeCloseTo(selfScores.at(-1) ?? -1, 10);
    expect(tracked?.record.self.series).toHaveLength(56);
    // Never averaged: the partner's record has its own, lower score.
    const partnerScores = reliabilitySeries(
      expected.map((m, i) => (i === 30 ? "missed" : m)),
      1,
    );
    expect(tracked?.record.partner.score).toBeCloseTo(partnerScores.at(-1) ?? -1, 10);
    expect(reliability).toBeCloseTo(selfScores.at(-1) ?? -1, 10);
    expect(tracked?.record.self.words).toBe("Steady for two weeks");

    const milestones = await a.client.api.call(milestoneRoutes.list);
    expect(milestones.milestones.map((m) => m.key)).toEqual(
      expect.arrayContaining(["first-full-week", "bricks-10"]),
    );
    const ten = milestones.milestones.find((m) => m.key === "bricks-10");
    expect(ten?.seenByMe).toBe(false);
    await a.client.api.call(milestoneRoutes.seen, { params: { key: "bricks-10" } });
    const after = await a.client.api.call(milestoneRoutes.list);
    expect(after.milestones.find((m) => m.key === "bricks-10")?.seenByMe).toBe(true);
    const partners = await b.client.api.call(milestoneRoutes.list);
    expect(partners.milestones.find((m) => m.key === "bricks-10")?.seenByMe).toBe(false);
  });

  it("takes days off only ahead of time, and retires a promise when its new wording is accepted", async () => {
    t.clock.set("2027-03-01T08:00:00.000Z");
    const { a, b } = await rebuildingCouple();
    const made = await promise(b);
    await a.client.api.call(promiseRoutes.accept, { params: { id: made.id } });
    t.clock.advance(2 * DAY);
    const past = b.client.api.call(promiseRoutes.excuse, {
      params: { id: made.id },
      body: { id: newItemId(), from: "2027-03-02", to: "2027-03-04" },
    });
    expect(await status(past)).toBe(400);

    const changed = await makePromise(b, { text: "Text you when I leave the office" });
    expect(changed.status).toBe("proposed");
    const withReplace = await b.client.api.call(promiseRoutes.create, {
      body: {
        id: newItemId(),
        text: "Call you when I leave the office",
        noticeHow: "A call before 18:30",
        cadence: { kind: "daily" },
        kind: "ordinary",
        replaces: made.id,
      },
    });
    await a.client.api.call(promiseRoutes.accept, { params: { id: withReplace.promise.id } });
    const { promises } = await listOf(a);
    expect(promises.find((p) => p.id === made.id)?.status).toBe("retired");
    expect(promises.find((p) => p.id === withReplace.promise.id)).toMatchObject({
      status: "active",
      replaces: made.id,
    });
    await b.client.api.call(promiseRoutes.withdraw, { params: { id: changed.id } });
    const review = await a.client.api.call(promiseRoutes.review, {
      params: { id: withReplace.promise.id },
      body: { outcome: "keep", reviewOn: "2027-04-15" },
    });
    expect(review.promise.reviewOn).toBe("2027-04-15");
  });
});

describe("weekly check-ins", () => {
  const checkin = (who: Person, week: string, trust = 5) =>
    who.client.api.call(checkinRoutes.put, {
      params: { week },
      body: {
        id: newItemId(),
        safety: 6,
        connection: 5,
        trust,
        intensity: 4,
        appreciation: `${who.name}: the walk on Saturday`,
        concern: `${who.name}: the late evenings`,
        wish: `${who.name}: dinner together`,
      },
    });

  it("reveals the partner's answers only when both are in, then closes the week", async () => {
    // Sunday 28 March 2027, 23:30 in Berlin after the clocks went forward: still week 12 there.
    t.clock.set("2027-03-28T21:30:00.000Z");
    const { a, b } = await rebuildingCouple();
    const weeks = await a.client.api.call(checkinRoutes.list);
    expect(weeks).toMatchObject({ currentWeek: "2027-W12", previousWeek: "2027-W11" });
    expect(await status(checkin(a, "2027-W10"))).toBe(400);
    expect(await status(checkin(a, "2027-W13"))).toBe(400);

    await checkin(a, "2027-W12", 4);
    const changed = await checkin(a, "2027-W12", 5);
    expect(changed.checkin.trust).toBe(5);
    let seen = await b.client.api.call(checkinRoutes.list);
    expect(seen.weeks).toEqual([
      { week: "2027-W12", mine: null, theirs: null, partnerSubmitted: true },
    ]);
    await checkin(b, "2027-W12", 3);
    seen = await b.client.api.call(checkinRoutes.list);
    expect(seen.weeks[0]?.theirs).toMatchObject({
      trust: 5,
      appreciation: "Robin: the walk on Saturday",
    });
    expect(seen.weeks[0]?.mine).toMatchObject({ trust: 3 });
    expect(await status(checkin(a, "2027-W12", 6))).toBe(409);

    // An hour later it is Monday in Berlin: week 13 is open, week 12 is "last week".
    t.clock.advance(HOUR);
    expect((await a.client.api.call(checkinRoutes.list)).currentWeek).toBe("2027-W13");
    const day = await b.client.api.call(checkinRoutes.setDay, { body: { weekday: "sun" } });
    expect(day.day).toEqual({ weekday: "sun", setBy: b.id });
    expect((await a.client.api.call(checkinRoutes.list)).day).toEqual({
      weekday: "sun",
      setBy: b.id,
    });
  });
});

describe("setbacks", () => {
  it("are repaired once both say so, with the hours it took, and a new deception suggests stepping back", async () => {
    t.clock.set("2027-03-01T08:00:00.000Z");
    const { a, b } = await rebuildingCouple();
    const logged = await a.client.api.call(setbackRoutes.log, {
      body: { id: newItemId(), kind: "memory", text: "The song at the wedding" },
    });
    expect(logged).toMatchObject({
      suggestStepBack: false,
      setback: { kind: "memory", repairedAt: null },
    });
    await b.client.api.call(setbackRoutes.step, {
      params: { id: logged.setback.id },
      body: { id: newItemId(), text: "We talked it through on Sunday" },
    });
    t.clock.advance(30 * HOUR);
    await a.client.api.call(setbackRoutes.repaired, { params: { id: logged.setback.id } });
    expect(
      await status(
        a.client.api.call(setbackRoutes.repaired, { params: { id: logged.setback.id } }),
      ),
    ).toBe(409);
    t.clock.advance(2 * HOUR);
    const repaired = await b.client.api.call(setbackRoutes.repaired, {
      params: { id: logged.setback.id },
    });
    expect(repaired.setback).toMatchObject({
      repairedAt: "2027-03-02T16:00:00.000Z",
      timeToRepairHours: 32,
    });
    expect(repaired.setback.steps).toMatchObject([
      { text: "We talked it through on Sunday", by: b.id },
    ]);
    const list = await a.client.api.call(setbackRoutes.list);
    expect(list.timeToRepair).toEqual([{ setbackId: logged.setback.id, hours: 32 }]);
    expect(list.trend).toBe("One setback repaired, in 32 hours.");
    const milestones = await b.client.api.call(milestoneRoutes.list);
    expect(milestones.milestones.map((m) => m.key)).toContain("quick-repair");

    const deception = await b.client.api.call(setbackRoutes.log, {
      body: { id: newItemId(), kind: "new-deception", text: "I hid a message" },
    });
    expect(deception.suggestStepBack).toBe(true);
  });
});
