import { useQuery } from "@tanstack/react-query";
import { MeReply } from "../../../../contracts/account.ts";
import { apiRequest, isApiError } from "../../../ui/api-client.ts";

export const meQueryKey = ["me"] as const;

/** Who is signed in, and their couple; null when signed out (a 401 is the answer, not an error). */
export async function getMe(): Promise<MeReply | null> {
  try {
    return await apiRequest("/api/me", MeReply, { expectUnauthorized: true });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000 });
}
