import { useMutation, useQueryClient } from "@tanstack/react-query";
import { authKeyFor } from "../../../../client/session.ts";
import { accountRoutes } from "../../../../contracts/account.ts";
import { deriveInWorker } from "../../../crypto/derive.ts";
import { api } from "../../../ui/api-client.ts";
import { meQueryKey } from "./me.ts";

/**
 * A new sign-in address, proved by the password (derived here, never sent). The answer is the
 * account with its new address, or nothing when a link went to the new address first.
 */
export function useChangeEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (values: { current: string; email: string; password: string }) => {
      const authKey = await authKeyFor(api, values.current, values.password, deriveInWorker);
      return api.call(accountRoutes.changeEmail, { body: { email: values.email, authKey } });
    },
    onSuccess: async (reply) => {
      if (reply) await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

/** Following the link a new address received: works signed in or not. */
export function useConfirmEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      api.call(accountRoutes.confirmEmail, { body: { token } }, { expectUnauthorized: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
