import Database from "better-sqlite3";
import pg from "pg";

/**
 * Marks a couple's home view as changed, as every write by a partner does, straight in the
 * database: Mend then computes the view anew for the next request instead of answering the one
 * it keeps for a few seconds. Follows `couples.view_version` (platform/view-version.ts).
 */
export interface ViewChanger {
  change(): Promise<void>;
  close(): Promise<void>;
}

const BUMP = "UPDATE couples SET view_version = view_version + 1 WHERE id = ";

export function sqliteViewChanger(sqlitePath: string, coupleId: string): ViewChanger {
  const db = new Database(sqlitePath);
  db.pragma("busy_timeout = 5000");
  const bump = db.prepare(`${BUMP}?`);
  return {
    change: async () => {
      bump.run(coupleId);
    },
    close: async () => {
      db.close();
    },
  };
}

export async function postgresViewChanger(
  url: string,
  schema: string,
  coupleId: string,
): Promise<ViewChanger> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  return {
    change: async () => {
      await client.query(`${BUMP}$1`, [coupleId]);
    },
    close: () => client.end(),
  };
}
