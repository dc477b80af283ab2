import type { PublicConfig } from "../../../../contracts/account.ts";
import { CONFIG_PATH, configQueryKey } from "./me.ts";

/*
 * Every page wants the instance's public settings (where quick exit goes, whether mail is sent),
 * and a signed-out page wants little else: reading them through the API client would make
 * every such page load and build the client and its schemas, the heaviest code it could run.
 * So these three fields are checked here, by type; `satisfies` keeps the list to the
 * contract's fields, and test/web/public-config.test.ts holds the check to its schema.
 */
const FIELD_TYPES = {
  quickExitUrl: "string",
  instanceName: "string",
  mail: "boolean",
} as const satisfies Record<keyof PublicConfig, "string" | "boolean">;

/** The settings in `body`, or null where a field is missing or of another type. */
export function readPublicConfig(body: unknown): PublicConfig | null {
  if (typeof body !== "object" || body === null) return null;
  const fields = body as Record<string, unknown>;
  const wrong = Object.entries(FIELD_TYPES).some(([name, type]) => typeof fields[name] !== type);
  if (wrong) return null;
  return {
    quickExitUrl: fields.quickExitUrl as string,
    instanceName: fields.instanceName as string,
    mail: fields.mail as boolean,
  };
}

async function fetchPublicConfig(signal: AbortSignal): Promise<PublicConfig> {
  const response = await fetch(CONFIG_PATH, {
    headers: { accept: "application/json" },
    credentials: "same-origin",
    cache: "no-store",
    signal,
  });
  const config = response.ok ? readPublicConfig(await response.json().catch(() => null)) : null;
  if (!config) throw new Error(`Mend's public settings did not come (HTTP ${response.status}).`);
  return config;
}

/** The one query of the public settings, for the quick exit and every screen that asks. */
export const publicConfigQuery = {
  queryKey: configQueryKey,
  queryFn: ({ signal }: { signal: AbortSignal }) => fetchPublicConfig(signal),
  staleTime: Number.POSITIVE_INFINITY,
};
