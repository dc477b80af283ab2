import { type Kysely, sql } from "kysely";

/**
 * When to seek support, and the therapist workspace. A person's quick answers ("I feel pushed to
 * move on", "we don't know where to start") are items with an author and a visibility; check-ins
 * gain the same two answers and "the same concern as last week"; snoozes and sharing with the
 * therapist are a person's own. Therapists are users with role `therapist`, invited by the
 * operator, with a TOTP secret and single-use recovery codes; a session records when it passed
 * the second factor. A link between a couple and a therapist moves proposed → consented → active
 * → ended, at most one not ended per couple. Therapist notes are sealed with the therapist's own
 * key. The audit chain is append-only and hash-linked per couple.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("support_answers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("couple_id", "text", (c) => c.notNull().references("couples.id").onDelete("cascade"))
    .addColumn("author_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("support_answers_couple")
    .on("support_answers")
    .column("couple_id")
    .execute();
  await db.schema
    .createTable("signal_snoozes")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("couple_id", "text", (c) => c.notNull().references("couples.id").onDelete("cascade"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("until", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("signal_snoozes_pk", ["user_id", "couple_id", "key"])
    .execute();
  await db.schema
    .alterTable("couple_members")
    .addColumn("signals_shared", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("checkins")
    .addColumn("same_concern", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("checkins")
    .addColumn("pushed_to_move_on", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("checkins")
    .addColumn("dont_know_where_to_start", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema.alterTable("users").addColumn("totp_secret", "text").execute();
  // The last 30-second step a code was accepted for: a code is good once, never twice.
  await db.schema.alterTable("users").addColumn("totp_last_step", "integer").execute();
  await db.schema.alterTable("sessions").addColumn("second_factor_at", "text").execute();
  await db.schema
    .createTable("totp_recovery_codes")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addPrimaryKeyConstraint("totp_recovery_codes_pk", ["user_id", "code_hash"])
    .execute();
  await db.schema
    .createTable("therapist_invites")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema
    .createTable("therapist_links")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("couple_id", "text", (c) => c.notNull().references("couples.id").onDelete("cascade"))
    .addColumn("therapist_id", "text", (c) =>
      c.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("proposed_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("proposed_at", "text", (c) => c.notNull())
    .addColumn("consented_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("consented_at", "text")
    .addColumn("accepted_at", "text")
    .addColumn("ended_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("ended_at", "text")
    .execute();
  // At most one link not ended per couple, held by the database under concurrency.
  await db.schema
    .createIndex("therapist_links_one_live")
    .on("therapist_links")
    .column("couple_id")
    .unique()
    .where(sql.ref("ended_at"), "is", null)
    .execute();
  await db.schema
    .createIndex("therapist_links_therapist")
    .on("therapist_links")
    .column("therapist_id")
    .execute();
  await db.schema
    .createTable("therapist_notes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("therapist_id", "text", (c) =>
      c.notNull().references("users.id").onDelete("cascade"),
    )
    .addColumn("couple_id", "text", (c) => c.notNull().references("couples.id").onDelete("cascade"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("therapist_notes_by")
    .on("therapist_notes")
    .columns(["therapist_id", "couple_id"])
    .execute();
  // Rows are never updated or deleted by the app; the chain is checked at every start.
  await db.schema
    .createTable("audit_entries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("couple_id", "text", (c) => c.notNull().references("couples.id").onDelete("cascade"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("actor_role", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("prev", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("audit_entries_order")
    .on("audit_entries")
    .columns(["couple_id", "seq"])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "audit_entries",
    "therapist_notes",
    "therapist_links",
    "therapist_invites",
    "totp_recovery_codes",
    "signal_snoozes",
    "support_answers",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
