import type { Kysely } from "kysely";

/** When a talk time was agreed, so only windows after that can be logged. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("talk_times").addColumn("accepted_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("talk_times").dropColumn("accepted_at").execute();
}
