import type { z } from "zod";
import type { ActivePause, Pause } from "../../../contracts/stabilize.ts";
import { inTransaction } from "../../platform/db.ts";
import { errors } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { type Actor, requireCoupleMember } from "../../platform/policy.ts";
import type { ServiceDeps } from "../deps.ts";
import { pauseStore } from "./pause.store.ts";

const MINUTE = 60_000;

/**
 * A time-out either partner can call. What the other partner learns is only that a pause runs
 * and until when: there is no reason field to leak, not even an empty one.
 */
export function pauseService({ db, clock }: ServiceDeps) {
  const store = pauseStore(db);

  return {
    async start(actor: Actor, minutes: number): Promise<z.infer<typeof Pause>> {
      const coupleId = requireCoupleMember(actor);
      return inTransaction(db, pauseStore, async (tx) => {
        const now = clock.now();
        const current = await tx.active(coupleId, now.toISOString());
        if (current && current.started_by !== actor.userId) {
          throw errors.conflict(
            "pause_running",
            "Your partner has called a pause; it ends by itself at the time they gave.",
          );
        }
        // Calling a pause again while one's own runs sets a new return time.
        if (current) await tx.end(current.id, now.toISOString());
        const row = {
          id: newId(),
          couple_id: coupleId,
          started_by: actor.userId,
          started_at: now.toISOString(),
          ends_at: new Date(now.getTime() + minutes * MINUTE).toISOString(),
          ended_at: null,
        };
        await tx.insert(row);
        return { id: row.id, startedAt: row.started_at, endsAt: row.ends_at };
      });
    },

    /** The partner who called the pause may end it early; the other waits, as promised. */
    async endEarly(actor: Actor): Promise<void> {
      const coupleId = requireCoupleMember(actor);
      const now = clock.now().toISOString();
      const current = await store.active(coupleId, now);
      if (!current || current.started_by !== actor.userId)
        throw errors.notFound("A pause you called");
      await store.end(current.id, now);
    },

    /** The couple's running pause as the viewer may see it, or null. */
    async activeFor(
      coupleId: string,
      viewerId: string,
    ): Promise<z.infer<typeof ActivePause> | null> {
      const current = await store.active(coupleId, clock.now().toISOString());
      return current ? { byMe: current.started_by === viewerId, endsAt: current.ends_at } : null;
    },
  };
}
export type PauseService = ReturnType<typeof pauseService>;
