import type { Kysely } from "kysely";

/**
 * The browsers a person signed in on, each known by a random token (kept here only as a hash)
 * in a cookie of its own. A known browser keeps its own allowance of sign-in attempts, so
 * someone guessing at the account, from anywhere, cannot lock its owner out. Signing out on a
 * browser forgets it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("known_devices")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("known_devices_user")
    .on("known_devices")
    .columns(["user_id", "last_used_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("known_devices").execute();
}
