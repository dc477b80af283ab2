import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  changePassword,
  recover,
  signIn,
  signUp,
  type Unlocked,
} from "../../../../client/session.ts";
import {
  accountRoutes,
  type LoginForm,
  type RecoverForm,
  type SignupForm,
} from "../../../../contracts/account.ts";
import { deriveInWorker } from "../../../crypto/derive.ts";
import { api, currentKeyring } from "../../../ui/api-client.ts";
import { lockDevice, resealDeviceKeys, unlockDevice } from "./device-keys.ts";
import { holdForRecoveryCode, meQueryKey, outlivesSession } from "./me.ts";

/** A new person is signed in and unlocked: forget anything cached for whoever was here before. */
async function startFreshSession(queryClient: QueryClient, unlocked: Unlocked) {
  holdForRecoveryCode(false);
  await unlockDevice(unlocked.opened, unlocked.unlockKey);
  queryClient.removeQueries({
    predicate: (query) => !outlivesSession(query.queryKey),
  });
  await queryClient.refetchQueries({ queryKey: meQueryKey });
}

/**
 * Sign-up makes the keys in this browser; the answer carries the recovery code, which the
 * caller shows once before going on. The session starts unlocked at once.
 */
export function useSignup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (values: z.output<typeof SignupForm> & { token?: string }) => {
      holdForRecoveryCode(true);
      try {
        const unlocked = await signUp(api, values, deriveInWorker);
        await unlockDevice(unlocked.opened, unlocked.unlockKey);
        return unlocked;
      } catch (error) {
        holdForRecoveryCode(false);
        throw error;
      }
    },
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (query) => !outlivesSession(query.queryKey) });
    },
  });
}

/** Once the recovery code is kept: the app moves on as signed in. */
export function useFinishSignup() {
  const queryClient = useQueryClient();
  return () => {
    holdForRecoveryCode(false);
    return queryClient.refetchQueries({ queryKey: meQueryKey });
  };
}

/** Signs in and starts the session unlocked; `useLogin` (login.ts) loads this when needed. */
export async function signInAndStart(
  queryClient: QueryClient,
  values: z.output<typeof LoginForm>,
): Promise<void> {
  await startFreshSession(queryClient, await signIn(api, values, deriveInWorker));
}

/** Forgot the password, kept the code: a new password and a new code, shown once. */
export function useRecover() {
  return useMutation({
    mutationFn: async (values: z.output<typeof RecoverForm>) => {
      holdForRecoveryCode(true);
      try {
        const unlocked = await recover(
          api,
          { email: values.email, code: values.code, newPassword: values.newPassword },
          deriveInWorker,
        );
        await unlockDevice(unlocked.opened, unlocked.unlockKey);
        return unlocked;
      } catch (error) {
        holdForRecoveryCode(false);
        throw error;
      }
    },
  });
}

/** A new password for the same keys; this device stays unlocked, every other one is signed out. */
export function useChangePassword() {
  return useMutation({
    mutationFn: async (values: { email: string; currentPassword: string; newPassword: string }) => {
      const opened = currentKeyring()?.opened;
      if (!opened) throw new Error("Your private space is locked on this device.");
      await changePassword(api, { ...values, opened }, deriveInWorker);
      await resealDeviceKeys();
    },
  });
}

/** Forgets every cached answer, this tab's storage and this device's keys. */
export function forgetSession(queryClient: QueryClient): void {
  lockDevice();
  queryClient.clear();
  queryClient.setQueryData(meQueryKey, null);
  try {
    sessionStorage.clear();
  } catch {
    // storage may be unavailable; nothing to clear then
  }
}

/**
 * Ends the session on the server. The caller moves on first (so no guard sends it to sign-in)
 * and then calls `forgetSession`.
 */
export function useLogout() {
  return useMutation({
    mutationFn: () => api.call(accountRoutes.logout, {}, { expectUnauthorized: true }),
  });
}
