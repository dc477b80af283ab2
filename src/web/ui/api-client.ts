import { createApi, fetchTransport, isApiError } from "../../client/api.ts";
import { keyOf, type Route } from "../../contracts/route.ts";

export { isApiError, keyOf };

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {};

/** The app decides what a lost session means (clear state, go to sign-in). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

/** The one API client, same-origin: every hook calls through it. */
export const api = createApi(fetchTransport(""), { onUnauthorized: () => onUnauthorized() });

/** Everything cached for a route's feature, for refreshing after a change. */
export function featureKey(route: Route) {
  return [route.tags[0] ?? ""] as const;
}
