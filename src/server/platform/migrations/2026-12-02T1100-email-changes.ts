import type { Kysely } from "kysely";

/**
 * With e-mail on, a new address takes effect only through a link mailed to it: each link's
 * hash, whose account it is for, the address, and the day it is good for. Spent once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("email_changes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema
    .createIndex("email_changes_expiry")
    .on("email_changes")
    .column("expires_at")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("email_changes").execute();
}
