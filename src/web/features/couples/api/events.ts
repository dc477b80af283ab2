import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { z } from "zod";
import { eventRoutes } from "../../../../contracts/events.ts";
import { ActivePause } from "../../../../contracts/talks.ts";
import { currentKeyring } from "../../../ui/api-client.ts";
import { meQueryKey as meKey } from "../../account/api/me.ts";
import type { CoupleViewData } from "./couple.ts";
import { coupleQueryKey } from "./couple.ts";
import { needsQueryKey } from "./needs-key.ts";

const CoupleEvent = ActivePause.nullable();
const ChangedEvent = z.object({ features: z.array(z.string()) });

type Pause = CoupleViewData["activePause"];
const samePause = (a: Pause, b: Pause) =>
  a === b || (a !== null && b !== null && a.byMe === b.byMe && a.endsAt === b.endsAt);

/**
 * The one live channel, heard while a couple screen is open: a pause called by one partner, and
 * every shared change (a proposal, an answer, a topic, a withdrawal), reach the other's screen
 * within seconds, without a reload. An event names only features; what changed is read again
 * through the usual calls, so it is opened and shown exactly as any read is.
 */
export function useCoupleEvents(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    const source = new EventSource(eventRoutes.stream.path);
    let opened = false;
    const onCouple = (event: MessageEvent<string>) => {
      const first = !opened;
      opened = true;
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
        // The stream says the pause as it is when it opens: a screen that already shows that
        // pause (or none) has nothing to read again. Not after a reconnect, which says it again
        // and may have missed changes in between.
        const shown = queryClient.getQueryData<CoupleViewData>(coupleQueryKey);
        if (first && shown && samePause(shown.activePause, activePause)) return;
        queryClient.setQueryData<CoupleViewData>(coupleQueryKey, (couple) =>
          couple ? { ...couple, activePause } : couple,
        );
      }
      void queryClient.invalidateQueries({ queryKey: coupleQueryKey });
    };
    const onChanged = (event: MessageEvent<string>) => {
      let features: string[] = [];
      try {
        features = ChangedEvent.parse(JSON.parse(event.data)).features;
      } catch {
        return;
      }
      for (const feature of features) {
        void queryClient.invalidateQueries({ queryKey: [feature] });
      }
      // Any shared change may be something that now waits for this person.
      void queryClient.invalidateQueries({ queryKey: needsQueryKey });
      // A therapist change may have brought a new space key (after an unlink): the next word
      // sealed here fetches the grants again, so it is sealed with the newest key.
      if (features.includes("therapists")) currentKeyring()?.forgetSpace();
      // The phase lives in "who am I" too.
      if (features.includes("couples")) void queryClient.invalidateQueries({ queryKey: meKey });
    };
    source.addEventListener("couple", onCouple);
    source.addEventListener("changed", onChanged);
    return () => {
      source.removeEventListener("changed", onChanged);
      source.removeEventListener("couple", onCouple);
      source.close();
    };
  }, [enabled, queryClient]);
}
