import { Email } from "../contracts/account.ts";
import type { Config } from "../server/config.ts";
import { accountStore } from "../server/features/account/account.store.ts";
import { therapistAccountService } from "../server/features/therapists/therapist-account.service.ts";
import { type Clock, systemClock } from "../server/platform/clock.ts";
import { migrateToLatest, openDatabase } from "../server/platform/db.ts";
import { rateLimits } from "../server/platform/rate-limit.ts";
import { sessionStore } from "../server/platform/session.store.ts";

/**
 * A one-time link (valid a week) with which a couples therapist makes their account. Only the
 * operator makes therapists: a partner cannot turn an account into one that reads couples.
 */
export async function inviteTherapistCommand(
  config: Config,
  email: string | undefined,
  clock: Clock = systemClock,
): Promise<void> {
  const parsed = Email.safeParse(email ?? "");
  if (!parsed.success) {
    throw new Error("Name the therapist's e-mail address: mend invite-therapist <email>");
  }
  const database = await openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database);
    const { db } = database;
    const deps = { clock, config, limits: rateLimits(db) };
    const link = await therapistAccountService(
      deps,
      accountStore(db),
      sessionStore(db),
    ).createInvite(parsed.data);
    process.stdout.write(
      [
        `A one-time link for ${parsed.data} to make a therapist account, valid for 7 days:`,
        "",
        `  ${link}`,
        "",
        "They will set up an authenticator app as a second factor. A couple links them only when",
        "both partners agree; until then they see nothing of anyone's.",
        "",
      ].join("\n"),
    );
  } finally {
    await database.close();
  }
}
