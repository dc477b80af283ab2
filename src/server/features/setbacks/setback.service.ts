import type { z } from "zod";
import type { Setback, SetbackBody, StepBody } from "../../../contracts/setbacks.ts";
import {
  hoursBetween,
  repairedAt,
  repairTrendInWords,
  SETBACK_KINDS,
  suggestsStepBack,
} from "../../../domain/setbacks.ts";
import type { Scope } from "../../platform/access.ts";
import type { SetbackRow } from "../../platform/db-schema.ts";
import { errors } from "../../platform/errors.ts";
import { storedEnum } from "../../platform/stored.ts";
import type { ScopedStores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import type { SetbackStore } from "./setback.store.ts";

type Store = SetbackStore;

/**
 * Setbacks and their repair. Either partner names a setback and adds repair steps; it is
 * repaired once both have said so, and the hours that took are what the trend is made of.
 */
export function setbackService({ clock }: ServiceDeps, stores: ScopedStores<Store>) {
  async function all(store: Store, scope: Scope): Promise<Setback[]> {
    const [rows, steps, repairs, partners] = await Promise.all([
      store.list(),
      store.steps(),
      store.repairs(),
      store.partnerIds(),
    ]);
    return rows.map((row) => present(row, scope, steps, repairs, partners));
  }

  function present(
    row: SetbackRow,
    scope: Scope,
    steps: Awaited<ReturnType<Store["steps"]>>,
    repairs: Awaited<ReturnType<Store["repairs"]>>,
    partners: readonly string[],
  ): Setback {
    const saidBy = repairs
      .filter((r) => r.setback_id === row.id)
      .map((r) => ({ by: r.user_id, at: r.at }));
    const repaired = repairedAt(saidBy, partners);
    return {
      id: row.id,
      kind: storedEnum(SETBACK_KINDS, row.kind),
      text: row.text,
      at: row.created_at,
      by: row.author_id,
      mine: row.author_id === scope.viewerId,
      steps: steps
        .filter((s) => s.setback_id === row.id)
        .map((s) => ({
          id: s.id,
          by: s.author_id,
          mine: s.author_id === scope.viewerId,
          at: s.created_at,
          text: s.text,
        })),
      repairedBy: saidBy,
      repairedAt: repaired,
      timeToRepairHours: repaired ? hoursBetween(row.created_at, repaired) : null,
    };
  }

  async function one(store: Store, scope: Scope, id: string): Promise<Setback> {
    const found = (await all(store, scope)).find((s) => s.id === id);
    if (!found) throw errors.notFound("That setback");
    return found;
  }

  return {
    async list(scope: Scope) {
      const setbacks = await all(stores.at(scope), scope);
      const repaired = setbacks
        .filter((s) => s.repairedAt !== null && s.timeToRepairHours !== null)
        .sort((a, b) => (a.repairedAt ?? "").localeCompare(b.repairedAt ?? ""));
      const timeToRepair = repaired.map((s) => ({
        setbackId: s.id,
        hours: s.timeToRepairHours ?? 0,
      }));
      return {
        setbacks,
        timeToRepair,
        trend: repairTrendInWords(timeToRepair.map((t) => t.hours)),
      };
    },

    log: (scope: Scope, input: z.infer<typeof SetbackBody>) =>
      stores.transaction(scope, async (store) => {
        await store.insert({
          id: input.id,
          couple_id: scope.coupleId,
          author_id: scope.viewerId,
          visibility: "couple",
          created_at: clock.now().toISOString(),
          kind: input.kind,
          text: input.text,
        });
        return {
          setback: await one(store, scope, input.id),
          suggestStepBack: suggestsStepBack(input.kind, await store.phase()),
        };
      }),

    step: (scope: Scope, id: string, input: z.infer<typeof StepBody>) =>
      stores.transaction(scope, async (store) => {
        const setback = await one(store, scope, id);
        if (setback.repairedAt) {
          throw errors.conflict(
            "setback_state",
            "This setback is repaired; name a new one if it came back.",
          );
        }
        await store.insertStep({
          id: input.id,
          couple_id: scope.coupleId,
          author_id: scope.viewerId,
          visibility: "couple",
          created_at: clock.now().toISOString(),
          setback_id: id,
          text: input.text,
        });
        return one(store, scope, id);
      }),

    repaired: (scope: Scope, id: string) =>
      stores.transaction(scope, async (store) => {
        const setback = await one(store, scope, id);
        if (setback.repairedBy.some((r) => r.by === scope.viewerId)) {
          throw errors.conflict("setback_state", "You have said this feels repaired already.");
        }
        await store.sayRepaired(id, clock.now().toISOString());
        return one(store, scope, id);
      }),

    /** Repaired setbacks' times, for milestones. */
    async repairs(scope: Scope): Promise<Array<{ at: string; repairedAt: string }>> {
      return (await all(stores.at(scope), scope)).flatMap((s) =>
        s.repairedAt ? [{ at: s.at, repairedAt: s.repairedAt }] : [],
      );
    },
  };
}
export type SetbackService = ReturnType<typeof setbackService>;
