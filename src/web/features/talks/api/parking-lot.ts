import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  ParkingItemReply,
  ParkingLotReply,
  type RaiseTopicBody,
} from "../../../../contracts/talks.ts";
import { apiRequest } from "../../../ui/api-client.ts";

export type ParkingItem = z.infer<typeof ParkingLotReply>["items"][number];
export type RaiseTopicInput = z.output<typeof RaiseTopicBody>;

export const parkingLotQueryKey = ["parking-lot"] as const;

/** Topics waiting for the next talk time, and those already talked about. */
export function useParkingLot(enabled = true) {
  return useQuery({
    queryKey: parkingLotQueryKey,
    queryFn: ({ signal }) => apiRequest("/api/parking-lot", ParkingLotReply, { signal }),
    select: (reply) => reply.items,
    refetchInterval: 60_000,
    enabled,
  });
}

function useParkingMutation<V>(
  request: (variables: V) => Promise<z.infer<typeof ParkingItemReply>>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () => queryClient.invalidateQueries({ queryKey: parkingLotQueryKey }),
  });
}

export function useRaiseTopic() {
  return useParkingMutation((body: RaiseTopicInput) =>
    apiRequest("/api/parking-lot", ParkingItemReply, { method: "POST", body }),
  );
}

export type TopicAction = "discussed" | "carry-over";

export function useTopicAction() {
  return useParkingMutation(({ id, action }: { id: string; action: TopicAction }) =>
    apiRequest(`/api/parking-lot/${encodeURIComponent(id)}/${action}`, ParkingItemReply, {
      method: "POST",
    }),
  );
}
