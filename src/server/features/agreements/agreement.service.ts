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
import { PAGE_SIZE, pageOf, positionOf } from "../../../domain/pages.ts";
import type { ProposalMove } from "../../../domain/proposals.ts";
import { requireActionable, type Scope } from "../../platform/access.ts";
import type { AgreementRow } from "../../platform/db-schema.ts";
import { errors } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { takeProposalStep } from "../../platform/proposal-step.ts";
import { storedEnum } from "../../platform/stored.ts";
import type { ScopedStores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import type { AgreementStore } from "./agreement.store.ts";

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

export function agreementService({ clock }: ServiceDeps, stores: ScopedStores<AgreementStore>) {
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
  async function load(tx: AgreementStore, scope: Scope, id: string, action: AgreementAction) {
    const row = requireActionable(scope, await tx.find(id), (r) => r.proposed_by, "That agreement");
    const conflict = agreementActionConflict(
      { status: storedEnum(AGREEMENT_STATUSES, row.status), proposedBy: row.proposed_by },
      action,
      scope.viewerId,
    );
    if (conflict) throw errors.conflict("agreement_state", conflict);
    return row;
  }

  async function record(
    tx: AgreementStore,
    row: AgreementRow,
    scope: Scope,
    kind: AgreementEventKind,
    note: string | null,
    now: string,
    id: string = newId(),
  ) {
    await tx.addEvent({
      id,
      agreement_id: row.id,
      couple_id: row.couple_id,
      actor_id: scope.viewerId,
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
    scope: Scope,
    input: { id: string; category: string; text: string; reviewOn?: string | undefined },
    replaces: AgreementRow | null,
    now: string,
  ): Promise<AgreementRow> {
    const row: AgreementRow = {
      id: input.id,
      couple_id: scope.coupleId,
      proposed_by: scope.viewerId,
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
    await record(tx, row, scope, "proposed", null, now);
    return row;
  }

  /**
   * One step of the proposal life cycle (accept, counter, decline, withdraw), with its event
   * row: the step's check and conditional update are the shared machine's.
   */
  async function step(
    tx: AgreementStore,
    scope: Scope,
    id: string,
    how: ProposalMove,
    now: string,
  ) {
    const row = requireActionable(scope, await tx.find(id), (r) => r.proposed_by, "That agreement");
    const proposal = { open: row.status === "proposed", proposedBy: row.proposed_by };
    const reviewOn = how === "accept" ? reviewOnAtAcceptance(row.review_on) : undefined;
    const outcome = await takeProposalStep(scope, proposal, how, "agreement_state", (to) =>
      tx.transition(row.id, row.status, to, now, reviewOn),
    );
    await record(tx, row, scope, outcome, null, now);
    const fresh = await tx.find(row.id);
    if (!fresh) throw errors.notFound("That agreement");
    return { before: row, after: fresh };
  }

  async function settle(scope: Scope, id: string, how: "decline" | "withdraw") {
    const now = clock.now().toISOString();
    const { after } = await stores.transaction(scope, (tx) => step(tx, scope, id, how, now));
    return present(after, today());
  }

  return {
    /** Every agreement still in play, then a page of settled ones, the last settled first. */
    async list(scope: Scope, before?: string) {
      const day = today();
      const store = stores.at(scope);
      const position = before === undefined ? null : positionOf(before);
      const [open, settled] = await Promise.all([
        position ? [] : store.open(),
        store.settled(position, PAGE_SIZE + 1),
      ]);
      const { page, earlier } = pageOf(settled, (row) => ({ at: row.updated_at, id: row.id }));
      return { agreements: [...open, ...page].map((row) => present(row, day)), earlier };
    },

    async get(scope: Scope, id: string) {
      const store = stores.at(scope);
      const row = await store.find(id);
      if (!row) throw errors.notFound("That agreement");
      const events = await store.events(id);
      return {
        agreement: present(row, today()),
        history: events
          .map((e) => ({
            id: e.id,
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

    async propose(scope: Scope, input: z.infer<typeof ProposeAgreementBody>): Promise<Agreement> {
      const now = clock.now().toISOString();
      const row = await stores.transaction(scope, (tx) => propose(tx, scope, input, null, now));
      return present(row, today());
    },

    async accept(scope: Scope, id: string): Promise<Agreement> {
      const now = clock.now().toISOString();
      const row = await stores.transaction(scope, async (tx) => {
        const { before: proposal, after: accepted } = await step(tx, scope, id, "accept", now);
        if (proposal.replaces_id) {
          const replaced = await tx.find(proposal.replaces_id);
          if (replaced?.status === "accepted") {
            await move(tx, replaced, "replaced", now);
            await record(tx, replaced, scope, "replaced", null, now);
          }
        }
        return accepted;
      });
      return present(row, today());
    },

    async counter(
      scope: Scope,
      id: string,
      input: z.infer<typeof CounterAgreementBody>,
    ): Promise<Agreement> {
      const now = clock.now().toISOString();
      const row = await stores.transaction(scope, async (tx) => {
        const { before: original } = await step(tx, scope, id, "counter", now);
        const replaces = original.replaces_id
          ? ((await tx.find(original.replaces_id)) ?? null)
          : null;
        return propose(
          tx,
          scope,
          {
            id: input.id,
            category: original.category,
            text: input.text,
            reviewOn: input.reviewOn,
          },
          replaces,
          now,
        );
      });
      return present(row, today());
    },

    decline: (scope: Scope, id: string): Promise<Agreement> => settle(scope, id, "decline"),
    withdraw: (scope: Scope, id: string): Promise<Agreement> => settle(scope, id, "withdraw"),

    /** At review an accepted agreement is kept (new date), retired, or re-proposed in new words. */
    async review(
      scope: Scope,
      id: string,
      input: z.infer<typeof ReviewAgreementBody>,
    ): Promise<Agreement> {
      const now = clock.now().toISOString();
      const row = await stores.transaction(scope, async (tx) => {
        // The same review sent twice (a retry, a double tap) is answered, not done again.
        const already =
          input.outcome === "change"
            ? await tx.find(input.id).then((row) => (row?.replaces_id === id ? row : undefined))
            : await tx
                .findEvent(input.id)
                .then((event) => (event?.agreement_id === id ? tx.find(id) : undefined));
        if (already) return already;
        const current = await load(tx, scope, id, input.outcome);
        switch (input.outcome) {
          case "keep": {
            const kept = await move(tx, current, "accepted", now, chooseReviewOn(input.reviewOn));
            await record(tx, kept, scope, "kept", input.note ?? null, now, input.id);
            return kept;
          }
          case "retire": {
            const retired = await move(tx, current, "retired", now);
            await record(tx, retired, scope, "retired", input.note ?? null, now, input.id);
            return retired;
          }
          case "change":
            return propose(
              tx,
              scope,
              {
                id: input.id,
                category: current.category,
                text: input.text,
                reviewOn: input.reviewOn,
              },
              current,
              now,
            );
        }
      });
      return present(row, today());
    },

    /** Readiness facts for the couples feature. */
    facts: (scope: Scope, day: string) => stores.at(scope).facts(day),
  };
}
export type AgreementService = ReturnType<typeof agreementService>;
