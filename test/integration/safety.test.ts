import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoupleView } from "../../src/contracts/couples.ts";
import { evaluateSafetyCheck, SAFETY_QUESTIONS } from "../../src/domain/safety-check.ts";
import { makeCouple, makePerson } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

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
