import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Kysely, Migrator, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { Database } from "./db-schema.ts";
import { migrationProvider } from "./migrations/index.ts";
import { openSqliteFile } from "./sqlite-file.ts";
import { ImmediateSqliteDialect } from "./sqlite-immediate.ts";

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: "sqlite" | "postgres";
  /** Only for SQLite: the file path, for `mend backup`. */
  sqlitePath: string | null;
  /** Only for PostgreSQL with a named schema: where the tables (and migration records) live. */
  pgSchema: string | null;
  /**
   * After a deletion: on SQLite, copies the write-ahead log into the file and empties it, so the
   * deleted bytes (zeroed in the file by secure_delete) survive in no earlier page image.
   */
  flushDeleted(): Promise<void>;
  /**
   * PostgreSQL only (null on SQLite): hears a channel's notifications on a connection of its
   * own, connecting again three seconds after losing it. `heard` says from when notifications arrive,
   * `lost` that some may have been missed. Returns what stops listening.
   */
  listen: ((channel: string, on: Listener) => () => Promise<void>) | null;
  /**
   * SQLite only (null on PostgreSQL): a mark that changes whenever the database may have
   * changed, by a commit of any other connection (another process; SQLite's data_version) or
   * any write on this one (total_changes). Read at once, without a query through Kysely.
   */
  changeMark: (() => string) | null;
  close(): Promise<void>;
}

export interface Listener {
  message(payload: string): void;
  heard(): void;
  lost(): void;
}

export interface OpenOptions {
  /** PostgreSQL only: use (and create) this schema, so test runs never see each other. */
  pgSchema?: string;
}

export async function openDatabase(
  url: string,
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  if (url.startsWith("sqlite:")) return openSqlite(url.slice("sqlite:".length));
  return openPostgres(url, options.pgSchema);
}

function openSqlite(path: string): DatabaseHandle {
  const inMemory = path === ":memory:";
  const file = inMemory ? path : resolve(path);
  if (!inMemory) mkdirSync(dirname(file), { recursive: true });
  const sqlite = openSqliteFile(file);
  if (!inMemory) sqlite.exec("PRAGMA journal_mode = WAL");
  // WAL at NORMAL (better-sqlite3's default) can drop acknowledged commits on power loss.
  sqlite.exec("PRAGMA synchronous = FULL");
  sqlite.exec("PRAGMA busy_timeout = 5000");
  sqlite.exec("PRAGMA foreign_keys = ON");
  // An overwritten or deleted envelope is zeroed, not left in free pages for a copy to find.
  sqlite.exec("PRAGMA secure_delete = ON");
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: sqlite.database }),
  });
  // On the connection Kysely drives: total_changes counts that connection's own writes.
  const mark = sqlite.database.prepare(
    "select total_changes() as changes, (select data_version from pragma_data_version) as version",
  );
  return {
    db,
    kind: "sqlite",
    sqlitePath: inMemory ? null : file,
    pgSchema: null,
    flushDeleted: async () => {
      if (!inMemory) await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    },
    listen: null,
    changeMark: () => {
      const [row] = mark.all([]) as Array<{ changes: number; version: number }>;
      return `${row?.changes}:${row?.version}`;
    },
    close: () => db.destroy(),
  };
}

async function openPostgres(url: string, schema?: string): Promise<DatabaseHandle> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`Invalid PostgreSQL schema name: ${schema}`);
  }
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // Named, so an operator (or a test) can tell Mend's connections from others'.
    application_name: schema ? `mend:${schema}` : "mend",
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A connection can end under Mend (the server restarts, an operator ends it). Unheard, its
  // error event would end the process; heard, the pool drops that client and the next query
  // gets a new one, while the request it served fails on its own.
  const connectionLost = (error: Error & { code?: string }) =>
    process.emitWarning(`A PostgreSQL connection ended (${error.code ?? error.message}).`);
  pool.on("error", connectionLost);
  pool.on("connect", (client) => client.on("error", connectionLost));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const { rows } = await sql<{ fsync: string }>`SHOW fsync`.execute(db);
  if (rows[0]?.fsync !== "on") {
    await db.destroy();
    throw new Error(
      "PostgreSQL runs with fsync off; Mend refuses to start, as writes could be lost.",
    );
  }
  return {
    db,
    kind: "postgres",
    sqlitePath: null,
    pgSchema: schema ?? null,
    // PostgreSQL's dead rows go at its next vacuum; the README says what a backup still holds.
    flushDeleted: async () => {},
    listen: (channel, on) => listenOn(url, schema, channel, on),
    changeMark: null,
    close: () => db.destroy(),
  };
}

const LISTEN_AGAIN_MS = 3_000;

function listenOn(url: string, schema: string | undefined, channel: string, on: Listener) {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Invalid channel name: ${channel}`);
  let current: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const again = () => {
    if (!stopped) retry = setTimeout(connect, LISTEN_AGAIN_MS);
  };
  async function connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: url,
      application_name: schema ? `mend-listen:${schema}` : "mend-listen",
    });
    client.on("notification", (note) => {
      if (note.channel === channel) on.message(note.payload ?? "");
    });
    // An ended connection says so by "end"; the error itself needs no more than being heard.
    client.on("error", () => {});
    client.on("end", () => {
      if (current !== client) return;
      current = null;
      on.lost();
      again();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch {
      client.end().catch(() => {});
      again();
      return;
    }
    if (stopped) {
      await client.end();
      return;
    }
    current = client;
    on.heard();
  }
  void connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const client = current;
    current = null;
    await client?.end();
  };
}

export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  const migrator = new Migrator({
    db: handle.db,
    provider: migrationProvider,
    // Kysely looks for its bookkeeping tables in every schema unless told which one is ours.
    ...(handle.pgSchema ? { migrationTableSchema: handle.pgSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
