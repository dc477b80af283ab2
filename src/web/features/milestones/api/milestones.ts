import { useQuery } from "@tanstack/react-query";
import { type Milestone, milestoneRoutes } from "../../../../contracts/setbacks.ts";
import type { MilestoneKey } from "../../../../domain/milestones.ts";
import { api, featureKey, keyOf } from "../../../ui/api-client.ts";
import { useRefreshingMutation } from "../../../ui/use-refreshing-mutation.ts";

export type { Milestone };

export const milestonesQueryKey = keyOf(milestoneRoutes.list);
const milestonesFeature = featureKey(milestoneRoutes.list);

/** What the couple has reached, and whether the viewer has celebrated each yet. */
export function useMilestones() {
  return useQuery({
    queryKey: milestonesQueryKey,
    queryFn: ({ signal }) => api.call(milestoneRoutes.list, {}, { signal }),
    refetchInterval: 60_000,
  });
}

/** The viewer has seen it: it is not shown to them again (the partner's own "seen" stays theirs). */
export function useMarkMilestoneSeen() {
  return useRefreshingMutation([milestonesFeature], (key: MilestoneKey) =>
    api.call(milestoneRoutes.seen, { params: { key } }),
  );
}
