import type { Config } from "../config.ts";
import type { Clock } from "../platform/clock.ts";
import type { Db } from "../platform/db.ts";

/** What every feature service is built from; buildApp creates it once. */
export interface ServiceDeps {
  db: Db;
  clock: Clock;
  config: Config;
}
