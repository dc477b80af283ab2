import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  accountRoutes,
  type ChangePasswordBody,
  type DeleteAccountBody,
} from "../../../../contracts/account.ts";
import { api, keyOf } from "../../../ui/api-client.ts";

export type ChangePasswordInput = z.input<typeof ChangePasswordBody>;
export type DeleteAccountInput = z.input<typeof DeleteAccountBody>;

export const sessionsQueryKey = keyOf(accountRoutes.sessions);

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof ChangePasswordBody>) =>
      api.call(accountRoutes.changePassword, { body }, { expectUnauthorized: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}

export function useSessions() {
  return useQuery({
    queryKey: sessionsQueryKey,
    queryFn: ({ signal }) => api.call(accountRoutes.sessions, {}, { signal }),
  });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.call(accountRoutes.endSession, { params: { id } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}

/** Deletes the account. The caller moves on, then calls `forgetSession`. */
export function useDeleteAccount() {
  return useMutation({
    mutationFn: (body: z.output<typeof DeleteAccountBody>) =>
      api.call(accountRoutes.deleteAccount, { body }, { expectUnauthorized: true }),
  });
}
