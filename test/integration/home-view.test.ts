import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { makeCouple } from "../support/factories.ts";
import { Client, makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

/** The same person's session, through another process on the same database. */
function through(app: TestApp["app"], client: Client): Client {
  const other = new Client(app);
  other.cookie = client.cookie;
  return other;
}

describe("the home view answered again while nothing changed", () => {
  it("shows a change made through another process at once", async () => {
    const other = await buildApp({
      config: t.config,
      database: t.database,
      clock: t.clock,
      logger: false,
    });
    try {
      const { a, b } = await makeCouple(t.app);
      const bElsewhere = through(other, b.client);
      const before = await bElsewhere.request("GET", "/api/couple");
      expect(before.json()).toMatchObject({ pendingPhase: null });
      const proposed = await a.client.request("POST", "/api/couple/phase", { to: "meaning" });
      expect(proposed.status).toBe(202);
      const after = await bElsewhere.request("GET", "/api/couple");
      expect(after.json()).toMatchObject({ pendingPhase: { to: "meaning", proposedBy: a.id } });
    } finally {
      await other.close();
    }
  });

  it("lets time change it: a pause that ended is gone, however recently the view was made", async () => {
    const { a, b } = await makeCouple(t.app);
    expect((await a.client.request("POST", "/api/pauses", { minutes: 20 })).status).toBe(201);
    expect((await b.client.request("GET", "/api/couple")).json()).toMatchObject({
      activePause: { byMe: false },
    });
    t.clock.advance(20 * 60_000);
    expect((await b.client.request("GET", "/api/couple")).json()).toMatchObject({
      activePause: null,
    });
  });

  it("answers a private change's other partner exactly as before it", async () => {
    const { a, b } = await makeCouple(t.app);
    const before = await b.client.request("GET", "/api/couple");
    const privately = await a.client.request("POST", "/api/couple/safe-enough", {
      safeEnough: true,
    });
    expect(privately.status).toBeLessThan(300);
    const after = await b.client.request("GET", "/api/couple");
    expect(after.raw).toBe(before.raw);
    expect(after.headers.etag).toBe(before.headers.etag);
  });

  it("answers a screen that holds the view already with a bare 304", async () => {
    const { a, b } = await makeCouple(t.app);
    const first = await b.client.request("GET", "/api/couple");
    const tag = String(first.headers.etag);
    expect(tag).toMatch(/^"[\w-]{43}"$/);
    const same = await b.client.request("GET", "/api/couple", undefined, { "if-none-match": tag });
    expect(same.status).toBe(304);
    expect(same.raw).toBe("");
    await a.client.request("POST", "/api/couple/phase", { to: "meaning" });
    const changed = await b.client.request("GET", "/api/couple", undefined, {
      "if-none-match": tag,
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(tag);
  });
});
