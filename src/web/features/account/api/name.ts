import { useMutation, useQueryClient } from "@tanstack/react-query";
import { accountRoutes } from "../../../../contracts/account.ts";
import { api } from "../../../ui/api-client.ts";
import { coupleQueryKey } from "../../couples/api/couple.ts";
import { meQueryKey } from "./me.ts";

/** A new display name; "who am I" and the couple's partners list both show it. */
export function useChangeName() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.call(accountRoutes.changeName, { body: { name } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      await queryClient.invalidateQueries({ queryKey: coupleQueryKey });
    },
  });
}
