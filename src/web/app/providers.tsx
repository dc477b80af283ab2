import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { lockDevice } from "../features/account/api/device-storage.ts";
import { meQueryKey, outlivesSession } from "../features/account/api/me.ts";
import { setUnauthorizedHandler } from "../ui/session-memory.ts";
import { queryClient } from "./query-client.ts";

// A lost session anywhere: forget what we knew. The route guards then lead to sign-in,
// with `?next=` pointing back here.
setUnauthorizedHandler(() => {
  lockDevice();
  queryClient.removeQueries({ predicate: (query) => !outlivesSession(query.queryKey) });
  queryClient.setQueryData(meQueryKey, null);
});

export function AppProviders({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
