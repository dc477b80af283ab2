import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type ChangePasswordBody,
  type DeleteAccountBody,
  SessionsReply,
} from "../../../../contracts/account.ts";
import { apiRequest, apiSend } from "../../../ui/api-client.ts";

export type ChangePasswordInput = z.input<typeof ChangePasswordBody>;
export type DeleteAccountInput = z.input<typeof DeleteAccountBody>;

export const sessionsQueryKey = ["account", "sessions"] as const;

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof ChangePasswordBody>) =>
      apiSend("/api/account/password", { body, expectUnauthorized: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}

export function useSessions() {
  return useQuery({
    queryKey: sessionsQueryKey,
    queryFn: ({ signal }) => apiRequest("/api/account/sessions", SessionsReply, { signal }),
  });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiSend(`/api/account/sessions/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}

/** Deletes the account. The caller moves on, then calls `forgetSession`. */
export function useDeleteAccount() {
  return useMutation({
    mutationFn: (body: z.output<typeof DeleteAccountBody>) =>
      apiSend("/api/account", { method: "DELETE", body, expectUnauthorized: true }),
  });
}
