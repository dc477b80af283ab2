import type { Config } from "../server/config.ts";
import { migrateToLatest, openDatabase } from "../server/platform/db.ts";

export async function migrateCommand(config: Config): Promise<void> {
  const database = await openDatabase(config.databaseUrl);
  try {
    const applied = await migrateToLatest(database);
    process.stdout.write(
      applied.length ? `Applied: ${applied.join(", ")}\n` : "The database is up to date.\n",
    );
  } finally {
    await database.close();
  }
}
