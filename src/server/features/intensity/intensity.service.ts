import type { z } from "zod";
import type { IntensityBody, IntensityEntry } from "../../../contracts/intensity.ts";
import type { IntensityRow } from "../../platform/db-schema.ts";
import { newId } from "../../platform/ids.ts";
import {
  type Actor,
  type CoupleItem,
  canRead,
  requireCoupleMember,
} from "../../platform/policy.ts";
import { storedVisibility } from "../../platform/stored.ts";
import type { ServiceDeps } from "../deps.ts";
import { intensityStore } from "./intensity.store.ts";

const DAY_MS = 86_400_000;

/** How far back the list and charts reach. */
export const INTENSITY_HISTORY_DAYS = 120;

function asItem(row: IntensityRow): IntensityRow & CoupleItem {
  return {
    ...row,
    coupleId: row.couple_id,
    authorId: row.author_id,
    visibility: storedVisibility(row.visibility),
  };
}

/** The daily 0–10 check of how intense things feel; shared by default, private on request. */
export function intensityService({ db, clock }: ServiceDeps) {
  const store = intensityStore(db);

  function present(row: IntensityRow, actor: Actor): IntensityEntry {
    const mine = row.author_id === actor.userId;
    return {
      id: row.id,
      value: Number(row.value),
      ...(row.note !== null ? { note: row.note } : {}),
      ...(mine ? { visibility: storedVisibility(row.visibility) } : {}),
      at: row.at,
      mine,
      by: row.author_id,
    };
  }

  return {
    async record(actor: Actor, input: z.infer<typeof IntensityBody>) {
      const coupleId = requireCoupleMember(actor);
      const row: IntensityRow = {
        id: newId(),
        couple_id: coupleId,
        author_id: actor.userId,
        value: input.value,
        note: input.note ?? null,
        visibility: input.visibility ?? "couple",
        at: clock.now().toISOString(),
      };
      await store.insert(row);
      return {
        id: row.id,
        value: row.value,
        note: row.note,
        visibility: storedVisibility(row.visibility),
        at: row.at,
      };
    },

    /** The viewer's own entries and what the partner shares; never the partner's private ones. */
    async list(actor: Actor): Promise<IntensityEntry[]> {
      const coupleId = requireCoupleMember(actor);
      const since = new Date(clock.now().getTime() - INTENSITY_HISTORY_DAYS * DAY_MS).toISOString();
      const rows = await store.listForCouple(coupleId, since);
      return rows.filter((row) => canRead(actor, asItem(row))).map((row) => present(row, actor));
    },
  };
}
export type IntensityService = ReturnType<typeof intensityService>;
