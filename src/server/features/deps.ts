import type { Config } from "../config.ts";
import type { Clock } from "../platform/clock.ts";
import type { RateLimits } from "../platform/rate-limit.ts";

/**
 * What every feature service is built from; buildApp creates it once. No database handle: each
 * service is handed its own stores, bound to a scope (see platform/access.ts).
 */
export interface ServiceDeps {
  clock: Clock;
  config: Config;
  limits: RateLimits;
}
