import type { Kysely } from "kysely";

/**
 * Pages of talk logs (newest window first) and of settled agreements (last settled first), read
 * from an index rather than sorted whole.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("talk_logs_pages")
    .on("talk_logs")
    .columns(["couple_id", "window_start", "id"])
    .execute();
  await db.schema
    .createIndex("agreements_pages")
    .on("agreements")
    .columns(["couple_id", "status", "updated_at", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("agreements_pages").execute();
  await db.schema.dropIndex("talk_logs_pages").execute();
}
