import { createApi, fetchTransport, isApiError } from "../../client/api.ts";
import type { Keyring } from "../../client/sealing.ts";
import { keyOf, type Route } from "../../contracts/route.ts";

export { isApiError, keyOf };

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {};
let keyring: Keyring | null = null;

/** The app decides what a lost session means (clear state, go to sign-in). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

/** The signed-in person's opened keys, held in this tab's memory only. */
export function setKeyring(next: Keyring | null): void {
  keyring = next;
}

export function currentKeyring(): Keyring | null {
  return keyring;
}

/** The one API client, same-origin: every hook calls through it, and it seals and opens. */
export const api = createApi(fetchTransport(""), {
  onUnauthorized: () => onUnauthorized(),
  keyring: () => keyring,
});

/** Everything cached for a route's feature, for refreshing after a change. */
export function featureKey(route: Route) {
  return [route.tags[0] ?? ""] as const;
}
