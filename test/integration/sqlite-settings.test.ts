import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTestApp, type TestApp, testDatabaseKind } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe.skipIf(testDatabaseKind() !== "sqlite")("the SQLite file", () => {
  it("zeroes what is deleted or overwritten, so no envelope lingers in free pages", async () => {
    const { rows } = await sql<{ secure_delete: number }>`pragma secure_delete`.execute(
      t.database.db,
    );
    expect(rows[0]?.secure_delete).toBe(1);
  });
});
