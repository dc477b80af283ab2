import type { Kysely } from "kysely";

/**
 * With e-mail on, an account is made only through a link mailed to its address: each link's
 * hash, the address it was sent to, and the day it is good for. Spent once, when the account is
 * made; rows past their day are removed as new ones are written.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("signup_verifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema
    .createIndex("signup_verifications_expiry")
    .on("signup_verifications")
    .column("expires_at")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("signup_verifications").execute();
}
