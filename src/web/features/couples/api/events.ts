import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { eventRoutes } from "../../../../contracts/events.ts";
import { ActivePause } from "../../../../contracts/talks.ts";
import type { CoupleViewData } from "./couple.ts";
import { coupleQueryKey } from "./couple.ts";

const CoupleEvent = ActivePause.nullable();

/**
 * Listens to the server's live events while a couple screen is open, so that a pause called by
 * one partner reaches the other's screen within seconds, without a reload. Each event carries
 * only what both may see; the couple view is then refreshed as well.
 */
export function useCoupleEvents(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    const source = new EventSource(eventRoutes.stream.path);
    const onCouple = (event: MessageEvent<string>) => {
      let activePause: CoupleViewData["activePause"] | undefined;
      try {
        const parsed = CoupleEvent.safeParse(
          (JSON.parse(event.data) as { activePause?: unknown }).activePause,
        );
        if (parsed.success) activePause = parsed.data;
      } catch {
        activePause = undefined;
      }
      if (activePause !== undefined) {
        queryClient.setQueryData<CoupleViewData>(coupleQueryKey, (couple) =>
          couple ? { ...couple, activePause } : couple,
        );
      }
      void queryClient.invalidateQueries({ queryKey: coupleQueryKey });
    };
    source.addEventListener("couple", onCouple);
    return () => {
      source.removeEventListener("couple", onCouple);
      source.close();
    };
  }, [enabled, queryClient]);
}
