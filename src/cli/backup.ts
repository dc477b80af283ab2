import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Config } from "../server/config.ts";
import { openSqliteFile } from "../server/platform/sqlite-file.ts";

/**
 * Copies the live SQLite database with SQLite's online backup API, so the copy is consistent
 * even while the server keeps writing. PostgreSQL has its own tools (pg_dump, base backups).
 */
export async function backupCommand(config: Config, target: string | undefined): Promise<void> {
  if (!target) throw new Error("Name the file to write: mend backup <file>");
  if (!config.databaseUrl.startsWith("sqlite:")) {
    throw new Error("mend backup copies SQLite databases; for PostgreSQL use pg_dump.");
  }
  const source = resolve(config.databaseUrl.slice("sqlite:".length));
  if (!existsSync(source)) throw new Error(`There is no database at ${source} yet.`);
  const destination = resolve(target);
  if (existsSync(destination)) throw new Error(`${destination} exists already; choose a new file.`);
  const db = openSqliteFile(source, { readonly: true });
  try {
    await db.backupTo(destination);
    const copy = openSqliteFile(destination, { readonly: true });
    try {
      const result = copy.pragma("integrity_check");
      if (result !== "ok")
        throw new Error(`The backup failed its integrity check: ${String(result)}`);
    } finally {
      copy.close();
    }
  } finally {
    db.close();
  }
  process.stdout.write(`Backed up to ${destination}\n`);
}
