import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { newItemId } from "../../../../client/crypto/account-keys.ts";
import {
  type HurtBody,
  type HurtEntry,
  type HurtReply,
  hurtRoutes,
} from "../../../../contracts/hurt.ts";
import type { Draft } from "../../../../contracts/words.ts";
import { api, featureKey, keyOf } from "../../../ui/api-client.ts";
import { useRefreshingMutation } from "../../../ui/use-refreshing-mutation.ts";

export type { HurtEntry };
export type HurtData = z.infer<typeof HurtReply>;
export type RepairLine = HurtData["series"][number];
export type HurtInput = Draft<z.output<typeof HurtBody>>;

/** The viewer's own entries and the partner's shared ones, with one repair line per person. */
export function useHurt() {
  return useQuery({
    queryKey: keyOf(hurtRoutes.list),
    queryFn: ({ signal }) => api.call(hurtRoutes.list, {}, { signal }),
    refetchInterval: 60_000,
  });
}

export function useRecordHurt() {
  return useRefreshingMutation([featureKey(hurtRoutes.list)], (body: HurtInput) =>
    api.call(hurtRoutes.record, { body: { id: newItemId(), ...body } }),
  );
}
