import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase } from "../../src/server/platform/db.ts";
import { migrationProvider } from "../../src/server/platform/migrations/index.ts";

const dir = mkdtempSync(join(tmpdir(), "mend-plaintext-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a database from before sealed words", () => {
  it("is refused at start, saying what to do, and left as it was", async () => {
    const database = await openDatabase(`sqlite:${join(dir, "old.sqlite")}`);
    const migrator = new Migrator({ db: database.db, provider: migrationProvider });
    const before = await migrator.migrateTo("2026-12-01T0900-phase-reason-by");
    expect(before.error).toBeUndefined();
    await sql`insert into users (id, email, name, password_hash, role, created_at)
      values ('u1', 'old@example.org', 'Old', 'x', 'partner', '2026-11-30T10:00:00.000Z')`.execute(
      database.db,
    );

    await expect(migrateToLatest(database)).rejects.toThrow(/before sealed words.*new one/s);
    const { rows } = await sql<{ n: number }>`select count(*) as n from users`.execute(database.db);
    expect(Number(rows[0]?.n)).toBe(1);
    const columns = await sql<{ name: string }>`pragma table_info(users)`.execute(database.db);
    expect(columns.rows.map((c) => c.name)).not.toContain("kdf");
    await database.close();
  });

  it("is no obstacle when it holds no accounts yet", async () => {
    const database = await openDatabase(`sqlite:${join(dir, "empty.sqlite")}`);
    await expect(migrateToLatest(database)).resolves.toContain("2026-12-01T1100-sealed-words");
    await database.close();
  });
});
