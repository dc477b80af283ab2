import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import { migrateToLatest, openDatabase } from "../../src/server/platform/db.ts";

/** Serves the built app on a fresh SQLite database for one end-to-end run. */
const port = process.env.MEND_E2E_PORT ?? "4789";
const dir = mkdtempSync(join(tmpdir(), "mend-e2e-"));
const config = loadConfig({
  PORT: port,
  HOST: "127.0.0.1",
  DATABASE_URL: `sqlite:${join(dir, "mend.sqlite")}`,
  MEND_PUBLIC_URL: `http://127.0.0.1:${port}`,
  MEND_LOG_LEVEL: "warn",
});
const database = await openDatabase(config.databaseUrl);
await migrateToLatest(database);
const app = await buildApp({ config, database });
await app.listen({ port: config.port, host: config.host });
