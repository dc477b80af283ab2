import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newItemId } from "../../src/client/crypto/account-keys.ts";
import { authKeyFor } from "../../src/client/session.ts";
import { accountRoutes } from "../../src/contracts/account.ts";
import { stressorRoutes } from "../../src/contracts/stressors.ts";
import { deriveOnce, makeCouple, PASSWORD } from "../support/factories.ts";
import { makeTestApp, type TestApp, testDatabaseKind } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

/** Every byte SQLite keeps for this database: the file and its write-ahead log. */
function storedBytes(): string {
  const file = t.database.sqlitePath;
  if (!file) throw new Error("No SQLite file.");
  const read = (path: string) => {
    try {
      return readFileSync(path).toString("latin1");
    } catch {
      return "";
    }
  };
  return read(file) + read(`${file}-wal`);
}

async function envelopeOf(table: "stressors", id: string): Promise<string> {
  const row = await t.database.db
    .selectFrom(table)
    .select("text")
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return row.text;
}

describe.skipIf(testDatabaseKind() !== "sqlite")(
  "what a deletion leaves in the SQLite file",
  () => {
    it("keeps no copy of a deleted stressor, in the file or its log", async () => {
      const { a } = await makeCouple(t.app);
      const id = newItemId();
      await a.client.api.call(stressorRoutes.add, {
        body: { id, text: "Words that must go when deleted", plan: "pause" },
      });
      const envelope = await envelopeOf("stressors", id);
      expect(storedBytes()).toContain(envelope);
      await a.client.api.call(stressorRoutes.remove, { params: { id } });
      expect(storedBytes()).not.toContain(envelope);
    });

    it("keeps no copy of a deleted account's words", async () => {
      const { a } = await makeCouple(t.app, ["Leaving", "Staying"]);
      const id = newItemId();
      await a.client.api.call(stressorRoutes.add, {
        body: { id, text: "Gone with the account", plan: "keep" },
      });
      const envelope = await envelopeOf("stressors", id);
      const { api } = a.client;
      await api.call(accountRoutes.deleteAccount, {
        body: { authKey: await authKeyFor(api, a.email, PASSWORD, deriveOnce) },
      });
      expect(storedBytes()).not.toContain(envelope);
    });
  },
);
