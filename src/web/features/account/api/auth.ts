import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { accountRoutes, type LoginBody, type SignupBody } from "../../../../contracts/account.ts";
import { api } from "../../../ui/api-client.ts";
import { meQueryKey, outlivesSession } from "./me.ts";

export type SignupInput = z.input<typeof SignupBody>;
export type LoginInput = z.input<typeof LoginBody>;

/** A new person is signed in: forget anything cached for whoever was here before. */
async function startFreshSession(queryClient: QueryClient) {
  queryClient.removeQueries({
    predicate: (query) => !outlivesSession(query.queryKey),
  });
  await queryClient.refetchQueries({ queryKey: meQueryKey });
}

export function useSignup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof SignupBody>) => api.call(accountRoutes.signup, { body }),
    onSuccess: () => startFreshSession(queryClient),
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof LoginBody>) =>
      api.call(accountRoutes.login, { body }, { expectUnauthorized: true }),
    onSuccess: () => startFreshSession(queryClient),
  });
}

/** Forgets every cached answer and this tab's storage: call after leaving a session. */
export function forgetSession(queryClient: QueryClient): void {
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
