import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stressorRoutes } from "../../src/contracts/stressors.ts";
import { makeCouple, newItemId } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe("stressors", () => {
  it("lets each partner list stressors with a plan, and change only their own", async () => {
    const { a, b } = await makeCouple(t.app);
    const id = newItemId();
    const added = await a.client.api.call(stressorRoutes.add, {
      body: { id, text: "Moving house", plan: "pause" },
    });
    expect(added.stressor).toMatchObject({
      id,
      text: "Moving house",
      plan: "pause",
      by: a.id,
      mine: true,
    });
    const seen = await b.client.api.call(stressorRoutes.list);
    expect(seen.stressors).toMatchObject([{ id, text: "Moving house", mine: false }]);
    await expect(
      b.client.api.call(stressorRoutes.setPlan, { params: { id }, body: { plan: "keep" } }),
    ).rejects.toMatchObject({ status: 404 });
    const changed = await a.client.api.call(stressorRoutes.setPlan, {
      params: { id },
      body: { plan: "reduce" },
    });
    expect(changed.stressor).toMatchObject({ plan: "reduce", text: "Moving house" });
  });

  it("names a wrong plan, and takes no stressor unsealed", async () => {
    const { a } = await makeCouple(t.app);
    await expect(
      a.client.api.call(stressorRoutes.add, {
        body: { id: newItemId(), text: "x", plan: "ignore" as never },
      }),
    ).rejects.toMatchObject({ status: 400, fields: { plan: expect.any(String) } });
    const plaintext = await a.client.post("/api/stressors", {
      id: newItemId(),
      text: "Moving house",
      plan: "pause",
    });
    expect(plaintext.status).toBe(400);
    expect(plaintext.json()).toMatchObject({ error: { fields: { text: expect.any(String) } } });
    expect((await a.client.api.call(stressorRoutes.list)).stressors).toEqual([]);
  });
});
