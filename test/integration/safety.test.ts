import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coupleRoutes } from "../../src/contracts/couples.ts";
import { intensityRoutes } from "../../src/contracts/intensity.ts";
import { safetyRoutes } from "../../src/contracts/safety.ts";
import { evaluateSafetyCheck, SAFETY_QUESTIONS } from "../../src/domain/safety-check.ts";
import { makeCouple, makePerson, newItemId, type Person } from "../support/factories.ts";
import { Client, makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const MINUTE = 60_000;
const answersWhere = (pick: (q: (typeof SAFETY_QUESTIONS)[number]) => string) =>
  Object.fromEntries(SAFETY_QUESTIONS.map((q) => [q.key, pick(q)]));
const safeAnswers = answersWhere(
  (q) => q.options.find((o) => !o.concern && o.value !== "rather-not-say")?.value ?? "",
);
const afraidAnswers = { ...safeAnswers, "afraid-of-harm": "sometimes" };

const take = (person: Person, answers: Record<string, string>, id = newItemId()) =>
  person.client.api.call(safetyRoutes.take, { body: { id, answers } });
const storedChecks = (person: Person) =>
  t.database.db.selectFrom("safety_checks").selectAll().where("user_id", "=", person.id).execute();

describe("the private safety check", () => {
  it("stores only an envelope the author alone opens, and changes nothing the partner can see", async () => {
    expect(evaluateSafetyCheck(afraidAnswers)).toMatchObject({ ok: true, concern: true });
    const { a, b } = await makeCouple(t.app);
    const partnerViews = async () =>
      Promise.all(
        ["/api/couple", "/api/intensity", "/api/safety-checks", "/api/talk-times"].map(
          async (u) => (await b.client.get(u)).raw,
        ),
      );
    const before = await partnerViews();

    const id = newItemId();
    const taken = await take(a, afraidAnswers, id);
    expect(taken).toEqual({ check: { id, at: t.clock.now().toISOString() } });

    // Nothing but the envelope: no concern worked out, no answer readable by the operator.
    const rows = await storedChecks(a);
    expect(rows.map((row) => Object.keys(row).sort())).toEqual([
      ["answers", "at", "id", "user_id"],
    ]);
    const stored = rows[0]?.answers ?? "";
    expect(stored).toMatch(/^m1\.p\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    for (const word of ["afraid-of-harm", "sometimes", "safe-to-continue"]) {
      expect(stored).not.toContain(word);
    }
    expect((await a.client.api.call(safetyRoutes.list)).checks).toEqual([
      { id, at: taken.check.at, answers: afraidAnswers },
    ]);

    await a.client.api.call(coupleRoutes.individualMode, { body: { on: true } });
    expect((await a.client.api.call(coupleRoutes.view)).me.individualMode).toBe(true);
    expect(await partnerViews()).toEqual(before);
    expect((await b.client.api.call(safetyRoutes.list)).checks).toEqual([]);
  });

  it("lists the caller's own checks alone, newest first, each opening to what was sent", async () => {
    const { a, b } = await makeCouple(t.app);
    const first = await take(a, afraidAnswers);
    t.clock.advance(MINUTE);
    const second = await take(a, safeAnswers);
    const theirs = await take(b, safeAnswers);

    const mine = (await a.client.api.call(safetyRoutes.list)).checks;
    expect(mine.map((c) => c.id)).toEqual([second.check.id, first.check.id]);
    expect(mine.map((c) => evaluateSafetyCheck(c.answers))).toMatchObject([
      { ok: true, concern: false },
      { ok: true, concern: true },
    ]);
    expect((await b.client.api.call(safetyRoutes.list)).checks).toEqual([
      { ...theirs.check, answers: safeAnswers },
    ]);
    // The server cannot read the answers, so a check never marks anyone safe enough: they say so.
    expect((await a.client.api.call(coupleRoutes.view)).me.safeEnough).toBeNull();
  });

  it("takes answers only sealed with the author's own key, checked before sealing", async () => {
    const person = await makePerson(t.app);
    await expect(take(person, { ...safeAnswers, pressured: "x".repeat(65) })).rejects.toMatchObject(
      { status: 400, fields: { answers: expect.any(String) } },
    );

    const plaintext = await person.client.post("/api/safety-checks", {
      id: newItemId(),
      answers: safeAnswers,
    });
    expect(plaintext.status).toBe(400);
    expect(plaintext.json()).toMatchObject({ error: { fields: { answers: expect.any(String) } } });

    // An envelope under the couple's key would open for the partner too.
    const { a } = await makeCouple(t.app);
    const keyring = a.client.keyring;
    if (!keyring) throw new Error("a's keys are not open");
    const id = newItemId();
    const { note } = (await keyring.sealBody(intensityRoutes.record.body, {
      id,
      value: 3,
      note: JSON.stringify(safeAnswers),
    })) as { note: string };
    expect(note.startsWith("m1.s1.")).toBe(true);
    const shared = await a.client.post("/api/safety-checks", { id, answers: note });
    expect(shared.status).toBe(400);
    expect(shared.json()).toMatchObject({ error: { fields: { answers: expect.any(String) } } });

    for (const someone of [person, a]) expect(await storedChecks(someone)).toEqual([]);
  });

  it("lists crisis resources for anyone, signed in or not", async () => {
    const person = await makePerson(t.app);
    for (const client of [new Client(t.app), person.client]) {
      const { resources } = await client.api.call(safetyRoutes.resources);
      expect(resources[0]).toMatchObject({
        name: expect.any(String),
        contact: expect.any(String),
      });
    }
  });
});
