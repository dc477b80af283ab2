import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coupleRoutes } from "../../src/contracts/couples.ts";
import type { TherapyStatus } from "../../src/domain/therapy.ts";
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
    const decide = (status: TherapyStatus) =>
      a.client.api.call(coupleRoutes.therapy, { body: { status } });
    expect(await decide("set-aside")).toEqual({ status: "set-aside" });
    const view = await b.client.api.call(coupleRoutes.view);
    expect(view.therapy).toBe("set-aside");
    expect(view.readiness.items.find((i) => i.key === "therapy-decided")?.met).toBe(true);
    await expect(decide("maybe" as TherapyStatus)).rejects.toMatchObject({
      status: 400,
      fields: { status: expect.any(String) },
    });
  });
});
