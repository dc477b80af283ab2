import {
  type OpenedKeys,
  openFromDevice,
  sealForDevice,
} from "../../../../client/crypto/account-keys.ts";
import { keyringFor } from "../../../../client/session.ts";
import { accountRoutes } from "../../../../contracts/account.ts";
import { api, currentKeyring, setKeyring } from "../../../ui/api-client.ts";

/**
 * What this device keeps of a person's keys between reloads and tabs: only their opened keys
 * sealed under the session's unlock key, which lives on the server with the session. Sign-out,
 * quick exit, expiry or a password change elsewhere end the session, and what is stored here
 * opens nothing any more.
 */
const STORAGE_KEY = "mend.device-keys";

interface Stored {
  userId: string;
  sealed: string;
}

function read(): Stored | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<Stored>) : null;
    return parsed && typeof parsed.userId === "string" && typeof parsed.sealed === "string"
      ? { userId: parsed.userId, sealed: parsed.sealed }
      : null;
  } catch {
    return null;
  }
}

/** Whether this device could be unlocked at all: without keys, a session opens nothing here. */
export function hasDeviceKeys(): boolean {
  return currentKeyring() !== null || read() !== null;
}

/** Holds the opened keys for this tab and seals a copy for the next reload or tab. */
export async function unlockDevice(opened: OpenedKeys, unlockKey: string): Promise<void> {
  setKeyring(keyringFor(api, opened));
  try {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ userId: opened.userId, sealed: await sealForDevice(unlockKey, opened) }),
    );
  } catch {
    // Without storage the keys live in this tab only; a reload asks to sign in again.
  }
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

/**
 * Opens this device's sealed copy for the signed-in person with the session's unlock key.
 * False when there is nothing that opens: the caller signs out cleanly rather than loop.
 */
export async function restoreDeviceKeys(userId: string): Promise<boolean> {
  if (currentKeyring()?.opened.userId === userId) return true;
  const stored = read();
  if (!stored || stored.userId !== userId) return false;
  try {
    const { unlockKey } = await api.call(accountRoutes.keys, {}, { expectUnauthorized: true });
    setKeyring(keyringFor(api, await openFromDevice(unlockKey, stored.sealed, userId)));
    return true;
  } catch {
    lockDevice();
    return false;
  }
}

/** After a password change: the same keys, sealed again under the new session's unlock key. */
export async function resealDeviceKeys(): Promise<void> {
  const opened = currentKeyring()?.opened;
  if (!opened) return;
  const { unlockKey } = await api.call(accountRoutes.keys);
  await unlockDevice(opened, unlockKey);
}
