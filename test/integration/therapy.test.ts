import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoupleView } from "../../src/contracts/couples.ts";
import { makeCouple } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe("therapy decision", () => {
  it("is shared by the couple and counts for readiness", async () => {
    const { a, b } = await makeCouple(t.app);
    expect((await a.client.post("/api/couple/therapy", { status: "set-aside" })).json()).toEqual({
      status: "set-aside",
    });
    const view = (await b.client.get("/api/couple")).json<CoupleView>();
    expect(view.therapy).toBe("set-aside");
    expect(view.readiness.items.find((i) => i.key === "therapy-decided")?.met).toBe(true);
    expect((await a.client.post("/api/couple/therapy", { status: "maybe" })).status).toBe(400);
  });
});
