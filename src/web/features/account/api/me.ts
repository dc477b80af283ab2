import { useQuery } from "@tanstack/react-query";
import { accountRoutes, type MeReply } from "../../../../contracts/account.ts";
import { api, isApiError, keyOf } from "../../../ui/api-client.ts";
import { hasDeviceKeys, lockDevice, restoreDeviceKeys } from "./device-keys.ts";

export const meQueryKey = keyOf(accountRoutes.me);

/**
 * What a change of person keeps in the cache: who is signed in (asked again at once) and the
 * instance's public settings. Everything else belonged to whoever was here before.
 */
export function outlivesSession(queryKey: readonly unknown[]): boolean {
  return queryKey[1] === accountRoutes.me.path || queryKey[1] === accountRoutes.config.path;
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
 * Who is signed in, and their couple; null when signed out (a 401 is the answer, not an error).
 * A session whose keys this device cannot open is ended here, so the person meets a clean
 * sign-in instead of screens that cannot read their own words.
 */
export async function getMe(): Promise<MeReply | null> {
  if (keepingRecoveryCode) return null;
  // A device with no keys is signed out for Mend's purposes; asking would only be answered 401.
  if (!hasDeviceKeys()) return null;
  try {
    const me = await api.call(accountRoutes.me, {}, { expectUnauthorized: true });
    if (await restoreDeviceKeys(me.user.id)) return me;
    await api.call(accountRoutes.logout, {}, { expectUnauthorized: true }).catch(() => {});
    return null;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      lockDevice();
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000 });
}
