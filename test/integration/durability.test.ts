import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromUtf8 } from "../../src/client/crypto/encoding.ts";
import { open } from "../../src/client/crypto/envelope.ts";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import { migrateToLatest, openDatabase } from "../../src/server/platform/db.ts";
import { openSqliteFile } from "../../src/server/platform/sqlite-file.ts";
import { makeAgreement, makeCouple } from "../support/factories.ts";
import { makeTestApp, ownTables, type TestApp, testDatabaseKind } from "../support/test-app.ts";

const sqliteOnly = testDatabaseKind() === "sqlite" ? describe : describe.skip;

sqliteOnly("SQLite durability", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "mend-durable-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs in WAL mode with synchronous=FULL, a busy timeout and foreign keys on", async () => {
    const handle = await openDatabase(`sqlite:${join(dir, "pragmas.sqlite")}`);
    const pragmas = await Promise.all(
      ["journal_mode", "synchronous", "busy_timeout", "foreign_keys"].map(async (name) => {
        const { rows } = await sql
          .raw<Record<string, unknown>>(`PRAGMA ${name}`)
          .execute(handle.db);
        return Object.values(rows[0] ?? {})[0];
      }),
    );
    await handle.close();
    expect(pragmas).toEqual(["wal", 2, 5000, 1]);
  });

  it("mend backup writes a consistent copy that passes integrity_check and can be restored", async () => {
    const file = join(dir, "live.sqlite");
    const handle = await openDatabase(`sqlite:${file}`);
    await migrateToLatest(handle);
    const app = await buildApp({
      config: loadConfig({ MEND_AUTH_RATE_LIMIT: "1000", MEND_WEB_DIR: "" }),
      database: handle,
      logger: false,
    });
    const { a, coupleId } = await makeCouple(app);
    const words = "Backed-up words stay whole.";
    const agreement = await makeAgreement(a, words);
    const space = await a.client.keyring?.spaceKeys();
    const spaceKey = space?.keys.get(space.version);
    if (!space || !spaceKey) throw new Error("The couple's key is not open.");

    const copy = join(dir, "copy.sqlite");
    const cli = join(process.cwd(), "src/cli/main.ts");
    const out = execFileSync(process.execPath, ["--import", "tsx", cli, "backup", copy], {
      env: { ...process.env, DATABASE_URL: `sqlite:${file}` },
      encoding: "utf8",
    });
    expect(out).toContain("Backed up to");
    await app.close();
    await handle.close();

    const restored = openSqliteFile(copy, { readonly: true });
    expect(restored.pragma("integrity_check")).toBe("ok");
    expect(restored.rows("PRAGMA foreign_key_check")).toEqual([]);
    const rows = restored.rows("SELECT id, text FROM agreements") as Array<{
      id: string;
      text: string;
    }>;
    restored.close();
    expect(rows.map((row) => row.id)).toEqual([agreement.id]);
    const sealed = rows[0]?.text ?? "";
    expect(sealed).not.toContain(words);
    const context = `item|${coupleId}|agreement|${agreement.id}|text`;
    expect(fromUtf8(await open(spaceKey, sealed, context))).toBe(words);

    expect(() =>
      execFileSync(process.execPath, ["--import", "tsx", cli, "backup", copy], {
        env: { ...process.env, DATABASE_URL: `sqlite:${file}` },
        stdio: "pipe",
      }),
    ).toThrow(/exists already/);
  });
});

describe("migrations", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(() => t.close());

  it("are applied once and a second run changes nothing", async () => {
    expect(await migrateToLatest(t.database)).toEqual([]);
    const tables = await ownTables(t.database);
    const names = tables.map((x) => x.name);
    for (const table of [
      "users",
      "sessions",
      "couples",
      "couple_members",
      "invites",
      "agreements",
    ]) {
      expect(names).toContain(table);
    }
  });
});

describe.skipIf(testDatabaseKind() !== "postgres")("PostgreSQL connections", () => {
  it("survive being ended under Mend: the next request gets a new one", async () => {
    const t = await makeTestApp();
    try {
      const { a } = await makeCouple(t.app);
      expect((await a.client.request("GET", "/api/couple")).status).toBe(200);
      const schema = t.database.pgSchema;
      const admin = await openDatabase(
        process.env.MEND_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
      );
      try {
        const { rows } = await sql<{ ended: boolean }>`
          SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
          WHERE application_name = ${`mend:${schema}`}`.execute(admin.db);
        expect(rows.length).toBeGreaterThan(0);
      } finally {
        await admin.close();
      }
      // The ended clients' errors are heard, not thrown; a retry finds a live connection.
      let status = 0;
      for (let attempt = 0; attempt < 5 && status !== 200; attempt++) {
        status = (await a.client.request("GET", "/api/couple")).status;
      }
      expect(status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
