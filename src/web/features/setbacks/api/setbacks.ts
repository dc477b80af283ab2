import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { newItemId } from "../../../../client/crypto/account-keys.ts";
import {
  milestoneRoutes,
  type Setback,
  type SetbackBody,
  type SetbacksReply,
  setbackRoutes,
} from "../../../../contracts/setbacks.ts";
import type { Draft } from "../../../../contracts/words.ts";
import { api, featureKey, isApiError, keyOf } from "../../../ui/api-client.ts";
import { useRefreshingMutation } from "../../../ui/use-refreshing-mutation.ts";

export type { Setback };
export type SetbacksData = z.infer<typeof SetbacksReply>;
export type SetbackInput = Draft<z.output<typeof SetbackBody>>;

export const setbacksQueryKey = keyOf(setbackRoutes.list);
const setbacksFeature = featureKey(setbackRoutes.list);
/** A setback repaired within two days is a milestone. */
const milestonesFeature = featureKey(milestoneRoutes.list);

/** Every setback with its steps and repair, the hours each repair took, and their trend. */
export function useSetbacks() {
  return useQuery({
    queryKey: setbacksQueryKey,
    queryFn: ({ signal }) => api.call(setbackRoutes.list, {}, { signal }),
    refetchInterval: 30_000,
  });
}

export function useLogSetback() {
  return useRefreshingMutation([setbacksFeature], (input: SetbackInput) =>
    api.call(setbackRoutes.log, { body: { id: newItemId(), ...input } }),
  );
}

export function useAddStep() {
  return useRefreshingMutation([setbacksFeature], ({ id, text }: { id: string; text: string }) =>
    api.call(setbackRoutes.step, { params: { id }, body: { id: newItemId(), text } }),
  );
}

export function useSayRepaired() {
  return useRefreshingMutation([setbacksFeature, milestonesFeature], (id: string) =>
    api.call(setbackRoutes.repaired, { params: { id } }),
  );
}

/** The setback moved on since this screen read it (repaired meanwhile, or said so already). */
export function isSetbackMovedOn(error: unknown): boolean {
  return isApiError(error) && error.code === "setback_state";
}
