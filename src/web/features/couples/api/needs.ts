import { useQuery } from "@tanstack/react-query";
import { needsRoutes } from "../../../../contracts/needs.ts";
import { api } from "../../../ui/api-client.ts";
import { needsQueryKey } from "./needs-key.ts";

/**
 * What waits for this person, worked out by the server. Any change can alter it, so every live
 * change and every change made here refreshes it (events.ts, query-client.ts), and it polls
 * gently for what time alone brings (a review falling due, a day to mark).
 */
export function useNeeds() {
  return useQuery({
    queryKey: needsQueryKey,
    queryFn: ({ signal }) => api.call(needsRoutes.list, {}, { signal }),
    refetchInterval: 30_000,
  });
}
