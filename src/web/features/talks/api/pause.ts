import { useMutation, useQueryClient } from "@tanstack/react-query";
import { coupleRoutes } from "../../../../contracts/couples.ts";
import { talkRoutes } from "../../../../contracts/talks.ts";
import { api, keyOf } from "../../../ui/api-client.ts";

/** The running pause lives in the couple's view (`activePause`), shared by every screen. */
const coupleKey = keyOf(coupleRoutes.view);

interface CoupleWithPause {
  activePause: { byMe: boolean; endsAt: string } | null;
}

/** Call a pause: a timer and a promised return time, never a reason. */
export function useStartPause() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (minutes: number) => api.call(talkRoutes.startPause, { body: { minutes } }),
    onSuccess: ({ pause }) => {
      // Show it at once; the couple view confirms it a moment later.
      queryClient.setQueryData<CoupleWithPause>(coupleKey, (couple) =>
        couple ? { ...couple, activePause: { byMe: true, endsAt: pause.endsAt } } : couple,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: coupleKey }),
  });
}

/** End one's own pause early. */
export function useEndPause() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.call(talkRoutes.endPause),
    onSuccess: () => {
      queryClient.setQueryData<CoupleWithPause>(coupleKey, (couple) =>
        couple ? { ...couple, activePause: null } : couple,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: coupleKey }),
  });
}
