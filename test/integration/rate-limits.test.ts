import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePerson, PASSWORD } from "../support/factories.ts";
import { Client, makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ MEND_AUTH_RATE_LIMIT: "3" });
});
afterAll(() => t.close());

describe("rate limits", () => {
  it("limits sign-in attempts per account, and a spoofed X-Forwarded-For does not help", async () => {
    const person = await makePerson(t.app, "Target");
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await new Client(t.app).request(
        "POST",
        "/api/auth/login",
        { email: person.email, password: "guessing wrongly" },
        { "x-forwarded-for": `203.0.113.${i}` },
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const locked = await new Client(t.app).post("/api/auth/login", {
      email: person.email,
      password: PASSWORD,
    });
    expect(locked.status).toBe(429);
    expect(locked.json()).toMatchObject({ error: { code: "rate_limited" } });
    t.clock.advance(11 * 60_000);
    const later = await new Client(t.app).post("/api/auth/login", {
      email: person.email,
      password: PASSWORD,
    });
    expect(later.status).toBe(200);
  });

  it("does not let guessing from one address lock the owner out from another", async () => {
    t.clock.advance(11 * 60_000);
    const person = await makePerson(t.app, "Owner");
    for (let i = 0; i < 4; i++) {
      await new Client(t.app, {}, "198.51.100.7").post("/api/auth/login", {
        email: person.email,
        password: "guessing wrongly",
      });
    }
    const locked = await new Client(t.app, {}, "198.51.100.7").post("/api/auth/login", {
      email: person.email,
      password: PASSWORD,
    });
    expect(locked.status).toBe(429);
    const elsewhere = await new Client(t.app, {}, "203.0.113.50").post("/api/auth/login", {
      email: person.email,
      password: PASSWORD,
    });
    expect(elsewhere.status).toBe(200);
  });

  it("limits sign-ins per address across accounts", async () => {
    t.clock.advance(11 * 60_000);
    const statuses: number[] = [];
    for (let i = 0; i < 16; i++) {
      const res = await new Client(t.app).post("/api/auth/login", {
        email: `someone${i}@example.org`,
        password: "guessing wrongly",
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 15).every((s) => s === 401)).toBe(true);
    expect(statuses[15]).toBe(429);
  });
});
