import type { Config } from "../server/config.ts";
import { accountService } from "../server/features/account/account.service.ts";
import { accountStore } from "../server/features/account/account.store.ts";
import { systemClock } from "../server/platform/clock.ts";
import { migrateToLatest, openDatabase } from "../server/platform/db.ts";
import { rateLimits } from "../server/platform/rate-limit.ts";
import { sessionStore } from "../server/platform/session.store.ts";

/**
 * For someone who lost both password and recovery code: a one-time link (valid a day) that
 * restores sign-in with new keys. Hand it over in person or by a channel only they read.
 */
export async function resetAccountCommand(
  config: Config,
  email: string | undefined,
): Promise<void> {
  if (!email) throw new Error("Name the account's e-mail address: mend reset-account <email>");
  const database = await openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database);
    const { db } = database;
    const deps = { clock: systemClock, config, limits: rateLimits(db) };
    const link = await accountService(deps, accountStore(db), sessionStore(db)).createResetLink(
      email.trim().toLowerCase(),
    );
    process.stdout.write(
      [
        `A one-time link for ${email}, valid for 24 hours:`,
        "",
        `  ${link}`,
        "",
        "It restores sign-in with new keys. What this person kept private stays sealed with their",
        "earlier keys and cannot be opened by anyone; their partner can let them back into what",
        "the two of them share, after checking it is really them. Give the link to them alone.",
        "",
      ].join("\n"),
    );
  } finally {
    await database.close();
  }
}
