import { type Kysely, sql } from "kysely";

/**
 * "At most one" held by the database too, where a rule is about stored state alone: one
 * unanswered phase move per couple, one open invite per couple. (A running pause depends on the
 * time, so it is held by the couple's lock: see platform/couple-lock.ts.) Duplicates left by the
 * races this closes are resolved first: all but the newest move count as withdrawn, all but the
 * newest invite as replaced.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  await sql`
    UPDATE phase_proposals SET resolved_at = ${now}, resolution = 'withdrawn'
    WHERE resolved_at IS NULL AND EXISTS (
      SELECT 1 FROM phase_proposals newer
      WHERE newer.couple_id = phase_proposals.couple_id AND newer.resolved_at IS NULL
        AND (newer.created_at > phase_proposals.created_at
          OR (newer.created_at = phase_proposals.created_at AND newer.id > phase_proposals.id)))
  `.execute(db);
  await db.schema
    .createIndex("phase_proposals_one_pending")
    .on("phase_proposals")
    .column("couple_id")
    .unique()
    .where(sql.ref("resolved_at"), "is", null)
    .execute();

  await sql`
    UPDATE invites SET revoked_at = ${now}
    WHERE used_at IS NULL AND revoked_at IS NULL AND EXISTS (
      SELECT 1 FROM invites newer
      WHERE newer.couple_id = invites.couple_id AND newer.used_at IS NULL
        AND newer.revoked_at IS NULL
        AND (newer.created_at > invites.created_at
          OR (newer.created_at = invites.created_at AND newer.id > invites.id)))
  `.execute(db);
  await db.schema
    .createIndex("invites_one_open")
    .on("invites")
    .column("couple_id")
    .unique()
    .where(sql<boolean>`used_at IS NULL AND revoked_at IS NULL`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("invites_one_open").execute();
  await db.schema.dropIndex("phase_proposals_one_pending").execute();
}
