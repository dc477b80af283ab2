import { createRequire } from "node:module";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/**
 * One SQLite file, opened with the engine that is safe on the running Node.js: the built-in
 * `node:sqlite` where it exists (Node 22.13+), better-sqlite3 12 on Node 20. better-sqlite3
 * before 13 can abort the whole process on Node 24 when a garbage-collected statement is
 * finalised, and 13 does not run on Node 20; see docs/decisions/0008.
 */
export interface SqliteFile {
  engine: "node:sqlite" | "better-sqlite3";
  /** What Kysely's SqliteDialect drives. */
  database: SqliteDatabase;
  exec(sql: string): void;
  /** The first column of the first row of `PRAGMA <statement>`. */
  pragma(statement: string): unknown;
  /** Every row of a query, for checks such as `PRAGMA foreign_key_check`. */
  rows(sql: string): unknown[];
  /** SQLite's online backup: a consistent copy while others keep writing. */
  backupTo(path: string): Promise<void>;
  close(): void;
}

/** The parts of `node:sqlite` used here; typed locally because @types/node 20 lacks them. */
interface NodeSqliteStatement {
  columns(): unknown[];
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  iterate(...params: unknown[]): IterableIterator<unknown>;
}
interface NodeSqliteDatabase {
  exec(sql: string): void;
  prepare(sql: string): NodeSqliteStatement;
  close(): void;
}
interface NodeSqliteModule {
  DatabaseSync: new (path: string, options?: { readOnly?: boolean }) => NodeSqliteDatabase;
  backup(source: NodeSqliteDatabase, path: string): Promise<number>;
}

function builtinSqlite(): NodeSqliteModule | undefined {
  const load = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  const found = load?.("node:sqlite");
  return found && typeof found === "object" && "DatabaseSync" in found
    ? (found as NodeSqliteModule)
    : undefined;
}

/** Statements kept prepared per connection, most recently used last. */
const STATEMENTS_KEPT = 500;

/**
 * Prepares each distinct statement once. Kysely asks for a new statement on every query, and
 * preparing (parsing and planning the SQL) was a sixth of a request's time; the same SQL comes
 * back on every request, with other parameters. The connection runs one statement at a time
 * to its end (all/run), so handing the same statement out again is safe.
 */
function preparedOnce(prepare: (sql: string) => SqliteStatement): (sql: string) => SqliteStatement {
  const kept = new Map<string, SqliteStatement>();
  return (sql) => {
    const found = kept.get(sql);
    if (found) {
      kept.delete(sql);
      kept.set(sql, found);
      return found;
    }
    const statement = prepare(sql);
    kept.set(sql, statement);
    if (kept.size > STATEMENTS_KEPT) {
      const oldest = kept.keys().next().value;
      if (oldest !== undefined) kept.delete(oldest);
    }
    return statement;
  };
}

function firstValue(rows: unknown[]): unknown {
  const row = rows[0];
  return row && typeof row === "object" ? Object.values(row)[0] : undefined;
}

export function openSqliteFile(path: string, options: { readonly?: boolean } = {}): SqliteFile {
  const builtin = builtinSqlite();
  if (builtin) {
    const db = new builtin.DatabaseSync(path, { readOnly: options.readonly ?? false });
    return {
      engine: "node:sqlite",
      database: {
        close: () => db.close(),
        prepare: preparedOnce((sql: string): SqliteStatement => {
          const statement = db.prepare(sql);
          return {
            reader: statement.columns().length > 0,
            all: (parameters) => statement.all(...parameters),
            run: (parameters) => statement.run(...parameters),
            iterate: (parameters) => statement.iterate(...parameters),
          };
        }),
      },
      exec: (sql) => db.exec(sql),
      pragma: (statement) => firstValue(db.prepare(`PRAGMA ${statement}`).all()),
      rows: (sql) => db.prepare(sql).all(),
      backupTo: async (target) => {
        await builtin.backup(db, target);
      },
      close: () => db.close(),
    };
  }
  // Loaded only where node:sqlite is missing, so Node 22+ never loads the native module.
  const BetterSqlite = createRequire(import.meta.url)(
    "better-sqlite3",
  ) as typeof import("better-sqlite3");
  const db = new BetterSqlite(path, { readonly: options.readonly ?? false });
  return {
    engine: "better-sqlite3",
    database: {
      close: () => db.close(),
      prepare: preparedOnce((sql: string) => db.prepare(sql) as unknown as SqliteStatement),
    },
    exec: (sql) => db.exec(sql),
    pragma: (statement) => db.pragma(statement, { simple: true }),
    rows: (sql) => db.prepare(sql).all(),
    backupTo: async (target) => {
      await db.backup(target);
    },
    close: () => db.close(),
  };
}
