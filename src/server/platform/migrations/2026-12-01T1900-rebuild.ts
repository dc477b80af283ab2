import type { CreateTableBuilder, Kysely } from "kysely";

/**
 * Rebuild: promises with their marks, the partner's views and excusals agreed ahead; weekly
 * check-ins and the couple's check-in day; setbacks with repair steps and who said "repaired";
 * which milestones each partner has seen. Items carry an author and a visibility, so the one
 * access scope reads them; every word in them is an envelope sealed in the browser.
 */
type Table = CreateTableBuilder<string, never>;

function item(table: Table): Table {
  return table
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("couple_id", "text", (c) => c.notNull().references("couples.id").onDelete("cascade"))
    .addColumn("author_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull());
}

async function itemTable(db: Kysely<any>, name: string, columns: (table: Table) => Table) {
  await columns(item(db.schema.createTable(name) as Table)).execute();
  await db.schema.createIndex(`${name}_couple`).on(name).column("couple_id").execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await itemTable(db, "promises", (t) =>
    t
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("notice_how", "text", (c) => c.notNull())
      .addColumn("cadence", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("area", "text")
      .addColumn("review_on", "text")
      .addColumn("replaces", "text", (c) => c.references("promises.id").onDelete("set null"))
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("accepted_at", "text")
      .addColumn("started_on", "text")
      .addColumn("ended_at", "text")
      .addColumn("updated_at", "text", (c) => c.notNull()),
  );
  await itemTable(db, "promise_marks", (t) =>
    t
      .addColumn("promise_id", "text", (c) =>
        c.notNull().references("promises.id").onDelete("cascade"),
      )
      .addColumn("on_day", "text", (c) => c.notNull())
      .addColumn("mark", "text", (c) => c.notNull())
      .addColumn("repair_note", "text"),
  );
  // One mark per due day: marking again replaces it, two at once cannot both stand.
  await db.schema
    .createIndex("promise_marks_one_per_day")
    .on("promise_marks")
    .columns(["promise_id", "on_day"])
    .unique()
    .execute();
  await db.schema
    .createTable("promise_views")
    .addColumn("couple_id", "text", (c) => c.notNull().references("couples.id").onDelete("cascade"))
    .addColumn("promise_id", "text", (c) =>
      c.notNull().references("promises.id").onDelete("cascade"),
    )
    .addColumn("on_day", "text", (c) => c.notNull())
    .addColumn("view", "text", (c) => c.notNull())
    .addColumn("by_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("promise_views_pk", ["promise_id", "on_day"])
    .execute();
  await itemTable(db, "promise_excusals", (t) =>
    t
      .addColumn("promise_id", "text", (c) =>
        c.notNull().references("promises.id").onDelete("cascade"),
      )
      .addColumn("from_day", "text", (c) => c.notNull())
      .addColumn("to_day", "text", (c) => c.notNull())
      .addColumn("reason", "text")
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("answered_at", "text"),
  );
  await itemTable(db, "checkins", (t) =>
    t
      .addColumn("week", "text", (c) => c.notNull())
      .addColumn("safety", "integer", (c) => c.notNull())
      .addColumn("connection", "integer", (c) => c.notNull())
      .addColumn("trust", "integer", (c) => c.notNull())
      .addColumn("intensity", "integer", (c) => c.notNull())
      .addColumn("appreciation", "text", (c) => c.notNull())
      .addColumn("concern", "text", (c) => c.notNull())
      .addColumn("wish", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull()),
  );
  await db.schema
    .createIndex("checkins_one_per_week")
    .on("checkins")
    .columns(["couple_id", "author_id", "week"])
    .unique()
    .execute();
  await db.schema.alterTable("couples").addColumn("checkin_weekday", "text").execute();
  await db.schema
    .alterTable("couples")
    .addColumn("checkin_day_set_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await itemTable(db, "setbacks", (t) =>
    t.addColumn("kind", "text", (c) => c.notNull()).addColumn("text", "text", (c) => c.notNull()),
  );
  await itemTable(db, "setback_steps", (t) =>
    t
      .addColumn("setback_id", "text", (c) =>
        c.notNull().references("setbacks.id").onDelete("cascade"),
      )
      .addColumn("text", "text", (c) => c.notNull()),
  );
  await db.schema
    .createTable("setback_repairs")
    .addColumn("couple_id", "text", (c) => c.notNull().references("couples.id").onDelete("cascade"))
    .addColumn("setback_id", "text", (c) =>
      c.notNull().references("setbacks.id").onDelete("cascade"),
    )
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("setback_repairs_pk", ["setback_id", "user_id"])
    .execute();
  await db.schema
    .createTable("milestone_sightings")
    .addColumn("couple_id", "text", (c) => c.notNull().references("couples.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("seen_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("milestone_sightings_pk", ["couple_id", "user_id", "key"])
    .execute();
}

const TABLES = [
  "milestone_sightings",
  "setback_repairs",
  "setback_steps",
  "setbacks",
  "checkins",
  "promise_excusals",
  "promise_views",
  "promise_marks",
  "promises",
];

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("couples").dropColumn("checkin_day_set_by").execute();
  await db.schema.alterTable("couples").dropColumn("checkin_weekday").execute();
  for (const table of TABLES) await db.schema.dropTable(table).execute();
}
