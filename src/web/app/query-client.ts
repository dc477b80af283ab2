import { MutationCache, QueryClient } from "@tanstack/react-query";
import { needsQueryKey } from "../features/couples/api/needs-key.ts";
import { failedWithStatus } from "../ui/failure.ts";

/** One cache for the app; quick exit and sign-out clear it. */
export const queryClient: QueryClient = new QueryClient({
  // Whatever a change touched, what waits for this person may have changed with it.
  mutationCache: new MutationCache({
    onSettled: () => queryClient.invalidateQueries({ queryKey: needsQueryKey }),
  }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      gcTime: 5 * 60_000,
      refetchOnWindowFocus: true,
      retry: (failureCount, error) => {
        // A 4xx answer will not change by asking again.
        const status = failedWithStatus(error);
        if (status !== null && status >= 400 && status < 500) return false;
        return failureCount < 2;
      },
    },
    mutations: { retry: false },
  },
});
