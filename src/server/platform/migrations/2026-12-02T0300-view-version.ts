import type { Kysely } from "kysely";

/**
 * A couple's view version: bumped by every acknowledged change to the couple, shared or private,
 * so a process may answer the home view from what it computed before as long as the version is
 * unchanged. It is never sent to anyone: a partner must not learn that a private change happened.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("couples")
    .addColumn("view_version", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("couples").dropColumn("view_version").execute();
}
