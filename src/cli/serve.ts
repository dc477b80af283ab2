import { buildApp } from "../server/app.ts";
import type { Config } from "../server/config.ts";
import { migrateToLatest, openDatabase } from "../server/platform/db.ts";

export async function serveCommand(config: Config): Promise<void> {
  const database = await openDatabase(config.databaseUrl);
  await migrateToLatest(database);
  const app = await buildApp({ config, database });
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Mend is ready at ${config.publicUrl}`);
}
