import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, InjectOptions } from "fastify";
import { sql } from "kysely";
import { type Api, createApi } from "../../src/client/api.ts";
import { cookieHeader, keepCookie } from "../../src/client/cookie-jar.ts";
import type { Keyring } from "../../src/client/sealing.ts";
import { buildApp } from "../../src/server/app.ts";
import { type Config, loadConfig } from "../../src/server/config.ts";
import { injectTransport } from "../../src/server/inject-transport.ts";
import { ManualClock } from "../../src/server/platform/clock.ts";
import {
  type DatabaseHandle,
  migrateToLatest,
  openDatabase,
} from "../../src/server/platform/db.ts";

/**
 * The "today" every integration test starts on. CI runs the suite under several (a Sunday, the
 * day before a DST change, 29 February) through MEND_TEST_TODAY, so no test may lean on one.
 */
export const TEST_START = process.env.MEND_TEST_TODAY ?? "2026-03-02T09:00:00.000Z";

export interface TestApp {
  app: FastifyInstance;
  clock: ManualClock;
  database: DatabaseHandle;
  config: Config;
  close(): Promise<void>;
}

/** Which database the integration suite runs on: SQLite by default, PostgreSQL on request. */
export function testDatabaseKind(): "sqlite" | "postgres" {
  return process.env.MEND_TEST_DB === "postgres" ? "postgres" : "sqlite";
}

/**
 * Kysely's migrator looks at every schema of the database to find its own table, and PostgreSQL
 * fails that look when another test file drops its schema at the same moment ("schema … does
 * not exist", or "relation other_schema.table does not exist" when the drop lands between
 * reading a table and asking for its sequences): the other file's, not ours. Looking again then
 * finds what it should.
 */
async function migrateAmidOthers(database: DatabaseHandle, schema: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(database);
      return;
    } catch (error) {
      const missing = /^(?:schema|relation) "([^"]*)" does not exist$/.exec(
        (error as Error).message,
      );
      const someoneElses = missing?.[1] !== undefined && !missing[1].startsWith(schema);
      if (!someoneElses || attempt === 5) throw error;
    }
  }
}

/** Opens a fresh, migrated database: a new SQLite file, or a new PostgreSQL schema. */
export async function openTestDatabase(): Promise<{
  database: DatabaseHandle;
  drop(): Promise<void>;
}> {
  if (testDatabaseKind() === "postgres") {
    const url = process.env.MEND_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
    const schema = `mend_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const database = await openDatabase(url, { pgSchema: schema });
    await migrateAmidOthers(database, schema);
    return {
      database,
      async drop() {
        await database.close();
        const admin = await openDatabase(url);
        await admin.db.schema.dropSchema(schema).ifExists().cascade().execute();
        await admin.close();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "mend-test-"));
  const database = await openDatabase(`sqlite:${join(dir, "mend.sqlite")}`);
  await migrateToLatest(database);
  return {
    database,
    async drop() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Boots the real app on a fresh database with a hand-moved clock. */
export async function makeTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const { database, drop } = await openTestDatabase();
  const config = loadConfig({ MEND_AUTH_RATE_LIMIT: "1000", MEND_WEB_DIR: "", ...env });
  const clock = new ManualClock(TEST_START);
  const app = await buildApp({ config, database, clock, logger: false });
  await app.ready();
  return {
    app,
    clock,
    database,
    config,
    async close() {
      await app.close();
      await drop();
    },
  };
}

export interface Reply {
  status: number;
  body: unknown;
  raw: string;
  headers: Record<string, string | string[] | number | undefined>;
  json<T = Record<string, unknown>>(): T;
}

/**
 * A browser-like caller that keeps its session cookie between requests: `api` makes typed calls
 * through the one client (as the web app does), `request` sends anything at all, for the tests
 * that try what a client would never send.
 */
export class Client {
  cookie: string | null = null;
  device: string | null = null;
  /** The signed-in person's opened keys: what seals and opens their words in `api` calls. */
  keyring: Keyring | null = null;
  readonly api: Api;
  constructor(
    readonly app: FastifyInstance,
    readonly headers: Record<string, string> = {},
    /** The network address the server sees, for per-address rules. */
    readonly remoteAddress = "127.0.0.1",
  ) {
    this.api = createApi(injectTransport(app, this, remoteAddress), {
      keyring: () => this.keyring,
    });
  }

  async request(
    method: InjectOptions["method"],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const cookie = cookieHeader(this);
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.remoteAddress,
      ...(payload !== undefined ? { payload: payload as InjectOptions["payload"] } : {}),
      headers: {
        ...this.headers,
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
    });
    keepCookie(this, response.headers["set-cookie"]);
    const raw = response.body;
    let body: unknown = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = raw;
    }
    return {
      status: response.statusCode,
      body,
      raw,
      headers: response.headers,
      json: <T>() => body as T,
    };
  }

  get(url: string) {
    return this.request("GET", url);
  }
  post(url: string, payload?: unknown) {
    return this.request("POST", url, payload ?? {});
  }
  delete(url: string, payload?: unknown) {
    return this.request("DELETE", url, payload);
  }
}

/**
 * The tables of this test's own database and their columns. On PostgreSQL only this test's
 * schema is read: Kysely's introspector reads every schema, and other test files drop theirs
 * while it runs.
 */
export async function ownTables(
  database: DatabaseHandle,
): Promise<Array<{ name: string; columns: string[] }>> {
  if (database.kind === "sqlite") {
    const tables = await database.db.introspection.getTables();
    return tables.map((table) => ({ name: table.name, columns: table.columns.map((c) => c.name) }));
  }
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and table_name not like 'kysely_%'
    order by table_name, ordinal_position`.execute(database.db);
  const byTable = new Map<string, string[]>();
  for (const row of rows) {
    byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), row.column_name]);
  }
  return [...byTable].map(([name, columns]) => ({ name, columns }));
}
