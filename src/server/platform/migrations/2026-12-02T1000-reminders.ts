import type { Kysely } from "kysely";

/**
 * E-mail reminders. Each person's choice (which kinds, quiet hours, neutral subjects); the key of
 * every reminder sent, so two processes or two scans never send one twice; and the hash of each
 * letter's "stop this kind" link, which works without signing in. A letter's List-Unsubscribe
 * link travels with it in the outbox.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("reminder_settings")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("kinds", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("quiet_from", "text")
    .addColumn("quiet_to", "text")
    .addColumn("quiet_zone", "text")
    .addColumn("neutral_subjects", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("reminders_sent")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("sent_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("reminders_sent_pk", ["user_id", "key"])
    .execute();
  await db.schema
    .createIndex("reminders_sent_age")
    .on("reminders_sent")
    .column("sent_at")
    .execute();
  await db.schema
    .createTable("reminder_unsubscribes")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("reminder_unsubscribes_age")
    .on("reminder_unsubscribes")
    .column("created_at")
    .execute();
  await db.schema.alterTable("outbox").addColumn("unsubscribe_url", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox").dropColumn("unsubscribe_url").execute();
  await db.schema.dropTable("reminder_unsubscribes").execute();
  await db.schema.dropTable("reminders_sent").execute();
  await db.schema.dropTable("reminder_settings").execute();
}
