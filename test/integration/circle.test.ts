import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { circleRoutes } from "../../src/contracts/circle.ts";
import { STABILIZE_LIMITS } from "../../src/domain/limits.ts";
import { makeCouple, newItemId } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe("circle of support", () => {
  it("lets the partner raise a concern about a confidant, then agree", async () => {
    const { a, b } = await makeCouple(t.app);
    const id = newItemId();
    const added = await a.client.api.call(circleRoutes.add, {
      body: { id, name: "Dana", relation: "best friend" },
    });
    expect(added.person).toMatchObject({
      id,
      name: "Dana",
      relation: "best friend",
      status: "proposed",
      by: a.id,
      concern: null,
    });
    const concern = await b.client.api.call(circleRoutes.concern, {
      params: { id },
      body: { concern: "Dana was there when it started." },
    });
    expect(concern.person).toMatchObject({
      status: "concern",
      concern: "Dana was there when it started.",
    });
    const { people } = await a.client.api.call(circleRoutes.list);
    expect(people).toMatchObject([
      { id, name: "Dana", concern: "Dana was there when it started." },
    ]);
    await expect(a.client.api.call(circleRoutes.agree, { params: { id } })).rejects.toMatchObject({
      status: 409,
      code: "own_person",
    });
    const agreed = await b.client.api.call(circleRoutes.agree, { params: { id } });
    expect(agreed.person).toMatchObject({ status: "agreed", concern: null });
  });

  it("checks names before sealing, and takes no name unsealed", async () => {
    const { a } = await makeCouple(t.app);
    await expect(
      a.client.api.call(circleRoutes.add, {
        body: {
          id: newItemId(),
          name: "  ",
          relation: "y".repeat(STABILIZE_LIMITS.circleRelationMax + 1),
        },
      }),
    ).rejects.toMatchObject({
      status: 400,
      fields: { name: expect.any(String), relation: expect.any(String) },
    });
    const plaintext = await a.client.post("/api/circle", {
      id: newItemId(),
      name: "Dana",
      relation: "best friend",
    });
    expect(plaintext.status).toBe(400);
    expect(plaintext.json()).toMatchObject({
      error: { fields: { name: expect.any(String), relation: expect.any(String) } },
    });
    expect((await a.client.api.call(circleRoutes.list)).people).toEqual([]);
  });
});
