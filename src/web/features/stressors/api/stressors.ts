import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type AddStressorBody,
  StressorReply,
  StressorsReply,
} from "../../../../contracts/stressors.ts";
import type { StressorPlan } from "../../../../domain/stressors.ts";
import { apiRequest, apiSend } from "../../../ui/api-client.ts";

export type Stressor = z.infer<typeof StressorsReply>["stressors"][number];
export type AddStressorInput = z.output<typeof AddStressorBody>;

export const stressorsQueryKey = ["stressors"] as const;

export function useStressors() {
  return useQuery({
    queryKey: stressorsQueryKey,
    queryFn: ({ signal }) => apiRequest("/api/stressors", StressorsReply, { signal }),
    select: (reply) => reply.stressors,
  });
}

function useStressorMutation<V, R>(request: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () => queryClient.invalidateQueries({ queryKey: stressorsQueryKey }),
  });
}

const path = (id: string) => `/api/stressors/${encodeURIComponent(id)}`;

export function useAddStressor() {
  return useStressorMutation((body: AddStressorInput) =>
    apiRequest("/api/stressors", StressorReply, { method: "POST", body }),
  );
}

export function useSetStressorPlan() {
  return useStressorMutation(({ id, plan }: { id: string; plan: StressorPlan }) =>
    apiRequest(path(id), StressorReply, { method: "POST", body: { plan } }),
  );
}

export function useRemoveStressor() {
  return useStressorMutation((id: string) => apiSend(path(id), { method: "DELETE" }));
}
