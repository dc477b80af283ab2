import type { z } from "zod";
import type { AddStressorBody, Stressor } from "../../../contracts/stressors.ts";
import { STRESSOR_PLANS, type StressorPlan } from "../../../domain/stressors.ts";
import { requireAuthor, type Scope } from "../../platform/access.ts";
import type { StressorRow } from "../../platform/db-schema.ts";
import { newId } from "../../platform/ids.ts";
import { storedEnum, storedVisibility } from "../../platform/stored.ts";
import type { ScopedStores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import type { StressorStore } from "./stressor.store.ts";

/** Outside pressures each partner names, with a plan to pause, reduce or keep each for now. */
export function stressorService({ clock }: ServiceDeps, stores: ScopedStores<StressorStore>) {
  function present(row: StressorRow, scope: Scope): z.infer<typeof Stressor> {
    return {
      id: row.id,
      text: row.text,
      plan: storedEnum(STRESSOR_PLANS, row.plan),
      by: row.author_id,
      visibility: storedVisibility(row.visibility),
      mine: row.author_id === scope.viewerId,
      updatedAt: row.updated_at,
    };
  }

  async function ownItem(scope: Scope, id: string) {
    const found = await stores.at(scope).find(id);
    return requireAuthor(scope, found, (row) => row.author_id, "That stressor");
  }

  return {
    async list(scope: Scope) {
      const rows = await stores.at(scope).list();
      return rows.map((row) => present(row, scope));
    },

    async add(scope: Scope, input: z.infer<typeof AddStressorBody>) {
      const now = clock.now().toISOString();
      const row: StressorRow = {
        id: input.id,
        couple_id: scope.coupleId,
        author_id: scope.viewerId,
        text: input.text,
        plan: input.plan,
        visibility: input.visibility ?? "couple",
        created_at: now,
        updated_at: now,
      };
      await stores.at(scope).insert(row);
      return present(row, scope);
    },

    async setPlan(scope: Scope, id: string, plan: StressorPlan) {
      const row = await ownItem(scope, id);
      const now = clock.now().toISOString();
      await stores.at(scope).setOwnPlan(row.id, plan, now);
      return present({ ...row, plan, updated_at: now }, scope);
    },

    async remove(scope: Scope, id: string): Promise<void> {
      const row = await ownItem(scope, id);
      await stores.at(scope).deleteOwn(row.id);
    },
  };
}
export type StressorService = ReturnType<typeof stressorService>;
