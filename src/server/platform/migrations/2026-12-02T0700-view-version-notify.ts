import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * PostgreSQL only: every change of a couple's view version is announced on the
 * `mend_view_version` channel, carrying the couple's id, by a trigger, so every Mend process
 * listening there (platform/view-version.ts) can trust the versions it has read until told
 * otherwise, whoever changed them. SQLite reads the version in-process and needs no announcing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`
    create or replace function mend_announce_view_version() returns trigger
    language plpgsql as $$
    begin
      perform pg_notify('mend_view_version', new.id);
      return new;
    end
    $$`.execute(db);
  await sql`
    create trigger couples_view_version_announced
    after update of view_version on couples
    for each row when (old.view_version is distinct from new.view_version)
    execute function mend_announce_view_version()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop trigger if exists couples_view_version_announced on couples`.execute(db);
  await sql`drop function if exists mend_announce_view_version()`.execute(db);
}
