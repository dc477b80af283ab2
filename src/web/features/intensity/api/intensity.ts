import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type IntensityBody,
  type IntensityEntry,
  IntensityEntryReply,
  IntensityReply,
} from "../../../../contracts/intensity.ts";
import { apiRequest } from "../../../ui/api-client.ts";

export type { IntensityEntry };
export type IntensityData = z.infer<typeof IntensityReply>;
export type IntensityTrend = IntensityData["trends"][number];
export type IntensityInput = z.output<typeof IntensityBody>;

export const intensityQueryKey = ["intensity"] as const;
/** An intensity check moves the readiness checklist ("things are calming down"). */
const coupleKey = ["couple"] as const;

/** Days are counted where the viewer lives, so "today" means their today. */
function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Intensity checks the viewer may see (their own, the partner's shared ones) and each one's trend. */
export function useIntensity() {
  return useQuery({
    queryKey: intensityQueryKey,
    queryFn: ({ signal }) =>
      apiRequest(
        `/api/intensity?timeZone=${encodeURIComponent(browserTimeZone())}`,
        IntensityReply,
        {
          signal,
        },
      ),
    refetchInterval: 60_000,
  });
}

export function useRecordIntensity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IntensityInput) =>
      apiRequest("/api/intensity", IntensityEntryReply, { method: "POST", body }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: intensityQueryKey }),
        queryClient.invalidateQueries({ queryKey: coupleKey }),
      ]),
  });
}
