import { DEMO_PEOPLE, demoStart, seedDemo } from "../src/cli/demo-seed.ts";
import { therapistInviter } from "../src/cli/demo-therapist.ts";
import { createApi } from "../src/client/api.ts";
import { type CookieJar, cookieHeader } from "../src/client/cookie-jar.ts";
import { passwordKeys } from "../src/client/crypto/keys.ts";
import type { Keyring } from "../src/client/sealing.ts";
import { keyringFor, signIn } from "../src/client/session.ts";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import { injectTransport } from "../src/server/inject-transport.ts";
import { ManualClock } from "../src/server/platform/clock.ts";
import { migrateToLatest, openDatabase } from "../src/server/platform/db.ts";

/** One demo partner, signed in as a browser would be: their keys to seal with, their cookies. */
export interface Partner {
  id: string;
  keyring: Keyring;
  /** The Cookie header their browser sends. */
  cookie: string;
}

export interface SeededCouple {
  coupleId: string;
  /** Robin, then Kai. */
  partners: [Partner, Partner];
  /** When the demo's story starts: every older row of history is seeded before it. */
  storyStart: Date;
}

/**
 * The demo couple (`npm run demo`'s seventeen weeks), seeded through the real API with a
 * hand-moved clock, then both partners signed in at the real time, so the sessions are valid
 * for a Mend started on this database afterwards.
 */
export async function seedDemoCouple(
  databaseUrl: string,
  pgSchema?: string,
): Promise<SeededCouple> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    MEND_AUTH_RATE_LIMIT: "10000",
    MEND_WEB_DIR: "",
    MEND_LOG_LEVEL: "silent",
  });
  const database = await openDatabase(databaseUrl, pgSchema ? { pgSchema } : {});
  await migrateToLatest(database);
  const now = new Date();
  const clock = new ManualClock(now);
  const app = await buildApp({ config, database, clock, logger: false });
  try {
    await seedDemo(app, clock, now, therapistInviter(database, config, clock));
    clock.set(new Date());
    const [robin, kai] = DEMO_PEOPLE;
    const partners: [Partner, Partner] = [
      await signInPartner(app, robin),
      await signInPartner(app, kai),
    ];
    const space = await partners[0].keyring.spaceKeys();
    if (!space) throw new Error("The demo couple has no space.");
    return { coupleId: space.coupleId, partners, storyStart: demoStart(now) };
  } finally {
    await app.close();
    await database.close();
  }
}

async function signInPartner(
  app: Awaited<ReturnType<typeof buildApp>>,
  person: { email: string; password: string },
): Promise<Partner> {
  const jar: CookieJar = { cookie: null };
  let keyring: Keyring | null = null;
  const api = createApi(injectTransport(app, jar), { keyring: () => keyring });
  const { user, opened } = await signIn(api, person, passwordKeys);
  const own = keyringFor(api, opened);
  keyring = own;
  // Opened now, while the app that hands out the grants still runs; kept for sealing later.
  await own.spaceKeys();
  return { id: user.id, keyring: own, cookie: cookieHeader(jar) ?? "" };
}
