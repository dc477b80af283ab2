import { useQuery } from "@tanstack/react-query";
import { accountRoutes, type MeReply } from "../../../../contracts/account.ts";
import { api, isApiError, keyOf } from "../../../ui/api-client.ts";

export const meQueryKey = keyOf(accountRoutes.me);

/**
 * What a change of person keeps in the cache: who is signed in (asked again at once) and the
 * instance's public settings. Everything else belonged to whoever was here before.
 */
export function outlivesSession(queryKey: readonly unknown[]): boolean {
  return queryKey[1] === accountRoutes.me.path || queryKey[1] === accountRoutes.config.path;
}

/** Who is signed in, and their couple; null when signed out (a 401 is the answer, not an error). */
export async function getMe(): Promise<MeReply | null> {
  try {
    return await api.call(accountRoutes.me, {}, { expectUnauthorized: true });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000 });
}
