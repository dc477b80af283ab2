import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { newItemId } from "../../../../client/crypto/account-keys.ts";
import { coupleRoutes } from "../../../../contracts/couples.ts";
import {
  type IntensityBody,
  type IntensityEntry,
  type IntensityReply,
  intensityRoutes,
} from "../../../../contracts/intensity.ts";
import type { Draft } from "../../../../contracts/words.ts";
import { api, featureKey, keyOf } from "../../../ui/api-client.ts";

export type { IntensityEntry };
export type IntensityData = z.infer<typeof IntensityReply>;
export type IntensityTrend = IntensityData["trends"][number];
export type IntensityInput = Draft<z.input<typeof IntensityBody>>;

/** Everything the intensity screen has read. */
export const intensityQueryKey = featureKey(intensityRoutes.overview);
/** An intensity check moves the readiness checklist ("things are calming down"). */
const coupleKey = keyOf(coupleRoutes.view);

/** Days are counted where the viewer lives, so "today" means their today. */
function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/**
 * Intensity checks the viewer may see (their own, the partner's shared ones) and each one's
 * trend: all that are kept, for the screen, or only the last `days` of them (Home's check reads
 * two: today in any zone, without fetching and opening four months of notes).
 */
export function useIntensity(days?: number) {
  const input = { query: { timeZone: browserTimeZone(), ...(days ? { days } : {}) } };
  return useQuery({
    queryKey: keyOf(intensityRoutes.overview, input),
    queryFn: ({ signal }) => api.call(intensityRoutes.overview, input, { signal }),
    refetchInterval: 60_000,
  });
}

export function useRecordIntensity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IntensityInput) =>
      api.call(intensityRoutes.record, { body: { id: newItemId(), ...body } }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: intensityQueryKey }),
        queryClient.invalidateQueries({ queryKey: coupleKey }),
      ]),
  });
}
