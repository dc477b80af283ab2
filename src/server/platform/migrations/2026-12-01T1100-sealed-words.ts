import { type Kysely, sql } from "kysely";

/**
 * Sealed words (protocol v1): each account keeps its key-derivation parameters, public key and
 * the boxes its keys are sealed in; each session the key that unlocks a browser's copy; each
 * couple its space-key version and grants; each invite the box its link's fragment opens; and an
 * operator's one-time reset links for people who lost both password and recovery code; and, for
 * the one live channel, each couple's revision and which feature each shared change touched.
 *
 * Words written before this change sit in plain text and cannot be sealed by the server (it has
 * no keys), so a database that already holds accounts is refused rather than half-converted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from users`.execute(db);
  if (Number(rows[0]?.n ?? 0) > 0) {
    throw new Error(
      "This database was made by a Mend from before sealed words: its words are in plain text, " +
        "and only each person's browser could seal them. Mend refuses to mix the two. Move the " +
        "database aside (or point MEND_DATABASE_URL at a new one) and start again; nothing in " +
        "the old one has been changed.",
    );
  }
  await db.schema
    .alterTable("users")
    .addColumn("kdf", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  for (const column of [
    "public_key",
    "identity_box",
    "personal_box",
    "recovery_identity_box",
    "recovery_personal_box",
    "recovery_auth_hash",
  ]) {
    await db.schema
      .alterTable("users")
      .addColumn(column, "text", (c) => c.notNull().defaultTo(""))
      .execute();
  }
  await db.schema
    .alterTable("sessions")
    .addColumn("unlock_key", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .alterTable("couples")
    .addColumn("key_version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable("space_grants")
    .addColumn("couple_id", "text", (c) => c.notNull().references("couples.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("grant_box", "text", (c) => c.notNull())
    .addColumn("granted_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("space_grants_pk", ["couple_id", "user_id", "version"])
    .execute();
  await db.schema.alterTable("invites").addColumn("invite_box", "text").execute();
  await db.schema.alterTable("invites").addColumn("key_version", "integer").execute();
  for (const table of ["phase_proposals", "phase_history"]) {
    await db.schema.alterTable(table).addColumn("reason_id", "text").execute();
  }
  await db.schema.alterTable("safety_checks").dropColumn("concern").execute();
  // A topic chosen for today's talk: one agenda, the same on both partners' phones.
  await db.schema.alterTable("parking_lot").addColumn("on_agenda_at", "text").execute();
  // "Safe enough to go on" is unanswered until answered: no default a person never gave.
  await db.schema.alterTable("couple_members").addColumn("safe_enough_at", "text").execute();
  await db.schema
    .alterTable("couples")
    .addColumn("revision", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("couple_changes")
    .addColumn("couple_id", "text", (c) => c.notNull().references("couples.id").onDelete("cascade"))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("feature", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("couple_changes_pk", ["couple_id", "revision"])
    .execute();
  await db.schema
    .createTable("account_resets")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema
    .createTable("server_secrets")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("server_secrets").execute();
  await db.schema.dropTable("account_resets").execute();
  await db.schema.dropTable("couple_changes").execute();
  await db.schema.alterTable("couples").dropColumn("revision").execute();
  await db.schema.alterTable("couple_members").dropColumn("safe_enough_at").execute();
  await db.schema.alterTable("parking_lot").dropColumn("on_agenda_at").execute();
  await db.schema
    .alterTable("safety_checks")
    .addColumn("concern", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  for (const table of ["phase_proposals", "phase_history"]) {
    await db.schema.alterTable(table).dropColumn("reason_id").execute();
  }
  await db.schema.alterTable("invites").dropColumn("key_version").execute();
  await db.schema.alterTable("invites").dropColumn("invite_box").execute();
  await db.schema.dropTable("space_grants").execute();
  await db.schema.alterTable("couples").dropColumn("key_version").execute();
  await db.schema.alterTable("sessions").dropColumn("unlock_key").execute();
  for (const column of [
    "kdf",
    "public_key",
    "identity_box",
    "personal_box",
    "recovery_identity_box",
    "recovery_personal_box",
    "recovery_auth_hash",
  ]) {
    await db.schema.alterTable("users").dropColumn(column).execute();
  }
}
