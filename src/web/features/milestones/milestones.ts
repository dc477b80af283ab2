import type { Milestone } from "../../../contracts/setbacks.ts";

/**
 * What is still to celebrate for the viewer, in the order it was reached, leaving out any
 * thanked for on this screen already (the list may not have been read again yet).
 */
export function toCelebrate(
  milestones: readonly Milestone[],
  thanked: ReadonlySet<string> = new Set(),
): Milestone[] {
  return milestones
    .filter((m) => !m.seenByMe && !thanked.has(m.key))
    .toSorted((a, b) => a.reachedAt.localeCompare(b.reachedAt));
}

/** Every milestone reached, the latest first. */
export function reachedNewestFirst(milestones: readonly Milestone[]): Milestone[] {
  return milestones.toSorted((a, b) => b.reachedAt.localeCompare(a.reachedAt));
}
