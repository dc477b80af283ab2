import { QueryClient } from "@tanstack/react-query";
import { failedWithStatus } from "../ui/failure.ts";

/** One cache for the app; quick exit and sign-out clear it. */
export const queryClient = new QueryClient({
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
