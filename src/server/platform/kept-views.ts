import type { Scope } from "./access.ts";
import type { Clock } from "./clock.ts";
import { keptReply } from "./kept-replies.ts";
import type { ViewVersions } from "./view-version.ts";

/** How long a computed read may be answered again while nothing changed. */
const FRESH_MS = 5_000;
const KEPT = 5_000;

interface Kept<T> {
  version: number;
  value: T;
  at: number;
  until: number;
}

/**
 * Reads an open screen repeats (the home view, "needs you", the talk times, the parking lot: each
 * polled, and asked again on focus and on every live change of the couple), answered again as
 * they were while the couple's view version (bumped by every change, by any process;
 * view-version.ts) is the same and they are no older than a few seconds: time alone changes
 * some of them too. Kept
 * per couple, viewer and read, so no one is ever answered with what another may see; the
 * oldest are forgotten first. A kept answer is serialized once (kept-replies.ts).
 */
export function keptViews(versions: ViewVersions, clock: Clock) {
  const kept = new Map<string, Kept<object>>();
  return {
    /**
     * The kept answer of `read` for this viewer, or a new one from `compute`. `endsBy` may say
     * when the answer stops being true by itself (a pause ends), to keep it no longer than that.
     * Undefined when the couple is gone.
     */
    async read<T extends object>(
      scope: Scope,
      read: string,
      compute: () => Promise<T>,
      endsBy: (value: T) => number = () => Infinity,
    ): Promise<T | undefined> {
      const version = await versions.of(scope.coupleId);
      if (version === undefined) return undefined;
      const key = `${scope.coupleId}:${scope.viewerId}:${read}`;
      const now = clock.now().getTime();
      const found = kept.get(key) as Kept<T> | undefined;
      if (found && found.version === version && now >= found.at && now < found.until) {
        return found.value;
      }
      const value = keptReply(await compute());
      kept.delete(key);
      kept.set(key, { version, value, at: now, until: Math.min(now + FRESH_MS, endsBy(value)) });
      if (kept.size > KEPT) {
        const oldest = kept.keys().next().value;
        if (oldest !== undefined) kept.delete(oldest);
      }
      return value;
    },
  };
}
export type KeptViews = ReturnType<typeof keptViews>;
