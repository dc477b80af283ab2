import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { newItemId } from "../../../../client/crypto/account-keys.ts";
import {
  type AddStressorBody,
  type StressorsReply,
  stressorRoutes,
} from "../../../../contracts/stressors.ts";
import type { Draft } from "../../../../contracts/words.ts";
import type { StressorPlan } from "../../../../domain/stressors.ts";
import { api, keyOf } from "../../../ui/api-client.ts";
import { useRefreshingMutation } from "../../../ui/use-refreshing-mutation.ts";

export type Stressor = z.infer<typeof StressorsReply>["stressors"][number];
export type AddStressorInput = Draft<z.input<typeof AddStressorBody>>;

export const stressorsQueryKey = keyOf(stressorRoutes.list);

export function useStressors() {
  return useQuery({
    queryKey: stressorsQueryKey,
    queryFn: ({ signal }) => api.call(stressorRoutes.list, {}, { signal }),
    select: (reply) => reply.stressors,
  });
}

function useStressorMutation<V, R>(request: (variables: V) => Promise<R>) {
  return useRefreshingMutation([stressorsQueryKey], request);
}

export function useAddStressor() {
  return useStressorMutation((body: AddStressorInput) =>
    api.call(stressorRoutes.add, { body: { id: newItemId(), ...body } }),
  );
}

export function useSetStressorPlan() {
  return useStressorMutation(({ id, plan }: { id: string; plan: StressorPlan }) =>
    api.call(stressorRoutes.setPlan, { params: { id }, body: { plan } }),
  );
}

export function useRemoveStressor() {
  return useStressorMutation((id: string) => api.call(stressorRoutes.remove, { params: { id } }));
}
