import type { z } from "zod";
import type {
  Agreement,
  CounterAgreementBody,
  ProposeAgreementBody,
  ReviewAgreementBody,
} from "../../../contracts/agreements.ts";
import {
  AGREEMENT_CATEGORIES,
  AGREEMENT_EVENT_KINDS,
  AGREEMENT_STATUSES,
  type AgreementAction,
  type AgreementEventKind,
  agreementActionConflict,
  defaultReviewOn,
  isDueForReview,
  reviewOnProblem,
} from "../../../domain/agreements.ts";
import { utcDay } from "../../../domain/dates.ts";
import { inTransaction } from "../../platform/db.ts";
import type { AgreementRow } from "../../platform/db-schema.ts";
import { errors } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import {
  type Actor,
  canRead,
  requireActionable,
  requireCoupleMember,
} from "../../platform/policy.ts";
import { coupleItem, storedEnum } from "../../platform/stored.ts";
import type { ServiceDeps } from "../deps.ts";
import { type AgreementStore, agreementStore } from "./agreement.store.ts";

function asItem(row: AgreementRow) {
  return coupleItem(row, row.proposed_by);
}

function present(row: AgreementRow, today: string): Agreement {
  const status = storedEnum(AGREEMENT_STATUSES, row.status);
  return {
    id: row.id,
    category: storedEnum(AGREEMENT_CATEGORIES, row.category),
    text: row.text,
    status,
    proposedBy: row.proposed_by,
    reviewOn: row.review_on,
    dueForReview: isDueForReview({ status, reviewOn: row.review_on }, today),
    replacesId: row.replaces_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function agreementService({ db, clock }: ServiceDeps) {
  const store = agreementStore(db);

  function today(): string {
    return utcDay(clock.now());
  }

  function chooseReviewOn(requested: string | undefined, field = "reviewOn"): string {
    const day = today();
    if (requested === undefined) return defaultReviewOn(day);
    const problem = reviewOnProblem(requested, day);
    if (problem) throw errors.invalid({ [field]: problem });
    return requested;
  }

  /**
   * The review clock starts when both have said yes: a date picked with the proposal holds if
   * it is still ahead, otherwise the default span runs from the day of acceptance.
   */
  function reviewOnAtAcceptance(proposed: string | null): string {
    const day = today();
    return proposed !== null && proposed > day ? proposed : defaultReviewOn(day);
  }

  /** Loads an agreement the actor may act on and checks its life cycle allows the action. */
  async function load(tx: AgreementStore, actor: Actor, id: string, action: AgreementAction) {
    const found = await tx.find(id);
    const row = requireActionable(actor, found && asItem(found), "That agreement");
    const conflict = agreementActionConflict(
      { status: storedEnum(AGREEMENT_STATUSES, row.status), proposedBy: row.proposed_by },
      action,
      actor.userId,
    );
    if (conflict) throw errors.conflict("agreement_state", conflict);
    return row;
  }

  async function record(
    tx: AgreementStore,
    row: AgreementRow,
    actor: Actor,
    kind: AgreementEventKind,
    note: string | null,
    now: string,
  ) {
    await tx.addEvent({
      id: newId(),
      agreement_id: row.id,
      couple_id: row.couple_id,
      actor_id: actor.userId,
      kind: storedEnum(AGREEMENT_EVENT_KINDS, kind),
      note,
      at: now,
    });
  }

  async function move(
    tx: AgreementStore,
    row: AgreementRow,
    to: string,
    now: string,
    reviewOn?: string | null,
  ): Promise<AgreementRow> {
    if (!(await tx.transition(row.id, row.status, to, now, reviewOn))) {
      throw errors.conflict(
        "agreement_state",
        "This agreement changed meanwhile. Reload and try again.",
      );
    }
    const fresh = await tx.find(row.id);
    if (!fresh) throw errors.notFound("That agreement");
    return fresh;
  }

  async function propose(
    tx: AgreementStore,
    actor: Actor,
    coupleId: string,
    input: { category: string; text: string; reviewOn?: string | undefined },
    replaces: AgreementRow | null,
    now: string,
  ): Promise<AgreementRow> {
    const row: AgreementRow = {
      id: newId(),
      couple_id: coupleId,
      proposed_by: actor.userId,
      category: input.category,
      text: input.text,
      status: "proposed",
      visibility: "couple",
      review_on: input.reviewOn === undefined ? null : chooseReviewOn(input.reviewOn),
      replaces_id: replaces?.id ?? null,
      created_at: now,
      updated_at: now,
    };
    await tx.insert(row);
    await record(tx, row, actor, "proposed", null, now);
    return row;
  }

  async function settle(
    actor: Actor,
    id: string,
    action: "decline" | "withdraw",
    to: "declined" | "withdrawn",
  ): Promise<Agreement> {
    const now = clock.now().toISOString();
    const row = await inTransaction(db, agreementStore, async (tx) => {
      const moved = await move(tx, await load(tx, actor, id, action), to, now);
      await record(tx, moved, actor, to, null, now);
      return moved;
    });
    return present(row, today());
  }

  return {
    async list(actor: Actor): Promise<Agreement[]> {
      const coupleId = requireCoupleMember(actor);
      const day = today();
      const rows = await store.listForCouple(coupleId);
      return rows.filter((row) => canRead(actor, asItem(row))).map((row) => present(row, day));
    },

    async get(actor: Actor, id: string) {
      const found = await store.find(id);
      const row = found && canRead(actor, asItem(found)) ? found : undefined;
      if (!row) throw errors.notFound("That agreement");
      const events = await store.events(id);
      return {
        agreement: present(row, today()),
        history: events
          .map((e) => ({
            kind: storedEnum(AGREEMENT_EVENT_KINDS, e.kind),
            by: e.actor_id,
            note: e.note,
            at: e.at,
          }))
          // Steps taken in one moment (kept, then replaced) keep their life-cycle order.
          .sort(
            (x, y) =>
              x.at.localeCompare(y.at) ||
              AGREEMENT_EVENT_KINDS.indexOf(x.kind) - AGREEMENT_EVENT_KINDS.indexOf(y.kind),
          ),
      };
    },

    async propose(actor: Actor, input: z.infer<typeof ProposeAgreementBody>): Promise<Agreement> {
      const coupleId = requireCoupleMember(actor);
      const now = clock.now().toISOString();
      const row = await inTransaction(db, agreementStore, (tx) =>
        propose(tx, actor, coupleId, input, null, now),
      );
      return present(row, today());
    },

    async accept(actor: Actor, id: string): Promise<Agreement> {
      const now = clock.now().toISOString();
      const row = await inTransaction(db, agreementStore, async (tx) => {
        const proposal = await load(tx, actor, id, "accept");
        const accepted = await move(
          tx,
          proposal,
          "accepted",
          now,
          reviewOnAtAcceptance(proposal.review_on),
        );
        await record(tx, accepted, actor, "accepted", null, now);
        if (proposal.replaces_id) {
          const replaced = await tx.find(proposal.replaces_id);
          if (replaced?.status === "accepted") {
            await move(tx, replaced, "replaced", now);
            await record(tx, replaced, actor, "replaced", null, now);
          }
        }
        return accepted;
      });
      return present(row, today());
    },

    async counter(
      actor: Actor,
      id: string,
      input: z.infer<typeof CounterAgreementBody>,
    ): Promise<Agreement> {
      const now = clock.now().toISOString();
      const row = await inTransaction(db, agreementStore, async (tx) => {
        const original = await load(tx, actor, id, "counter");
        const countered = await move(tx, original, "countered", now);
        await record(tx, countered, actor, "countered", null, now);
        const replaces = original.replaces_id
          ? ((await tx.find(original.replaces_id)) ?? null)
          : null;
        return propose(
          tx,
          actor,
          original.couple_id,
          { category: original.category, text: input.text, reviewOn: input.reviewOn },
          replaces,
          now,
        );
      });
      return present(row, today());
    },

    async decline(actor: Actor, id: string): Promise<Agreement> {
      return settle(actor, id, "decline", "declined");
    },

    async withdraw(actor: Actor, id: string): Promise<Agreement> {
      return settle(actor, id, "withdraw", "withdrawn");
    },

    /** At review an accepted agreement is kept (new date), retired, or re-proposed in new words. */
    async review(
      actor: Actor,
      id: string,
      input: z.infer<typeof ReviewAgreementBody>,
    ): Promise<Agreement> {
      const now = clock.now().toISOString();
      const row = await inTransaction(db, agreementStore, async (tx) => {
        const current = await load(tx, actor, id, input.outcome);
        switch (input.outcome) {
          case "keep": {
            const kept = await move(tx, current, "accepted", now, chooseReviewOn(input.reviewOn));
            await record(tx, kept, actor, "kept", input.note ?? null, now);
            return kept;
          }
          case "retire": {
            const retired = await move(tx, current, "retired", now);
            await record(tx, retired, actor, "retired", input.note ?? null, now);
            return retired;
          }
          case "change":
            return propose(
              tx,
              actor,
              current.couple_id,
              { category: current.category, text: input.text, reviewOn: input.reviewOn },
              current,
              now,
            );
        }
      });
      return present(row, today());
    },

    /** Readiness facts for the couples feature. */
    facts: (coupleId: string, day: string) => store.facts(coupleId, day),
  };
}
export type AgreementService = ReturnType<typeof agreementService>;
