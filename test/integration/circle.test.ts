import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCouple } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe("circle of support", () => {
  it("lets the partner raise a concern about a confidant, then agree", async () => {
    const { a, b } = await makeCouple(t.app);
    const added = await a.client.post("/api/circle", { name: "Dana", relation: "best friend" });
    const { person } = added.json<{ person: { id: string } }>();
    expect(added.json()).toMatchObject({ person: { status: "proposed", by: a.id, concern: null } });
    const concern = await b.client.post(`/api/circle/${person.id}/concern`, {
      concern: "Dana was there when it started.",
    });
    expect(concern.json()).toMatchObject({
      person: { status: "concern", concern: "Dana was there when it started." },
    });
    expect((await a.client.post(`/api/circle/${person.id}/agree`)).status).toBe(409);
    const agreed = await b.client.post(`/api/circle/${person.id}/agree`);
    expect(agreed.json()).toMatchObject({ person: { status: "agreed", concern: null } });
  });
});
