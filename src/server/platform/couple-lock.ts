import type { Db } from "./db.ts";

/**
 * Makes every change to one couple wait for the one before it: a row lock on PostgreSQL (held
 * to COMMIT), and on SQLite the write lock its transactions take up front. A "check, then write"
 * inside a transaction that took it first cannot interleave with another, so the rules of "at
 * most one" (one running pause, one pending phase move, one answer to a proposal) hold on both
 * engines. The update changes nothing; it is the cheapest statement that takes the lock.
 */
export async function lockCouple(db: Db, coupleId: string): Promise<void> {
  await db
    .updateTable("couples")
    .set((eb) => ({ key_version: eb.ref("key_version") }))
    .where("id", "=", coupleId)
    .execute();
}
