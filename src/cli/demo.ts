import { rmSync } from "node:fs";
import { buildApp } from "../server/app.ts";
import type { Config } from "../server/config.ts";
import { ManualClock } from "../server/platform/clock.ts";
import { migrateToLatest, openDatabase } from "../server/platform/db.ts";
import { DEMO_PEOPLE, demoDays, seedDemo } from "./demo-seed.ts";
import { DEMO_THERAPIST, therapistInviter } from "./demo-therapist.ts";
import { serveCommand } from "./serve.ts";

/** A fresh demo database, seeded with about seventeen weeks of a couple's history (Stabilize, Make meaning, Rebuild), then served. */
export async function demoCommand(config: Config): Promise<void> {
  const path = config.databaseUrl.startsWith("sqlite:")
    ? config.databaseUrl.slice("sqlite:".length)
    : null;
  if (path === null)
    throw new Error("The demo runs on its own SQLite file; leave DATABASE_URL unset.");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });

  const database = await openDatabase(config.databaseUrl);
  await migrateToLatest(database);
  const now = new Date();
  const clock = new ManualClock(now);
  const seeding = await buildApp({
    config: { ...config, authRateLimit: 10_000 },
    database,
    clock,
    logger: false,
  });
  const { therapistTotpSecret } = await seedDemo(
    seeding,
    clock,
    now,
    therapistInviter(database, config, clock),
  );
  await seeding.close();
  await database.close();

  process.stdout.write(
    `\nDemo couple seeded with ${demoDays(now)} days of history. Sign in as either partner:\n` +
      DEMO_PEOPLE.map((p) => `  ${p.name.padEnd(6)} ${p.email}  password: ${p.password}\n`).join(
        "",
      ) +
      `\nand as the couple's therapist (a second factor is required; add this secret to an\n` +
      `authenticator app, or sign in and scan the code on your account page):\n` +
      `  ${DEMO_THERAPIST.name} ${DEMO_THERAPIST.email}  password: ${DEMO_THERAPIST.password}\n` +
      `  TOTP secret: ${therapistTotpSecret}\n\n`,
  );
  await serveCommand(config);
}
