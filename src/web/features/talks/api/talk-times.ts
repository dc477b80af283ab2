import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { newItemId } from "../../../../client/crypto/account-keys.ts";
import { coupleRoutes } from "../../../../contracts/couples.ts";
import {
  type ProposeTalkTimeBody,
  type TalkLogBody,
  type TalkLogsReply,
  type TalkTime,
  type TalkTimesReply,
  talkRoutes,
} from "../../../../contracts/talks.ts";
import type { Draft } from "../../../../contracts/words.ts";
import { api, keyOf } from "../../../ui/api-client.ts";
import { useRefreshingMutation } from "../../../ui/use-refreshing-mutation.ts";

export type { TalkTime };
export type TalkTimesData = z.infer<typeof TalkTimesReply>;
export type TalkWindowData = NonNullable<TalkTimesData["next"]>;
export type TalkLog = z.infer<typeof TalkLogsReply>["logs"][number];
export type ProposeTalkTimeInput = z.output<typeof ProposeTalkTimeBody>;
export type TalkLogInput = Draft<z.input<typeof TalkLogBody>>;

export const talkTimesQueryKey = keyOf(talkRoutes.talkTimes);
export const talkLogsQueryKey = keyOf(talkRoutes.talkLogs);
/** Talk times and their logs feed the readiness checklist. */
const coupleKey = keyOf(coupleRoutes.view);

/** The couple's talk times, the next window and the one waiting for the viewer's log. */
export function useTalkTimes(enabled = true) {
  return useQuery({
    queryKey: talkTimesQueryKey,
    queryFn: ({ signal }) => api.call(talkRoutes.talkTimes, {}, { signal }),
    refetchInterval: 60_000,
    enabled,
  });
}

/**
 * How past talks went, the viewer's own logs and what the partner shared: the newest page, and
 * `fetchNextPage` for the ones before; every loaded page is refreshed together.
 */
export function useTalkLogs() {
  return useInfiniteQuery({
    queryKey: talkLogsQueryKey,
    queryFn: ({ signal, pageParam }) =>
      api.call(
        talkRoutes.talkLogs,
        { query: pageParam === null ? {} : { before: pageParam } },
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.earlier,
    select: (data) => data.pages.flatMap((page) => page.logs),
  });
}

function useTalkMutation<V, R>(request: (variables: V) => Promise<R>) {
  return useRefreshingMutation([talkTimesQueryKey, talkLogsQueryKey, coupleKey], request);
}

export function useProposeTalkTime() {
  return useTalkMutation((body: ProposeTalkTimeInput) =>
    api.call(talkRoutes.proposeTalkTime, { body }),
  );
}

const STEPS = {
  accept: talkRoutes.acceptTalkTime,
  decline: talkRoutes.declineTalkTime,
  withdraw: talkRoutes.withdrawTalkTime,
  end: talkRoutes.endTalkTime,
};
export type TalkTimeAction = keyof typeof STEPS;

export function useTalkTimeAction() {
  return useTalkMutation(({ id, action }: { id: string; action: TalkTimeAction }) =>
    api.call(STEPS[action], { params: { id } }),
  );
}

/** "How about another time?": a new proposal back to the partner. */
export function useCounterTalkTime() {
  return useTalkMutation(({ id, body }: { id: string; body: ProposeTalkTimeInput }) =>
    api.call(talkRoutes.counterTalkTime, { params: { id }, body }),
  );
}

/** The one-minute log after a window. */
export function useLogTalk() {
  return useTalkMutation(({ talkTimeId, body }: { talkTimeId: string; body: TalkLogInput }) =>
    api.call(talkRoutes.logTalk, {
      params: { id: talkTimeId },
      body: { id: newItemId(), ...body },
    }),
  );
}
