import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type AddCirclePersonBody,
  CirclePersonReply,
  CircleReply,
} from "../../../../contracts/circle.ts";
import { apiRequest, apiSend } from "../../../ui/api-client.ts";

export type CirclePerson = z.infer<typeof CircleReply>["people"][number];
export type AddCirclePersonInput = z.output<typeof AddCirclePersonBody>;

export const circleQueryKey = ["circle"] as const;

export function useCircle() {
  return useQuery({
    queryKey: circleQueryKey,
    queryFn: ({ signal }) => apiRequest("/api/circle", CircleReply, { signal }),
    select: (reply) => reply.people,
    refetchInterval: 60_000,
  });
}

function useCircleMutation<V, R>(request: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () => queryClient.invalidateQueries({ queryKey: circleQueryKey }),
  });
}

const path = (id: string) => `/api/circle/${encodeURIComponent(id)}`;

export function useAddCirclePerson() {
  return useCircleMutation((body: AddCirclePersonInput) =>
    apiRequest("/api/circle", CirclePersonReply, { method: "POST", body }),
  );
}

/** The other partner's answers to a name: agreed, or a concern in their words. */
export function useAgreePerson() {
  return useCircleMutation((id: string) =>
    apiRequest(`${path(id)}/agree`, CirclePersonReply, { method: "POST" }),
  );
}

export function useRaiseConcern() {
  return useCircleMutation(({ id, concern }: { id: string; concern: string }) =>
    apiRequest(`${path(id)}/concern`, CirclePersonReply, { method: "POST", body: { concern } }),
  );
}

export function useRemovePerson() {
  return useCircleMutation((id: string) => apiSend(path(id), { method: "DELETE" }));
}
