import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().defaultTo("partner"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("device", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("couples")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("phase", "text", (c) => c.notNull())
    .addColumn("phase_since", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("couple_members")
    .addColumn("couple_id", "text", (c) => c.notNull().references("couples.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) =>
      c.notNull().unique().references("users.id").onDelete("cascade"),
    )
    .addColumn("stance", "text", (c) => c.notNull())
    .addColumn("safe_enough", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("joined_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("couple_members_pk", ["couple_id", "user_id"])
    .execute();

  await db.schema
    .createTable("invites")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("couple_id", "text", (c) => c.notNull().references("couples.id").onDelete("cascade"))
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("used_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("invites_couple").on("invites").column("couple_id").execute();

  await db.schema
    .createTable("phase_proposals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("couple_id", "text", (c) => c.notNull().references("couples.id").onDelete("cascade"))
    .addColumn("to_phase", "text", (c) => c.notNull())
    .addColumn("proposed_by", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("resolved_at", "text")
    .addColumn("resolution", "text")
    .execute();
  await db.schema
    .createIndex("phase_proposals_couple")
    .on("phase_proposals")
    .column("couple_id")
    .execute();

  await db.schema
    .createTable("phase_history")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("couple_id", "text", (c) => c.notNull().references("couples.id").onDelete("cascade"))
    .addColumn("from_phase", "text")
    .addColumn("to_phase", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("by_user", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("confirmed_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("reason", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("phase_history_couple")
    .on("phase_history")
    .columns(["couple_id", "at"])
    .execute();

  await db.schema
    .createTable("agreements")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("couple_id", "text", (c) => c.notNull().references("couples.id").onDelete("cascade"))
    .addColumn("proposed_by", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("visibility", "text", (c) => c.notNull().defaultTo("couple"))
    .addColumn("review_on", "text")
    .addColumn("replaces_id", "text", (c) => c.references("agreements.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("agreements_couple")
    .on("agreements")
    .columns(["couple_id", "created_at"])
    .execute();

  await db.schema
    .createTable("agreement_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("agreement_id", "text", (c) =>
      c.notNull().references("agreements.id").onDelete("cascade"),
    )
    .addColumn("couple_id", "text", (c) => c.notNull().references("couples.id").onDelete("cascade"))
    .addColumn("actor_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("agreement_events_agreement")
    .on("agreement_events")
    .columns(["agreement_id", "at"])
    .execute();

  await db.schema
    .createTable("rate_limits")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("window_start", "bigint", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "rate_limits",
    "agreement_events",
    "agreements",
    "phase_history",
    "phase_proposals",
    "invites",
    "couple_members",
    "couples",
    "sessions",
    "users",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
