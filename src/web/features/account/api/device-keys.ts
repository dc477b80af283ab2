import {
  type OpenedKeys,
  openFromDevice,
  sealForDevice,
} from "../../../../client/crypto/account-keys.ts";
import { keyringFor } from "../../../../client/session.ts";
import { accountRoutes } from "../../../../contracts/account.ts";
import { api, currentKeyring, setKeyring } from "../../../ui/api-client.ts";
import { lockDevice, readStoredKeys, storeKeys } from "./device-storage.ts";

export { hasDeviceKeys, lockDevice } from "./device-storage.ts";

/** Holds the opened keys for this tab and seals a copy for the next reload or tab. */
export async function unlockDevice(opened: OpenedKeys, unlockKey: string): Promise<void> {
  setKeyring(keyringFor(api, opened));
  storeKeys({ userId: opened.userId, sealed: await sealForDevice(unlockKey, opened) });
}

/**
 * Opens this device's sealed copy for the signed-in person with the session's unlock key.
 * False when there is nothing that opens: the caller signs out cleanly rather than loop.
 */
export async function restoreDeviceKeys(userId: string): Promise<boolean> {
  if (currentKeyring()?.opened.userId === userId) return true;
  const stored = readStoredKeys();
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
