import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { newItemId } from "../../../../client/crypto/account-keys.ts";
import {
  type Signal,
  type SignalsReply,
  type SnoozeBody,
  type SupportAnswerBody,
  signalRoutes,
} from "../../../../contracts/signals.ts";
import { therapistRoutes } from "../../../../contracts/therapists.ts";
import type { SignalKey } from "../../../../domain/support-signals.ts";
import { api, featureKey, keyOf } from "../../../ui/api-client.ts";
import { useRefreshingMutation } from "../../../ui/use-refreshing-mutation.ts";

export type { Signal };
export type SignalsData = z.infer<typeof SignalsReply>;
export type SupportAnswer = SignalsData["myAnswers"][number];

export const signalsQueryKey = keyOf(signalRoutes.list);
const signalsFeature = featureKey(signalRoutes.list);

/** The signals as this person may see them, their own quick answers and the referral list. */
export function useSignals() {
  return useQuery({
    queryKey: signalsQueryKey,
    queryFn: ({ signal }) => api.call(signalRoutes.list, {}, { signal }),
    // Most of what raises a signal changes elsewhere (talks, check-ins, the story): a slow look.
    refetchInterval: 60_000,
  });
}

export function useSayAnswer() {
  return useRefreshingMutation(
    [signalsFeature],
    (body: Omit<z.input<typeof SupportAnswerBody>, "id">) =>
      api.call(signalRoutes.answer, { body: { id: newItemId(), ...body } }),
  );
}

export function useTakeBack() {
  return useRefreshingMutation([signalsFeature], (id: string) =>
    api.call(signalRoutes.takeBack, { params: { id } }),
  );
}

export function useSnooze() {
  return useRefreshingMutation(
    [signalsFeature],
    ({ key, days }: { key: SignalKey; days: z.input<typeof SnoozeBody>["days"] }) =>
      api.call(signalRoutes.snooze, { params: { key }, body: { days } }),
  );
}

export function useShareSignals() {
  return useRefreshingMutation([signalsFeature], (shared: boolean) =>
    api.call(signalRoutes.share, { body: { shared } }),
  );
}

/**
 * Whether the couple has a therapist linked and active. Anything else, a failure included,
 * reads as no: the sharing choice is only offered when there is someone to share with.
 */
export function useTherapistActive(): boolean {
  const links = useQuery({
    queryKey: keyOf(therapistRoutes.links),
    queryFn: ({ signal }) => api.call(therapistRoutes.links, {}, { signal }),
    retry: false,
  });
  return links.data?.links.some((link) => link.status === "active") ?? false;
}
