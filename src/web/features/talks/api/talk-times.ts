import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type ProposeTalkTimeBody,
  type TalkLogBody,
  TalkLogReply,
  TalkLogsReply,
  type TalkTime,
  TalkTimeReply,
  TalkTimesReply,
} from "../../../../contracts/talks.ts";
import { apiRequest } from "../../../ui/api-client.ts";

export type { TalkTime };
export type TalkTimesData = z.infer<typeof TalkTimesReply>;
export type TalkWindowData = NonNullable<TalkTimesData["next"]>;
export type TalkLog = z.infer<typeof TalkLogsReply>["logs"][number];
export type ProposeTalkTimeInput = z.output<typeof ProposeTalkTimeBody>;
export type TalkLogInput = z.output<typeof TalkLogBody>;

export const talkTimesQueryKey = ["talk-times"] as const;
export const talkLogsQueryKey = ["talk-logs"] as const;
/** Talk times and their logs feed the readiness checklist. */
const coupleKey = ["couple"] as const;

/** The couple's talk times, the next window and the one waiting for the viewer's log. */
export function useTalkTimes(enabled = true) {
  return useQuery({
    queryKey: talkTimesQueryKey,
    queryFn: ({ signal }) => apiRequest("/api/talk-times", TalkTimesReply, { signal }),
    refetchInterval: 60_000,
    enabled,
  });
}

/** How past talks went: the viewer's own logs and what the partner shared. */
export function useTalkLogs() {
  return useQuery({
    queryKey: talkLogsQueryKey,
    queryFn: ({ signal }) => apiRequest("/api/talk-logs", TalkLogsReply, { signal }),
    select: (reply) => reply.logs,
  });
}

function useTalkMutation<V, R>(request: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: talkTimesQueryKey }),
        queryClient.invalidateQueries({ queryKey: talkLogsQueryKey }),
        queryClient.invalidateQueries({ queryKey: coupleKey }),
      ]),
  });
}

const path = (id: string, action: string) => `/api/talk-times/${encodeURIComponent(id)}/${action}`;

export function useProposeTalkTime() {
  return useTalkMutation((body: ProposeTalkTimeInput) =>
    apiRequest("/api/talk-times", TalkTimeReply, { method: "POST", body }),
  );
}

export type TalkTimeAction = "accept" | "decline" | "withdraw" | "end";

export function useTalkTimeAction() {
  return useTalkMutation(({ id, action }: { id: string; action: TalkTimeAction }) =>
    apiRequest(path(id, action), TalkTimeReply, { method: "POST" }),
  );
}

/** "How about another time?": a new proposal back to the partner. */
export function useCounterTalkTime() {
  return useTalkMutation(({ id, body }: { id: string; body: ProposeTalkTimeInput }) =>
    apiRequest(path(id, "counter"), TalkTimeReply, { method: "POST", body }),
  );
}

/** The one-minute log after a window. */
export function useLogTalk() {
  return useTalkMutation(({ talkTimeId, body }: { talkTimeId: string; body: TalkLogInput }) =>
    apiRequest(path(talkTimeId, "logs"), TalkLogReply, { method: "POST", body }),
  );
}
