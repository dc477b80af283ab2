import { currentKeyring, setKeyring } from "../../../ui/session-memory.ts";

/**
 * What this device keeps of a person's keys between reloads and tabs: only their opened keys
 * sealed under the session's unlock key, which lives on the server with the session. Sign-out,
 * quick exit, expiry or a password change elsewhere end the session, and what is stored here
 * opens nothing any more. This part needs no cryptography, so the first page can read it.
 */
const STORAGE_KEY = "mend.device-keys";

export interface StoredDeviceKeys {
  userId: string;
  sealed: string;
}

export function readStoredKeys(): StoredDeviceKeys | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<StoredDeviceKeys>) : null;
    return parsed && typeof parsed.userId === "string" && typeof parsed.sealed === "string"
      ? { userId: parsed.userId, sealed: parsed.sealed }
      : null;
  } catch {
    return null;
  }
}

export function storeKeys(stored: StoredDeviceKeys): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
  } catch {
    // Without storage the keys live in this tab only; a reload asks to sign in again.
  }
}

/**
 * Whether this device could be unlocked at all: without keys, a session opens nothing here.
 * Only a sign-in on this device leaves keys, so without them nobody is asked about at all.
 */
export function hasDeviceKeys(): boolean {
  return currentKeyring() !== null || readStoredKeys() !== null;
}

/** Forgets the keys in memory and on the device. */
export function lockDevice(): void {
  setKeyring(null);
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing stored, nothing to forget
  }
}
