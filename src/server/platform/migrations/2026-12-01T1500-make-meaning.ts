import type { CreateTableBuilder, Kysely } from "kysely";

/**
 * Make meaning: reflections and their comments, accountability drafts, versions, addenda and
 * responses, hurt entries, the question ledger, and the shared story with its marks and
 * signatures. Every item has an author and a visibility, so the one access scope reads them
 * all; every word in them is an envelope sealed in the browser.
 */
type Table = CreateTableBuilder<string, never>;

/** The columns every item of a couple carries: read through the access scope by them. */
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
  await itemTable(db, "reflections", (t) =>
    t
      .addColumn("prompt_key", "text", (c) => c.notNull())
      .addColumn("body", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("shared_at", "text"),
  );
  // One answer per person per prompt: that is what stands beside the partner's.
  await db.schema
    .createIndex("reflections_one_per_prompt")
    .on("reflections")
    .columns(["couple_id", "author_id", "prompt_key"])
    .unique()
    .execute();
  await itemTable(db, "reflection_comments", (t) =>
    t
      .addColumn("reflection_id", "text", (c) =>
        c.notNull().references("reflections.id").onDelete("cascade"),
      )
      .addColumn("text", "text", (c) => c.notNull()),
  );
  await itemTable(db, "accountability_drafts", (t) =>
    t
      .addColumn("what_i_did", "text")
      .addColumn("impact", "text")
      .addColumn("why_not_sooner", "text")
      .addColumn("updated_at", "text", (c) => c.notNull()),
  );
  await db.schema
    .createIndex("accountability_drafts_one_each")
    .on("accountability_drafts")
    .columns(["couple_id", "author_id"])
    .unique()
    .execute();
  await itemTable(db, "accountability_versions", (t) =>
    t
      .addColumn("n", "integer", (c) => c.notNull())
      .addColumn("what_i_did", "text", (c) => c.notNull())
      .addColumn("impact", "text", (c) => c.notNull())
      .addColumn("why_not_sooner", "text", (c) => c.notNull()),
  );
  // Two versions shared at once get different numbers, or one of them fails: never two "3"s.
  await db.schema
    .createIndex("accountability_versions_numbered")
    .on("accountability_versions")
    .columns(["couple_id", "author_id", "n"])
    .unique()
    .execute();
  await itemTable(db, "accountability_addenda", (t) =>
    t
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("after_version", "integer", (c) => c.notNull()),
  );
  await itemTable(db, "accountability_responses", (t) =>
    t
      .addColumn("version_id", "text", (c) =>
        c.notNull().references("accountability_versions.id").onDelete("cascade"),
      )
      .addColumn("heard", "text", (c) => c.notNull())
      .addColumn("missing", "text"),
  );
  await itemTable(db, "hurt_entries", (t) =>
    t
      .addColumn("words", "text", (c) => c.notNull())
      .addColumn("broken", "text")
      .addColumn("repair_possible", "integer", (c) => c.notNull()),
  );
  await itemTable(db, "questions", (t) =>
    t
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("state", "text", (c) => c.notNull())
      .addColumn("repeat_of", "text", (c) => c.references("questions.id").onDelete("set null"))
      .addColumn("times_asked", "integer", (c) => c.notNull().defaultTo(1))
      .addColumn("deferred_to", "text", (c) => c.references("parking_lot.id").onDelete("set null"))
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("let_go_at", "text"),
  );
  for (const name of ["question_answers", "question_askings"]) {
    await itemTable(db, name, (t) =>
      t
        .addColumn("question_id", "text", (c) =>
          c.notNull().references("questions.id").onDelete("cascade"),
        )
        .addColumn(name === "question_answers" ? "text" : "note", "text", (c) =>
          name === "question_answers" ? c.notNull() : c,
        ),
    );
  }
  await itemTable(db, "story_paragraphs", (t) =>
    t
      .addColumn("section", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("edited_by", "text", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("updated_at", "text", (c) => c.notNull()),
  );
  await itemTable(db, "story_marks", (t) =>
    t
      .addColumn("paragraph_id", "text", (c) =>
        c.notNull().references("story_paragraphs.id").onDelete("cascade"),
      )
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("mark", "text", (c) => c.notNull())
      .addColumn("note", "text"),
  );
  await db.schema
    .createTable("story_signatures")
    .addColumn("couple_id", "text", (c) => c.notNull().references("couples.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("signed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("story_signatures_pk", ["couple_id", "user_id"])
    .execute();
  // Every change to the story bumps it; a signature counts only for the revision it names.
  await db.schema
    .alterTable("couples")
    .addColumn("story_revision", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

const TABLES = [
  "story_signatures",
  "story_marks",
  "story_paragraphs",
  "question_askings",
  "question_answers",
  "questions",
  "hurt_entries",
  "accountability_responses",
  "accountability_addenda",
  "accountability_versions",
  "accountability_drafts",
  "reflection_comments",
  "reflections",
];

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("couples").dropColumn("story_revision").execute();
  for (const table of TABLES) await db.schema.dropTable(table).execute();
}
