import type { z } from "zod";
import type { AddCirclePersonBody, CirclePerson } from "../../../contracts/circle.ts";
import { CIRCLE_STATUSES } from "../../../domain/circle.ts";
import { requireActionable, requireAuthor, type Scope } from "../../platform/access.ts";
import type { CirclePersonRow } from "../../platform/db-schema.ts";
import { errors } from "../../platform/errors.ts";
import { takeProposalStep } from "../../platform/proposal-step.ts";
import { storedEnum } from "../../platform/stored.ts";
import type { ScopedStores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import type { CircleStore } from "./circle.store.ts";

type Person = z.infer<typeof CirclePerson>;
const authorOf = (row: CirclePersonRow) => row.author_id;

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
export function circleService({ clock }: ServiceDeps, stores: ScopedStores<CircleStore>) {
  /** Agreeing and raising a concern are the other partner's answers to a name. */
  /**
   * Agreeing and raising a concern are the other partner's answers to a name, by the proposal
   * life cycle; a name stays open to its answer, since how one feels about a confidant can change.
   */
  async function answer(
    scope: Scope,
    id: string,
    how: "accept" | "decline",
    concern: string | null,
  ) {
    const store = stores.at(scope);
    const row = requireActionable(scope, await store.find(id), authorOf, "That person");
    if (row.author_id === scope.viewerId) {
      throw errors.conflict("own_person", "Your partner answers for the people you listed.");
    }
    const now = clock.now().toISOString();
    const status = how === "accept" ? "agreed" : "concern";
    await takeProposalStep(
      scope,
      { open: true, proposedBy: row.author_id },
      how,
      "own_person",
      () => store.answer(row.id, status, concern, now),
    );
    return present({ ...row, status, concern, updated_at: now });
  }

  return {
    async list(scope: Scope): Promise<Person[]> {
      return (await stores.at(scope).list()).map(present);
    },

    async add(scope: Scope, input: z.infer<typeof AddCirclePersonBody>): Promise<Person> {
      const now = clock.now().toISOString();
      const row: CirclePersonRow = {
        id: input.id,
        couple_id: scope.coupleId,
        author_id: scope.viewerId,
        name: input.name,
        relation: input.relation,
        status: "proposed",
        concern: null,
        visibility: "couple",
        created_at: now,
        updated_at: now,
      };
      await stores.at(scope).insert(row);
      return present(row);
    },

    agree: (scope: Scope, id: string) => answer(scope, id, "accept", null),
    raiseConcern: (scope: Scope, id: string, concern: string) =>
      answer(scope, id, "decline", concern),

    async remove(scope: Scope, id: string): Promise<void> {
      const store = stores.at(scope);
      const row = requireAuthor(scope, await store.find(id), authorOf, "That person");
      await store.deleteOwn(row.id);
    },
  };
}
export type CircleService = ReturnType<typeof circleService>;
