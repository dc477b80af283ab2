import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { newItemId } from "../../../../client/crypto/account-keys.ts";
import {
  type Checkin,
  type CheckinBody,
  type CheckinsReply,
  type CheckinWeek,
  checkinRoutes,
} from "../../../../contracts/checkins.ts";
import { milestoneRoutes } from "../../../../contracts/setbacks.ts";
import type { Draft } from "../../../../contracts/words.ts";
import type { Weekday } from "../../../../domain/schedule.ts";
import { api, featureKey, isApiError, keyOf } from "../../../ui/api-client.ts";
import { useRefreshingMutation } from "../../../ui/use-refreshing-mutation.ts";

export type { Checkin, CheckinWeek };
export type CheckinsData = z.infer<typeof CheckinsReply>;
export type CheckinInput = Draft<z.output<typeof CheckinBody>>;

export const checkinsQueryKey = keyOf(checkinRoutes.list);
const checkinsFeature = featureKey(checkinRoutes.list);
/** A week both have checked in may complete four in a row. */
const milestonesFeature = featureKey(milestoneRoutes.list);

/** Every week's check-ins the viewer may see, the couple's check-in day and the open weeks. */
export function useCheckins() {
  return useQuery({
    queryKey: checkinsQueryKey,
    queryFn: ({ signal }) => api.call(checkinRoutes.list, {}, { signal }),
    refetchInterval: 30_000,
  });
}

/**
 * Writes or changes one's check-in for a week. A change keeps the check-in's id, so it stays
 * the same item (sealed under the same id) rather than a second one.
 */
export function usePutCheckin() {
  return useRefreshingMutation(
    [checkinsFeature, milestonesFeature],
    ({ week, id, answers }: { week: string; id: string | null; answers: CheckinInput }) =>
      api.call(checkinRoutes.put, {
        params: { week },
        body: { id: id ?? newItemId(), ...answers },
      }),
  );
}

export function useSetCheckinDay() {
  return useRefreshingMutation([checkinsFeature], (weekday: Weekday) =>
    api.call(checkinRoutes.setDay, { body: { weekday } }),
  );
}

/** Both have submitted meanwhile: the week is closed and shows side by side now. */
export function isCheckinClosed(error: unknown): boolean {
  return isApiError(error) && error.code === "checkin_closed";
}
