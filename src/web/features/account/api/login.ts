import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { LoginForm } from "../../../../contracts/account.ts";

/*
 * The sign-in page shows a form and nothing else: what signing in runs (the API client, its
 * schemas, the key derivation, the device's keys) comes when someone is about to use it, not
 * with the page, whose first paint would otherwise wait for all of it on a slow phone.
 */
const loadSignIn = () => import("./auth.ts");

/** The sign-in form's schema, loaded with the code that checks it. */
export const loadLoginSchema = () =>
  import("../../../../contracts/account.ts").then((contract) => contract.LoginForm);

/** Starts loading what signing in needs: the form is in use. Submitting says if it failed. */
export function preloadSignIn(): void {
  loadSignIn().catch(() => undefined);
  loadLoginSchema().catch(() => undefined);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (values: z.output<typeof LoginForm>) =>
      (await loadSignIn()).signInAndStart(queryClient, values),
  });
}
