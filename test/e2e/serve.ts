import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedDemo } from "../../src/cli/demo-seed.ts";
import { therapistInviter } from "../../src/cli/demo-therapist.ts";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import { ManualClock } from "../../src/server/platform/clock.ts";
import { migrateToLatest, openDatabase } from "../../src/server/platform/db.ts";
import { e2eNow } from "./today.ts";

/**
 * Serves the built app on a fresh SQLite database for one end-to-end run. The demo couple is
 * seeded first (through the real API, with a hand-moved clock), so demo screens can be checked.
 * Its clock is the browsers' (see today.ts): the machine's, or a fixed "today" running on.
 */
const port = process.env.MEND_E2E_PORT ?? "4789";
const dir = mkdtempSync(join(tmpdir(), "mend-e2e-"));
const config = loadConfig({
  PORT: port,
  HOST: "127.0.0.1",
  DATABASE_URL: `sqlite:${join(dir, "mend.sqlite")}`,
  MEND_PUBLIC_URL: `http://127.0.0.1:${port}`,
  MEND_LOG_LEVEL: "warn",
  MEND_EVENT_POLL_MS: "1000",
  // A build of one's own elsewhere, so that two people looking at screens do not share dist/.
  ...(process.env.MEND_E2E_WEB_DIR ? { MEND_WEB_DIR: process.env.MEND_E2E_WEB_DIR } : {}),
});
const database = await openDatabase(config.databaseUrl);
await migrateToLatest(database);

const now = e2eNow();
const clock = new ManualClock(now);
const seeding = await buildApp({ config, database, clock, logger: false });
const { therapistTotpSecret } = await seedDemo(
  seeding,
  clock,
  now,
  therapistInviter(database, config, clock),
);
// What the journeys need to play the demo's therapist and the operator: the second factor's
// secret and the database the operator's commands run against.
if (process.env.MEND_E2E_STATE_FILE) {
  writeFileSync(
    process.env.MEND_E2E_STATE_FILE,
    JSON.stringify({ therapistTotpSecret, databaseUrl: config.databaseUrl }),
  );
}
await seeding.close();

const app = await buildApp({ config, database, clock: { now: e2eNow } });
await app.listen({ port: config.port, host: config.host });
