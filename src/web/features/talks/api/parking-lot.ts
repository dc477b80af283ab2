import { useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { newItemId } from "../../../../client/crypto/account-keys.ts";
import {
  type ParkingLotReply,
  type RaiseTopicBody,
  talkRoutes,
} from "../../../../contracts/talks.ts";
import type { Draft } from "../../../../contracts/words.ts";
import { api, keyOf } from "../../../ui/api-client.ts";
import { useRefreshingMutation } from "../../../ui/use-refreshing-mutation.ts";

export type ParkingItem = z.infer<typeof ParkingLotReply>["items"][number];
export type RaiseTopicInput = Draft<z.output<typeof RaiseTopicBody>>;

export const parkingLotQueryKey = keyOf(talkRoutes.parkingLot);

/**
 * Topics waiting for the next talk time (all of them), and those already talked about, a page
 * at a time: `fetchNextPage` brings the ones before, and every loaded page is refreshed together.
 */
export function useParkingLot(enabled = true) {
  return useInfiniteQuery({
    queryKey: parkingLotQueryKey,
    queryFn: ({ signal, pageParam }) =>
      api.call(
        talkRoutes.parkingLot,
        { query: pageParam === null ? {} : { before: pageParam } },
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.earlier,
    select: (data) => data.pages.flatMap((page) => page.items),
    refetchInterval: 60_000,
    enabled,
  });
}

function useParkingMutation<V, R>(request: (variables: V) => Promise<R>) {
  return useRefreshingMutation([parkingLotQueryKey], request);
}

export function useRaiseTopic() {
  return useParkingMutation((body: RaiseTopicInput) =>
    api.call(talkRoutes.raiseTopic, { body: { id: newItemId(), ...body } }),
  );
}

/** Puts a topic on the talk's agenda or takes it off: one agenda, on both phones. */
export function useSetAgenda() {
  return useParkingMutation(({ id, on }: { id: string; on: boolean }) =>
    api.call(talkRoutes.agenda, { params: { id }, body: { on } }),
  );
}

/** New words for one's own open topic. */
export function useEditTopic() {
  return useParkingMutation(({ id, topic }: { id: string; topic: string }) =>
    api.call(talkRoutes.editTopic, { params: { id }, body: { topic } }),
  );
}

/** Takes one's own open topic back. */
export function useWithdrawTopic() {
  return useParkingMutation((id: string) => api.call(talkRoutes.withdrawTopic, { params: { id } }));
}

export type TopicAction = "discussed" | "carry-over";

export function useTopicAction() {
  return useParkingMutation(({ id, action }: { id: string; action: TopicAction }) =>
    api.call(action === "discussed" ? talkRoutes.discussed : talkRoutes.carryOver, {
      params: { id },
    }),
  );
}
