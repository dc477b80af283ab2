import { sql } from "kysely";
import type { Db } from "./db.ts";
import { errors } from "./errors.ts";

/**
 * A fixed-window counter kept in the database, so every server process behind a load balancer
 * shares the same limits. One upsert per hit; no read-modify-write race.
 */
async function countHit(
  db: Db,
  key: string,
  windowMs: number,
  now: Date,
): Promise<{ count: number; windowEndsAt: number }> {
  const at = now.getTime();
  const expired = sql<boolean>`rate_limits.window_start <= ${at - windowMs}`;
  const row = await db
    .insertInto("rate_limits")
    .values({ key, window_start: at, count: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        count: sql`CASE WHEN ${expired} THEN 1 ELSE rate_limits.count + 1 END`,
        window_start: sql`CASE WHEN ${expired} THEN ${at} ELSE rate_limits.window_start END`,
      }),
    )
    .returning(["count", "window_start"])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), windowEndsAt: Number(row.window_start) + windowMs };
}

/** Counts a hit and refuses it past the limit, saying when the window ends. */
async function hitRateLimit(
  db: Db,
  key: string,
  limit: number,
  windowMs: number,
  now: Date,
): Promise<void> {
  const { count, windowEndsAt } = await countHit(db, key, windowMs, now);
  if (count > limit) throw errors.rateLimited((windowEndsAt - now.getTime()) / 1000);
}

/** Clears one key, e.g. an account's failed sign-ins after it signs in successfully. */
async function clearRateLimit(db: Db, key: string): Promise<void> {
  await db.deleteFrom("rate_limits").where("key", "=", key).execute();
}

/** The sign-in, sign-up and invite limits, as services use them: never the database itself. */
export function rateLimits(db: Db) {
  return {
    hit: (key: string, limit: number, windowMs: number, now: Date) =>
      hitRateLimit(db, key, limit, windowMs, now),
    /** Counts a hit that is never refused; how many the window holds now, this one included. */
    count: async (key: string, windowMs: number, now: Date) =>
      (await countHit(db, key, windowMs, now)).count,
    clear: (key: string) => clearRateLimit(db, key),
  };
}
export type RateLimits = ReturnType<typeof rateLimits>;
