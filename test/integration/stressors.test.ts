import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCouple } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe("stressors", () => {
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
});
