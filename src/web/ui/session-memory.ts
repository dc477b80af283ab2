import type { Keyring } from "../../client/sealing.ts";

/**
 * What this tab holds of the session: the opened keyring, and what a lost session means to the
 * app. Apart from the API client, so the first page can ask "is anyone unlocked here?" and say
 * what a lost session does without loading the client, its contracts and their validation.
 */
let keyring: Keyring | null = null;
let onUnauthorized: () => void = () => {};

/** The signed-in person's opened keys, held in this tab's memory only. */
export function setKeyring(next: Keyring | null): void {
  keyring = next;
}

export function currentKeyring(): Keyring | null {
  return keyring;
}

/** The app decides what a lost session means (clear state, go to sign-in). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export function reportUnauthorized(): void {
  onUnauthorized();
}
