import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { newItemId } from "../../../../client/crypto/account-keys.ts";
import {
  type AddCirclePersonBody,
  type CircleReply,
  circleRoutes,
} from "../../../../contracts/circle.ts";
import type { Draft } from "../../../../contracts/words.ts";
import { api, keyOf } from "../../../ui/api-client.ts";
import { useRefreshingMutation } from "../../../ui/use-refreshing-mutation.ts";

export type CirclePerson = z.infer<typeof CircleReply>["people"][number];
export type AddCirclePersonInput = Draft<z.output<typeof AddCirclePersonBody>>;

export const circleQueryKey = keyOf(circleRoutes.list);

export function useCircle() {
  return useQuery({
    queryKey: circleQueryKey,
    queryFn: ({ signal }) => api.call(circleRoutes.list, {}, { signal }),
    select: (reply) => reply.people,
    refetchInterval: 60_000,
  });
}

function useCircleMutation<V, R>(request: (variables: V) => Promise<R>) {
  return useRefreshingMutation([circleQueryKey], request);
}

export function useAddCirclePerson() {
  return useCircleMutation((body: AddCirclePersonInput) =>
    api.call(circleRoutes.add, { body: { id: newItemId(), ...body } }),
  );
}

/** The other partner's answers to a name: agreed, or a concern in their words. */
export function useAgreePerson() {
  return useCircleMutation((id: string) => api.call(circleRoutes.agree, { params: { id } }));
}

export function useRaiseConcern() {
  return useCircleMutation(({ id, concern }: { id: string; concern: string }) =>
    api.call(circleRoutes.concern, { params: { id }, body: { concern } }),
  );
}

export function useRemovePerson() {
  return useCircleMutation((id: string) => api.call(circleRoutes.remove, { params: { id } }));
}
