import type { Kysely } from "kysely";

/** A page of talk logs, newest window first, read from the index rather than sorted whole. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("talk_logs_pages")
    .on("talk_logs")
    .columns(["couple_id", "window_start", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("talk_logs_pages").execute();
}
