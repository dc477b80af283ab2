import type { z } from "zod";
import type { ActivePause, Pause } from "../../../contracts/talks.ts";
import type { Scope } from "../../platform/access.ts";
import { errors } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import type { ScopedStores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import type { PauseStore } from "./pause.store.ts";

const MINUTE = 60_000;

/**
 * A time-out either partner can call. What the other partner learns is only that a pause runs
 * and until when: there is no reason field to leak, not even an empty one.
 */
export function pauseService({ clock }: ServiceDeps, stores: ScopedStores<PauseStore>) {
  return {
    async start(scope: Scope, minutes: number): Promise<z.infer<typeof Pause>> {
      return stores.transaction(scope, async (tx) => {
        const now = clock.now();
        const current = await tx.active(now.toISOString());
        if (current && current.started_by !== scope.viewerId) {
          throw errors.conflict(
            "pause_running",
            "Your partner has called a pause; it ends by itself at the time they gave.",
          );
        }
        // Calling a pause again while one's own runs sets a new return time.
        if (current) await tx.end(current.id, now.toISOString());
        const row = {
          id: newId(),
          couple_id: scope.coupleId,
          started_by: scope.viewerId,
          started_at: now.toISOString(),
          ends_at: new Date(now.getTime() + minutes * MINUTE).toISOString(),
          ended_at: null,
        };
        await tx.insert(row);
        return { id: row.id, startedAt: row.started_at, endsAt: row.ends_at };
      });
    },

    /** The partner who called the pause may end it early; the other waits, as promised. */
    async endEarly(scope: Scope): Promise<void> {
      await stores.transaction(scope, async (tx) => {
        const now = clock.now().toISOString();
        const current = await tx.active(now);
        if (!current || current.started_by !== scope.viewerId)
          throw errors.notFound("A pause you called");
        await tx.end(current.id, now);
      });
    },

    /** The couple's running pause as the viewer may see it, or null. */
    async activeFor(scope: Scope): Promise<z.infer<typeof ActivePause> | null> {
      const current = await stores.at(scope).active(clock.now().toISOString());
      return current
        ? { byMe: current.started_by === scope.viewerId, endsAt: current.ends_at }
        : null;
    },
  };
}
export type PauseService = ReturnType<typeof pauseService>;
