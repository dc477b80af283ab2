import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementRoutes } from "../../src/contracts/agreements.ts";
import { coupleRoutes } from "../../src/contracts/couples.ts";
import { needsRoutes } from "../../src/contracts/needs.ts";
import { questionRoutes } from "../../src/contracts/questions.ts";
import { reflectionRoutes } from "../../src/contracts/reflections.ts";
import { talkRoutes } from "../../src/contracts/talks.ts";
import { makeCouple, newItemId, type Person } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

/**
 * "Needs you", worked out on the server: each partner is told what waits for them, never what
 * waits for the other, and never anything the partner keeps private.
 */
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const needsOf = async (who: Person) =>
  (await who.client.api.call(needsRoutes.list)).needs.map(({ kind, count }) => `${kind} ${count}`);

describe("needs you", () => {
  it("lists the partner's proposals and questions for the one who answers them, most pressing first", async () => {
    const { a, b } = await makeCouple(t.app);
    expect(await needsOf(b)).toEqual([]);

    const { agreement } = await a.client.api.call(agreementRoutes.propose, {
      body: { id: newItemId(), category: "technology", text: "Phones stay in the kitchen." },
    });
    await a.client.api.call(talkRoutes.proposeTalkTime, {
      body: { weekday: "sun", start: "18:00", minutes: 45, timeZone: "Europe/Berlin" },
    });
    const asked = async () =>
      (
        await a.client.api.call(questionRoutes.ask, {
          body: { id: newItemId(), text: "When did it start?" },
        })
      ).question;
    const first = await asked();
    await asked();
    await a.client.api.call(coupleRoutes.changePhase, { body: { to: "meaning" } });

    expect(await needsOf(b)).toEqual([
      "phase-answer 1",
      "agreement-answer 1",
      "talk-time-answer 1",
      "question-answer 2",
    ]);
    // What the proposer is waiting for does not wait for them.
    expect(await needsOf(a)).toEqual([]);
    const phase = (await b.client.api.call(needsRoutes.list)).needs[0];
    expect(phase?.href).toBe("/#pending-phase");

    await b.client.api.call(agreementRoutes.accept, { params: { id: agreement.id } });
    await b.client.api.call(questionRoutes.answer, {
      params: { id: first.id },
      body: { id: newItemId(), text: "In the spring." },
    });
    expect(await needsOf(b)).toEqual(["phase-answer 1", "talk-time-answer 1", "question-answer 1"]);
  });

  it("says nothing of what a partner keeps private until they share it", async () => {
    const { a, b } = await makeCouple(t.app);
    const before = (await b.client.request("GET", "/api/needs-you")).raw;
    const id = newItemId();
    const write = (visibility: "private" | "couple") =>
      a.client.api.call(reflectionRoutes.write, {
        params: { id },
        body: { promptKey: "unspoken-alone", body: "On Sundays, mostly.", visibility },
      });
    await write("private");
    expect((await b.client.request("GET", "/api/needs-you")).raw).toBe(before);
    await write("couple");
    expect(await needsOf(b)).toEqual(["reflection-pair 1"]);
    expect(await needsOf(a)).toEqual([]);
  });
});
