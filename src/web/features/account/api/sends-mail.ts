import { useQuery } from "@tanstack/react-query";
import { accountRoutes } from "../../../../contracts/account.ts";
import { api } from "../../../ui/api-client.ts";
import { configQueryKey } from "./me.ts";

/** Whether this instance sends e-mail, from the same cached settings the quick exit reads. */
export function useSendsMail(): boolean | undefined {
  const config = useQuery({
    queryKey: configQueryKey,
    queryFn: ({ signal }) =>
      api.call(accountRoutes.config, {}, { signal, expectUnauthorized: true }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return config.data?.mail;
}
