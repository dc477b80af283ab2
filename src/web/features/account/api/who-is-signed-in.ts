import { accountRoutes, type MeReply } from "../../../../contracts/account.ts";
import { api, isApiError } from "../../../ui/api-client.ts";
import { lockDevice, restoreDeviceKeys } from "./device-keys.ts";

/**
 * Asks the server who is signed in (a 401 is the answer, not an error). A session whose keys
 * this device cannot open is ended here, so the person meets a clean sign-in instead of screens
 * that cannot read their own words.
 */
export async function askWhoIsSignedIn(): Promise<MeReply | null> {
  try {
    const me = await api.call(accountRoutes.me, {}, { expectUnauthorized: true });
    if (await restoreDeviceKeys(me.user.id)) return me;
    await api.call(accountRoutes.logout, {}, { expectUnauthorized: true }).catch(() => {});
    return null;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      lockDevice();
      return null;
    }
    throw error;
  }
}
