import type { Kysely } from "kysely";

/** Phase one: talk times and their logs, parking lot, pauses, intensity, safety, stressors, circle. */
export async function up(db: Kysely<any>): Promise<void> {
  const coupleRef = "couples.id";
  const userRef = "users.id";

  await db.schema
    .createTable("talk_times")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("couple_id", "text", (c) => c.notNull().references(coupleRef).onDelete("cascade"))
    .addColumn("proposed_by", "text", (c) => c.notNull().references(userRef).onDelete("cascade"))
    .addColumn("weekday", "text", (c) => c.notNull())
    .addColumn("start", "text", (c) => c.notNull())
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("visibility", "text", (c) => c.notNull().defaultTo("couple"))
    .addColumn("replaces_id", "text", (c) => c.references("talk_times.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("talk_times_couple").on("talk_times").column("couple_id").execute();

  await db.schema
    .createTable("talk_logs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("couple_id", "text", (c) => c.notNull().references(coupleRef).onDelete("cascade"))
    .addColumn("author_id", "text", (c) => c.notNull().references(userRef).onDelete("cascade"))
    .addColumn("talk_time_id", "text", (c) => c.references("talk_times.id").onDelete("set null"))
    .addColumn("window_start", "text", (c) => c.notNull())
    .addColumn("went", "text", (c) => c.notNull())
    .addColumn("intensity_before", "integer", (c) => c.notNull())
    .addColumn("intensity_after", "integer", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("talk_logs_couple")
    .on("talk_logs")
    .columns(["couple_id", "window_start"])
    .execute();
  await db.schema
    .createIndex("talk_logs_one_per_window")
    .on("talk_logs")
    .columns(["author_id", "talk_time_id", "window_start"])
    .unique()
    .execute();

  await db.schema
    .createTable("parking_lot")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("couple_id", "text", (c) => c.notNull().references(coupleRef).onDelete("cascade"))
    .addColumn("raised_by", "text", (c) => c.notNull().references(userRef).onDelete("cascade"))
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("carried_over", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("visibility", "text", (c) => c.notNull().defaultTo("couple"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("parking_lot_couple").on("parking_lot").column("couple_id").execute();

  await db.schema
    .createTable("pauses")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("couple_id", "text", (c) => c.notNull().references(coupleRef).onDelete("cascade"))
    .addColumn("started_by", "text", (c) => c.notNull().references(userRef).onDelete("cascade"))
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("ended_at", "text")
    .execute();
  await db.schema
    .createIndex("pauses_couple")
    .on("pauses")
    .columns(["couple_id", "ends_at"])
    .execute();

  await db.schema
    .createTable("intensity_entries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("couple_id", "text", (c) => c.notNull().references(coupleRef).onDelete("cascade"))
    .addColumn("author_id", "text", (c) => c.notNull().references(userRef).onDelete("cascade"))
    .addColumn("value", "integer", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("intensity_couple")
    .on("intensity_entries")
    .columns(["couple_id", "at"])
    .execute();

  // A person's own record, not the couple's: it has no couple_id and leaves with its author.
  await db.schema
    .createTable("safety_checks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references(userRef).onDelete("cascade"))
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("concern", "integer", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("safety_checks_user")
    .on("safety_checks")
    .columns(["user_id", "at"])
    .execute();

  await db.schema
    .createTable("stressors")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("couple_id", "text", (c) => c.notNull().references(coupleRef).onDelete("cascade"))
    .addColumn("author_id", "text", (c) => c.notNull().references(userRef).onDelete("cascade"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("plan", "text", (c) => c.notNull())
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("stressors_couple").on("stressors").column("couple_id").execute();

  await db.schema
    .createTable("circle_people")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("couple_id", "text", (c) => c.notNull().references(coupleRef).onDelete("cascade"))
    .addColumn("author_id", "text", (c) => c.notNull().references(userRef).onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("relation", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("concern", "text")
    .addColumn("visibility", "text", (c) => c.notNull().defaultTo("couple"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("circle_people_couple")
    .on("circle_people")
    .column("couple_id")
    .execute();

  await db.schema
    .alterTable("couple_members")
    .addColumn("individual_mode", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("couples").addColumn("couples_therapy", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("couples").dropColumn("couples_therapy").execute();
  await db.schema.alterTable("couple_members").dropColumn("individual_mode").execute();
  for (const table of [
    "circle_people",
    "stressors",
    "safety_checks",
    "intensity_entries",
    "pauses",
    "parking_lot",
    "talk_logs",
    "talk_times",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
