import type { z } from "zod";
import type { HurtBody, HurtEntry } from "../../../contracts/hurt.ts";
import type { Scope } from "../../platform/access.ts";
import type { HurtEntryRow } from "../../platform/db-schema.ts";
import { storedVisibility } from "../../platform/stored.ts";
import type { ScopedStores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import type { HurtStore } from "./hurt.store.ts";

/**
 * Hurt and grief: words for what is felt, what feels broken, and whether repair feels possible,
 * revisited over time. Private unless its author shares an entry.
 */
export function hurtService({ clock }: ServiceDeps, stores: ScopedStores<HurtStore>) {
  function present(row: HurtEntryRow, scope: Scope): HurtEntry {
    return {
      id: row.id,
      // The envelope of the chosen words; the client opens it into the list it sealed.
      words: row.words as unknown as string[],
      ...(row.broken ? { broken: row.broken } : {}),
      repairPossible: row.repair_possible,
      visibility: storedVisibility(row.visibility),
      at: row.created_at,
      by: row.author_id,
      mine: row.author_id === scope.viewerId,
    };
  }

  return {
    async list(scope: Scope) {
      const entries = (await stores.at(scope).list()).map((row) => present(row, scope));
      const people = [...new Set(entries.map((e) => e.by))];
      return {
        entries,
        series: people.map((by) => ({
          by,
          mine: by === scope.viewerId,
          points: entries
            .filter((e) => e.by === by)
            .map((e) => ({ at: e.at, value: e.repairPossible })),
        })),
      };
    },

    async record(scope: Scope, input: z.infer<typeof HurtBody>) {
      const row: HurtEntryRow = {
        id: input.id,
        couple_id: scope.coupleId,
        author_id: scope.viewerId,
        words: input.words as unknown as string,
        broken: input.broken ?? null,
        repair_possible: input.repairPossible,
        visibility: input.visibility ?? "private",
        created_at: clock.now().toISOString(),
      };
      await stores.at(scope).insert(row);
      return present(row, scope);
    },
  };
}
export type HurtService = ReturnType<typeof hurtService>;
