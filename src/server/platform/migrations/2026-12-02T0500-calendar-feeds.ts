import type { Kysely } from "kysely";

/**
 * Each person's calendar feed: the SHA-256 of its secret link (the link itself is shown once and
 * kept nowhere), when that link was made, and whether events carry neutral titles. Turning the
 * feed off clears the link and keeps the choice of titles; a new link replaces the old one, which
 * stops working at once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("calendar_feeds")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.unique())
    .addColumn("created_at", "text")
    .addColumn("neutral_titles", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("calendar_feeds").execute();
}
