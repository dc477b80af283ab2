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
  if (!isSecureOrigin(config.publicUrl)) {
    app.log.warn(
      `MEND_PUBLIC_URL (${config.publicUrl}) is neither https:// nor this computer's own address. ` +
        "Browsers allow the cryptography that keeps words private only on secure pages, so Mend " +
        "will not open there. Serve it over HTTPS (a reverse proxy such as Caddy or nginx) and set " +
        "MEND_PUBLIC_URL=https://…",
    );
  }
}

/** Where browsers give pages WebCrypto: https, or the loopback addresses. */
export function isSecureOrigin(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return (
      protocol === "https:" ||
      (protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(hostname))
    );
  } catch {
    return false;
  }
}
