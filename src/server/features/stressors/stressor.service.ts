import type { z } from "zod";
import type { AddStressorBody, Stressor } from "../../../contracts/stabilize.ts";
import { STRESSOR_PLANS, type StressorPlan } from "../../../domain/stabilize.ts";
import type { StressorRow } from "../../platform/db-schema.ts";
import { newId } from "../../platform/ids.ts";
import { type Actor, canRead, requireAuthor, requireCoupleMember } from "../../platform/policy.ts";
import { coupleItem, storedEnum, storedVisibility } from "../../platform/stored.ts";
import type { ServiceDeps } from "../deps.ts";
import { stressorStore } from "./stressor.store.ts";

function asItem(row: StressorRow) {
  return coupleItem(row, row.author_id);
}

/** Outside pressures each partner names, with a plan to pause, reduce or keep each for now. */
export function stressorService({ db, clock }: ServiceDeps) {
  const store = stressorStore(db);

  function present(row: StressorRow, actor: Actor): z.infer<typeof Stressor> {
    return {
      id: row.id,
      text: row.text,
      plan: storedEnum(STRESSOR_PLANS, row.plan),
      by: row.author_id,
      visibility: storedVisibility(row.visibility),
      mine: row.author_id === actor.userId,
      updatedAt: row.updated_at,
    };
  }

  async function ownItem(actor: Actor, id: string) {
    requireCoupleMember(actor);
    const found = await store.find(id);
    return requireAuthor(actor, found && asItem(found), "That stressor");
  }

  return {
    async list(actor: Actor) {
      const coupleId = requireCoupleMember(actor);
      const rows = await store.listForCouple(coupleId);
      return rows.filter((row) => canRead(actor, asItem(row))).map((row) => present(row, actor));
    },

    async add(actor: Actor, input: z.infer<typeof AddStressorBody>) {
      const coupleId = requireCoupleMember(actor);
      const now = clock.now().toISOString();
      const row: StressorRow = {
        id: newId(),
        couple_id: coupleId,
        author_id: actor.userId,
        text: input.text,
        plan: input.plan,
        visibility: input.visibility ?? "couple",
        created_at: now,
        updated_at: now,
      };
      await store.insert(row);
      return present(row, actor);
    },

    async setPlan(actor: Actor, id: string, plan: StressorPlan) {
      const row = await ownItem(actor, id);
      const now = clock.now().toISOString();
      await store.setPlan(row.id, plan, now);
      return present({ ...row, plan, updated_at: now }, actor);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      const row = await ownItem(actor, id);
      await store.delete(row.id);
    },
  };
}
export type StressorService = ReturnType<typeof stressorService>;
