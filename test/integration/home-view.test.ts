import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { openDatabase } from "../../src/server/platform/db.ts";
import { makeCouple } from "../support/factories.ts";
import { Client, makeTestApp, type TestApp, testDatabaseKind } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const listenerName = () => `mend-listen:${t.database.pgSchema}`;

/** Waits until this many of the test's processes listen for PostgreSQL's announcements. */
async function listenersUp(count: number): Promise<void> {
  await soon(8_000, async () => {
    const { rows } = await sql<{ n: string }>`select count(*) as n from pg_stat_activity
      where application_name = ${listenerName()}`.execute(t.database.db);
    if (Number(rows[0]?.n) !== count) throw new Error(`${rows[0]?.n} listening, not ${count}`);
  });
}

/** What `read` gives once it stops failing (its expectations met), trying for `ms`. */
async function soon<T>(ms: number, read: () => Promise<T>): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await read();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

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
      // SQLite's other process reads the version each time; PostgreSQL's hears of the change
      // moments after it committed.
      await soon(testDatabaseKind() === "postgres" ? 2_000 : 0, async () =>
        expect((await bElsewhere.request("GET", "/api/couple")).json()).toMatchObject({
          pendingPhase: { to: "meaning", proposedBy: a.id },
        }),
      );
    } finally {
      await other.close();
    }
  });

  it.runIf(testDatabaseKind() === "sqlite")(
    "keeps the version on SQLite only while no other connection has written, and asks once one has",
    async () => {
      const path = t.database.sqlitePath;
      if (!path) throw new Error("The SQLite suite runs on a file.");
      // Another process, as far as SQLite can tell: a connection of its own to the same file.
      const elsewhere = await openDatabase(`sqlite:${path}`);
      const other = await buildApp({
        config: t.config,
        database: elsewhere,
        clock: t.clock,
        logger: false,
      });
      try {
        const { a, b } = await makeCouple(t.app);
        const aElsewhere = through(other, a.client);
        const view = async () => (await aElsewhere.request("GET", "/api/couple")).json();
        expect(await view()).toMatchObject({ pendingPhase: null });
        // The version is kept now: only the mark can tell it that the other connection wrote.
        const mark = elsewhere.changeMark?.();
        expect(elsewhere.changeMark?.()).toBe(mark);
        await b.client.request("POST", "/api/couple/phase", { to: "meaning" });
        expect(elsewhere.changeMark?.()).not.toBe(mark);
        expect(await view()).toMatchObject({ pendingPhase: { to: "meaning", proposedBy: b.id } });
      } finally {
        await other.close();
        await elsewhere.close();
      }
    },
  );

  it.runIf(testDatabaseKind() === "postgres")(
    "asks for the version while it cannot hear PostgreSQL's announcements, and trusts them again once back",
    async () => {
      const other = await buildApp({
        config: t.config,
        database: t.database,
        clock: t.clock,
        logger: false,
      });
      try {
        const { a, b } = await makeCouple(t.app);
        const bElsewhere = through(other, b.client);
        await listenersUp(2);
        const view = async () => (await bElsewhere.request("GET", "/api/couple")).json();
        expect(await view()).toMatchObject({ pendingPhase: null });

        await sql`select pg_terminate_backend(pid) from pg_stat_activity
          where application_name = ${listenerName()}`.execute(t.database.db);
        await listenersUp(0);
        // The server has let go; give the process a moment to hear its connection end.
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(await view()).toMatchObject({ pendingPhase: null });
        await a.client.request("POST", "/api/couple/phase", { to: "meaning" });
        // No announcement can reach `other` now: only asking shows the proposal.
        expect(await view()).toMatchObject({ pendingPhase: { to: "meaning" } });

        await listenersUp(2);
        const { pendingPhase } = (await view()) as { pendingPhase: { id: string } };
        const withdrawn = await a.client.request(
          "DELETE",
          `/api/couple/phase/pending?id=${pendingPhase.id}`,
        );
        expect(withdrawn.status).toBe(204);
        await soon(2_000, async () => expect(await view()).toMatchObject({ pendingPhase: null }));
      } finally {
        await other.close();
      }
    },
  );

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
