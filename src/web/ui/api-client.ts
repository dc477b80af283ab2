import { createApi, fetchTransport, isApiError } from "../../client/api.ts";
import { keyOf, type Route } from "../../contracts/route.ts";
import { currentKeyring, reportUnauthorized } from "./session-memory.ts";

export { currentKeyring, setKeyring, setUnauthorizedHandler } from "./session-memory.ts";
export { isApiError, keyOf };

/** The one API client, same-origin: every hook calls through it, and it seals and opens. */
export const api = createApi(fetchTransport(""), {
  onUnauthorized: reportUnauthorized,
  keyring: currentKeyring,
});

/** Everything cached for a route's feature, for refreshing after a change. */
export function featureKey(route: Route) {
  return [route.tags[0] ?? ""] as const;
}
