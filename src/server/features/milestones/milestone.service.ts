import {
  type MilestoneFacts,
  type MilestoneKey,
  milestonesReached,
} from "../../../domain/milestones.ts";
import type { Scope } from "../../platform/access.ts";
import type { ScopedStores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import type { MilestoneStore } from "./milestone.store.ts";

/** Where each fact of a milestone comes from: the features that own them. */
export interface MilestoneSources {
  promises: (scope: Scope) => Promise<Pick<MilestoneFacts, "kept" | "promises" | "today">>;
  checkinWeeks: (scope: Scope) => Promise<MilestoneFacts["checkinWeeks"]>;
  storySignedAt: (scope: Scope) => Promise<string | null>;
  repairs: (scope: Scope) => Promise<MilestoneFacts["repairs"]>;
}

/** Milestones are worked out afresh from the couple's record; only "seen" is stored. */
export function milestoneService(
  { clock }: ServiceDeps,
  stores: ScopedStores<MilestoneStore>,
  sources: MilestoneSources,
) {
  return {
    async list(scope: Scope) {
      const [promises, checkinWeeks, storySignedAt, repairs, seen] = await Promise.all([
        sources.promises(scope),
        sources.checkinWeeks(scope),
        sources.storySignedAt(scope),
        sources.repairs(scope),
        stores.at(scope).seenKeys(),
      ]);
      const reached = milestonesReached({ ...promises, checkinWeeks, storySignedAt, repairs });
      return {
        milestones: reached.map((m) => ({ ...m, seenByMe: seen.includes(m.key) })),
      };
    },

    async see(scope: Scope, key: MilestoneKey): Promise<null> {
      await stores.at(scope).see(key, clock.now().toISOString());
      return null;
    },
  };
}
export type MilestoneService = ReturnType<typeof milestoneService>;
