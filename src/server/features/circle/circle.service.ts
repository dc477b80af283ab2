import type { z } from "zod";
import type { AddCirclePersonBody, CirclePerson } from "../../../contracts/stabilize.ts";
import { CIRCLE_STATUSES } from "../../../domain/stabilize.ts";
import type { CirclePersonRow } from "../../platform/db-schema.ts";
import { errors } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import {
  type Actor,
  canRead,
  requireActionable,
  requireAuthor,
  requireCoupleMember,
} from "../../platform/policy.ts";
import { coupleItem, storedEnum } from "../../platform/stored.ts";
import type { ServiceDeps } from "../deps.ts";
import { circleStore } from "./circle.store.ts";

type Person = z.infer<typeof CirclePerson>;

function asItem(row: CirclePersonRow) {
  return coupleItem(row, row.author_id);
}

function present(row: CirclePersonRow): Person {
  return {
    id: row.id,
    name: row.name,
    relation: row.relation,
    by: row.author_id,
    status: storedEnum(CIRCLE_STATUSES, row.status),
    concern: row.concern,
    updatedAt: row.updated_at,
  };
}

/**
 * Who each partner talks to about the rupture. The list is open to both on purpose: outside
 * voices shape the work, so the couple agrees on them together.
 */
export function circleService({ db, clock }: ServiceDeps) {
  const store = circleStore(db);

  /** Agreeing and raising a concern are the other partner's answers to a name. */
  async function answer(
    actor: Actor,
    id: string,
    status: "agreed" | "concern",
    concern: string | null,
  ) {
    const found = await store.find(id);
    const row = requireActionable(actor, found && asItem(found), "That person");
    if (row.author_id === actor.userId) {
      throw errors.conflict("own_person", "Your partner answers for the people you listed.");
    }
    const now = clock.now().toISOString();
    await store.setStatus(row.id, status, concern, now);
    return present({ ...row, status, concern, updated_at: now });
  }

  return {
    async list(actor: Actor): Promise<Person[]> {
      const coupleId = requireCoupleMember(actor);
      const rows = await store.listForCouple(coupleId);
      return rows.filter((row) => canRead(actor, asItem(row))).map(present);
    },

    async add(actor: Actor, input: z.infer<typeof AddCirclePersonBody>): Promise<Person> {
      const coupleId = requireCoupleMember(actor);
      const now = clock.now().toISOString();
      const row: CirclePersonRow = {
        id: newId(),
        couple_id: coupleId,
        author_id: actor.userId,
        name: input.name,
        relation: input.relation,
        status: "proposed",
        concern: null,
        visibility: "couple",
        created_at: now,
        updated_at: now,
      };
      await store.insert(row);
      return present(row);
    },

    agree: (actor: Actor, id: string) => answer(actor, id, "agreed", null),
    raiseConcern: (actor: Actor, id: string, concern: string) =>
      answer(actor, id, "concern", concern),

    async remove(actor: Actor, id: string): Promise<void> {
      requireCoupleMember(actor);
      const found = await store.find(id);
      const row = requireAuthor(actor, found && asItem(found), "That person");
      await store.delete(row.id);
    },
  };
}
export type CircleService = ReturnType<typeof circleService>;
