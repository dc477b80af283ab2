import { useQuery } from "@tanstack/react-query";
import type { accountRoutes, MeReply } from "../../../../contracts/account.ts";
import { hasDeviceKeys } from "./device-storage.ts";

/*
 * The first page carries no API client: these paths are written out (and checked against the
 * contract by the type checker) so that asking "who is here?" costs nothing until someone is.
 */
type AccountRoutes = typeof accountRoutes;
const ME_PATH = "/api/me" satisfies AccountRoutes["me"]["path"];
export const CONFIG_PATH = "/api/config" satisfies AccountRoutes["config"]["path"];
export const LOGOUT_PATH = "/api/auth/logout" satisfies AccountRoutes["logout"]["path"];

/** keyOf(accountRoutes.me), the one key every screen reads and refreshes "who is here" by. */
export const meQueryKey = ["account", ME_PATH, null, null] as const;
/** keyOf(accountRoutes.config): the instance's public settings. */
export const configQueryKey = ["account", CONFIG_PATH, null, null] as const;

/**
 * What a change of person keeps in the cache: who is signed in (asked again at once) and the
 * instance's public settings. Everything else belonged to whoever was here before.
 */
export function outlivesSession(queryKey: readonly unknown[]): boolean {
  return queryKey[1] === ME_PATH || queryKey[1] === CONFIG_PATH;
}

/**
 * Between sign-up and "I have kept my recovery code" the app does not move on as signed in, so
 * no refetch can take the person away from the code before they kept it.
 */
let keepingRecoveryCode = false;
export function holdForRecoveryCode(holding: boolean): void {
  keepingRecoveryCode = holding;
}

/**
 * Who is signed in, and their couple; null when signed out. A device with no keys is signed
 * out for Mend's purposes: asking would only be answered 401, which a browser reports as an
 * error, so it is not asked, and the API client is loaded only for someone who may be here.
 */
export async function getMe(): Promise<MeReply | null> {
  if (keepingRecoveryCode || !hasDeviceKeys()) return null;
  const { askWhoIsSignedIn } = await import("./who-is-signed-in.ts");
  return askWhoIsSignedIn();
}

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: getMe,
    staleTime: 60_000,
    // Known at once on a device nobody signed in on: the first paint is the final one. (Asked
    // only when the cache first meets the query: reading the device's keys is not free.)
    initialData: () => (hasDeviceKeys() ? undefined : null),
  });
}
