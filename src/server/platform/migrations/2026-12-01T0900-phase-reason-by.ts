import { type Kysely, sql } from "kysely";

/**
 * Who wrote a phase move's reason: the proposer's words or the confirmer's, so deleting one
 * partner's account clears only their own. Earlier rows credit the partner who made the move.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("phase_history")
    .addColumn("reason_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await sql`update phase_history set reason_by = by_user where reason is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("phase_history").dropColumn("reason_by").execute();
}
