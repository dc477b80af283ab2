import { useQuery } from "@tanstack/react-query";
import { publicConfigQuery } from "./public-config.ts";

/** Whether this instance sends e-mail, from the same cached settings the quick exit reads. */
export function useSendsMail(): boolean | undefined {
  return useQuery(publicConfigQuery).data?.mail;
}
