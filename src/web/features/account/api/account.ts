import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { authKeyFor } from "../../../../client/session.ts";
import { accountRoutes } from "../../../../contracts/account.ts";
import { deriveInWorker } from "../../../crypto/derive.ts";
import { api, keyOf } from "../../../ui/api-client.ts";
import { useChangePassword as useChangePasswordKeys } from "./auth.ts";

export const sessionsQueryKey = keyOf(accountRoutes.sessions);

export function useChangePassword() {
  const queryClient = useQueryClient();
  const change = useChangePasswordKeys();
  return {
    ...change,
    mutateAsync: async (values: {
      email: string;
      currentPassword: string;
      newPassword: string;
    }) => {
      await change.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
    },
  };
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

/** Deletes the account, confirmed by the password. The caller moves on, then `forgetSession`. */
export function useDeleteAccount() {
  return useMutation({
    mutationFn: async ({ email, password }: { email: string; password: string }) => {
      const authKey = await authKeyFor(api, email, password, deriveInWorker);
      await api.call(
        accountRoutes.deleteAccount,
        { body: { authKey } },
        { expectUnauthorized: true },
      );
    },
  });
}
