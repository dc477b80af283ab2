import type { Kysely } from "kysely";

/**
 * Indexes for the reads that must not grow with a couple's history: a page of discussed topics
 * (newest first, without sorting every topic the couple ever parked), the newest answers and
 * repeated questions that the balance guard looks at, and "talks held", counted from the index
 * alone (every column the count and the access scope read is in it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("parking_lot_pages")
    .on("parking_lot")
    .columns(["couple_id", "status", "updated_at", "id"])
    .execute();
  await db.schema
    .createIndex("question_answers_couple_at")
    .on("question_answers")
    .columns(["couple_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("questions_couple_at")
    .on("questions")
    .columns(["couple_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("talk_logs_held")
    .on("talk_logs")
    .columns(["couple_id", "went", "author_id", "visibility"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("talk_logs_held").execute();
  await db.schema.dropIndex("questions_couple_at").execute();
  await db.schema.dropIndex("question_answers_couple_at").execute();
  await db.schema.dropIndex("parking_lot_pages").execute();
}
