import type { z } from "zod";
import type {
  ExcusalBody,
  MarkBody,
  PromiseBody,
  PromiseItem,
  ReviewBody,
  ViewBody,
} from "../../../contracts/promises.ts";
import { addDaysToDay } from "../../../domain/dates.ts";
import { type Cadence, dayIn, markProblem } from "../../../domain/occurrences.ts";
import { TRANSPARENCY_AREAS } from "../../../domain/promise-templates.ts";
import {
  DEFAULT_PROMISE_REVIEW_DAYS,
  excusalProblem,
  type Occurrence,
  occurrencesOf,
  PARTNER_VIEWS,
  PROMISE_KINDS,
  PROMISE_STATUSES,
  type PromiseMove,
  partnerRecord,
  promiseMoveProblem,
  reliabilityOf,
  reviewDayProblem,
  SELF_MARKS,
  selfRecord,
} from "../../../domain/promises.ts";
import { coupleReliability } from "../../../domain/reliability.ts";
import type { Scope } from "../../platform/access.ts";
import type {
  PromiseExcusalRow,
  PromiseMarkRow,
  PromiseRow,
  PromiseViewRow,
} from "../../platform/db-schema.ts";
import { errors } from "../../platform/errors.ts";
import { storedEnum } from "../../platform/stored.ts";
import type { ScopedStores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import type { PromiseStore } from "./promise.store.ts";

type Store = PromiseStore;

interface Local {
  day: string;
  zone: string;
}

interface Rows {
  marks: readonly PromiseMarkRow[];
  views: readonly PromiseViewRow[];
  excusals: readonly PromiseExcusalRow[];
}

const EXCUSAL_STATUSES = ["proposed", "accepted", "declined"] as const;

/**
 * Promises in Rebuild: proposed by one partner, accepted by the other before they are tracked;
 * marked by the promiser, seen (or not) by the partner, the two records kept side by side and
 * scored apart. Due days and "today" are the couple's calendar days.
 */
export function promiseService(
  { clock }: ServiceDeps,
  stores: ScopedStores<Store>,
  coupleTimeZone: (scope: Scope) => Promise<string>,
) {
  async function today(scope: Scope): Promise<Local> {
    const zone = await coupleTimeZone(scope);
    return { day: dayIn(clock.now(), zone), zone };
  }

  function cadenceOf(row: PromiseRow): Cadence {
    return JSON.parse(row.cadence) as Cadence;
  }

  function present(row: PromiseRow, scope: Scope, rows: Rows, { day, zone }: Local): PromiseItem {
    const cadence = cadenceOf(row);
    const marks = rows.marks.filter((m) => m.promise_id === row.id);
    const excusals = rows.excusals.filter((e) => e.promise_id === row.id);
    const occurrences: Occurrence[] = row.started_on
      ? occurrencesOf({
          cadence,
          startedOn: row.started_on,
          until: row.ended_at ? dayIn(new Date(row.ended_at), zone) : day,
          marks: marks.map((m) => ({ on: m.on_day, mark: storedEnum(SELF_MARKS, m.mark) })),
          views: rows.views
            .filter((v) => v.promise_id === row.id)
            .map((v) => ({ on: v.on_day, view: storedEnum(PARTNER_VIEWS, v.view) })),
          excusals: excusals
            .filter((e) => e.status === "accepted")
            .map((e) => ({ from: e.from_day, to: e.to_day })),
        })
      : [];
    const self = reliabilityOf(occurrences, cadence, selfRecord);
    return {
      id: row.id,
      by: row.author_id,
      mine: row.author_id === scope.viewerId,
      status: storedEnum(PROMISE_STATUSES, row.status),
      text: row.text,
      noticeHow: row.notice_how,
      sharedWithTherapist: row.visibility === "therapist",
      cadence: cadence as PromiseItem["cadence"],
      kind: storedEnum(PROMISE_KINDS, row.kind),
      area: row.area === null ? null : storedEnum(TRANSPARENCY_AREAS, row.area),
      reviewOn: row.review_on,
      replaces: row.replaces,
      proposedAt: row.created_at,
      acceptedAt: row.accepted_at,
      startedOn: row.started_on,
      endedAt: row.ended_at,
      reliability: self.score,
      record: { self, partner: reliabilityOf(occurrences, cadence, partnerRecord) },
      occurrences: occurrences.map((o) => {
        const mark = marks.find((m) => m.on_day === o.on);
        return {
          ...o,
          ...(mark ? { markId: mark.id } : {}),
          ...(mark?.repair_note ? { repairNote: mark.repair_note } : {}),
        };
      }),
      excusals: excusals.map((e) => ({
        id: e.id,
        from: e.from_day,
        to: e.to_day,
        ...(e.reason ? { reason: e.reason } : {}),
        status: storedEnum(EXCUSAL_STATUSES, e.status),
        by: e.author_id,
        mine: e.author_id === scope.viewerId,
        at: e.created_at,
      })),
    };
  }

  async function rowsOf(store: Store): Promise<Rows> {
    const [marks, views, excusals] = await Promise.all([
      store.marks(),
      store.views(),
      store.excusals(),
    ]);
    return { marks, views, excusals };
  }

  /**
   * `local` is worked out before a transaction opens: on SQLite's one connection, reading the
   * zone outside the transaction would wait for the transaction, which waits for it.
   */
  async function one(store: Store, scope: Scope, id: string, local: Local): Promise<PromiseItem> {
    const row = await store.find(id);
    if (!row) throw errors.notFound("That promise");
    return present(row, scope, await rowsOf(store), local);
  }

  /** Finds the promise and checks the move against it, or refuses in words. */
  async function checked(store: Store, scope: Scope, id: string, move: PromiseMove) {
    const row = await store.find(id);
    if (!row) throw errors.notFound("That promise");
    const status = storedEnum(PROMISE_STATUSES, row.status);
    const problem = promiseMoveProblem({ status, promiser: row.author_id }, move, scope.viewerId);
    if (problem) throw errors.conflict("promise_state", problem);
    return row;
  }

  async function moved(
    store: Store,
    id: string,
    from: string,
    change: Parameters<Store["move"]>[2],
  ) {
    if (!(await store.move(id, from, change))) {
      throw errors.conflict("promise_state", "This promise changed meanwhile. Have a look.");
    }
  }

  return {
    async list(scope: Scope) {
      const store = stores.at(scope);
      const [rows, related, now] = await Promise.all([store.list(), rowsOf(store), today(scope)]);
      const promises = rows.map((row) => present(row, scope, related, now));
      const tracked = promises.filter((p) => p.status === "active");
      return {
        promises,
        reliability: coupleReliability(
          tracked.map((p) => ({ series: p.record.self.series.map((s) => s.score) })),
        ),
        today: now.day,
        timeZone: now.zone,
      };
    },

    async create(scope: Scope, input: z.infer<typeof PromiseBody>) {
      const local = await today(scope);
      const { day } = local;
      if (input.kind === "transparency" && input.area === undefined) {
        throw errors.invalid({
          area: "Choose what the routine is about: finances, technology or social media.",
        });
      }
      if (input.kind === "ordinary" && input.area !== undefined) {
        throw errors.invalid({ area: "Only a transparency routine has an area." });
      }
      const reviewProblem = reviewDayProblem(input.kind, input.reviewOn, day);
      if (reviewProblem) throw errors.invalid({ reviewOn: reviewProblem });
      return stores.transaction(scope, async (store) => {
        if (input.replaces) {
          const old = await store.find(input.replaces);
          if (!old || old.author_id !== scope.viewerId || old.status !== "active") {
            throw errors.invalid({
              replaces: "Only an active promise of your own can be changed.",
            });
          }
        }
        const now = clock.now().toISOString();
        await store.insert({
          id: input.id,
          couple_id: scope.coupleId,
          author_id: scope.viewerId,
          visibility: "couple",
          created_at: now,
          text: input.text,
          notice_how: input.noticeHow,
          cadence: JSON.stringify(input.cadence),
          kind: input.kind,
          area: input.area ?? null,
          review_on: input.reviewOn ?? addDaysToDay(day, DEFAULT_PROMISE_REVIEW_DAYS),
          replaces: input.replaces ?? null,
          status: "proposed",
          accepted_at: null,
          started_on: null,
          ended_at: null,
          updated_at: now,
        });
        return one(store, scope, input.id, local);
      });
    },

    async accept(scope: Scope, id: string) {
      const local = await today(scope);
      const { day } = local;
      return stores.transaction(scope, async (store) => {
        const row = await checked(store, scope, id, "accept");
        const now = clock.now().toISOString();
        await moved(store, id, "proposed", {
          status: "active",
          accepted_at: now,
          started_on: day,
          updated_at: now,
        });
        // The changed wording takes over: the one it replaces stops being tracked today.
        if (row.replaces) {
          await store.move(row.replaces, "active", {
            status: "retired",
            ended_at: now,
            updated_at: now,
          });
        }
        return one(store, scope, id, local);
      });
    },

    decline: (scope: Scope, id: string) => endProposal(scope, id, "decline", "declined"),
    withdraw: (scope: Scope, id: string) => endProposal(scope, id, "withdraw", "withdrawn"),

    async review(scope: Scope, id: string, input: z.infer<typeof ReviewBody>) {
      const local = await today(scope);
      const { day } = local;
      return stores.transaction(scope, async (store) => {
        const row = await checked(store, scope, id, "review");
        const now = clock.now().toISOString();
        if (input.outcome === "retire") {
          await moved(store, id, "active", { status: "retired", ended_at: now, updated_at: now });
        } else {
          const kind = storedEnum(PROMISE_KINDS, row.kind);
          const problem = reviewDayProblem(kind, input.reviewOn, day);
          if (problem) throw errors.invalid({ reviewOn: problem });
          await moved(store, id, "active", { review_on: input.reviewOn, updated_at: now });
        }
        return one(store, scope, id, local);
      });
    },

    async mark(scope: Scope, id: string, input: z.infer<typeof MarkBody>) {
      const local = await today(scope);
      const { zone } = local;
      return stores.transaction(scope, async (store) => {
        const row = await checked(store, scope, id, "mark");
        dueOrRefuse(row, input.on, zone);
        await store.replaceMark({
          id: input.id,
          couple_id: scope.coupleId,
          author_id: scope.viewerId,
          visibility: "couple",
          created_at: clock.now().toISOString(),
          promise_id: id,
          on_day: input.on,
          mark: input.mark,
          repair_note: input.mark === "missed" ? (input.repairNote ?? null) : null,
        });
        return one(store, scope, id, local);
      });
    },

    async view(scope: Scope, id: string, input: z.infer<typeof ViewBody>) {
      const local = await today(scope);
      const { zone } = local;
      return stores.transaction(scope, async (store) => {
        const row = await checked(store, scope, id, "view");
        dueOrRefuse(row, input.on, zone);
        await store.putView({
          promise_id: id,
          on_day: input.on,
          view: input.view,
          at: clock.now().toISOString(),
        });
        return one(store, scope, id, local);
      });
    },

    async excuse(scope: Scope, id: string, input: z.infer<typeof ExcusalBody>) {
      const local = await today(scope);
      const { day } = local;
      return stores.transaction(scope, async (store) => {
        const row = await checked(store, scope, id, "mark");
        const problem = excusalProblem(input.from, input.to, day);
        if (problem) throw errors.invalid({ from: problem });
        await store.insertExcusal({
          id: input.id,
          couple_id: scope.coupleId,
          author_id: scope.viewerId,
          visibility: row.visibility,
          created_at: clock.now().toISOString(),
          promise_id: id,
          from_day: input.from,
          to_day: input.to,
          reason: input.reason ?? null,
          status: "proposed",
          answered_at: null,
        });
        const promise = await one(store, scope, id, local);
        const excusal = promise.excusals.find((e) => e.id === input.id);
        if (!excusal) throw new Error("The excusal just written was not read back.");
        return excusal;
      });
    },

    /** Kept marks with the moment each was made, and each tracked promise's due days: for milestones. */
    async milestoneFacts(scope: Scope) {
      const store = stores.at(scope);
      const [rows, related, now] = await Promise.all([store.list(), rowsOf(store), today(scope)]);
      const tracked = rows.filter((r) => r.started_on !== null);
      return {
        today: now.day,
        kept: related.marks
          .filter((m) => m.mark === "kept")
          .map((m) => ({ promiseId: m.promise_id, on: m.on_day, at: m.created_at })),
        promises: tracked
          .filter((r) => cadenceOf(r).kind !== "situational")
          .map((r) => ({
            id: r.id,
            startedOn: r.started_on ?? now.day,
            dueDays: present(r, scope, related, now).occurrences.map((o) => o.on),
          })),
      };
    },

    acceptExcusal: (scope: Scope, id: string, excusalId: string) =>
      answerExcusal(scope, id, excusalId, "accepted"),
    declineExcusal: (scope: Scope, id: string, excusalId: string) =>
      answerExcusal(scope, id, excusalId, "declined"),
  };

  async function endProposal(
    scope: Scope,
    id: string,
    move: "decline" | "withdraw",
    status: "declined" | "withdrawn",
  ) {
    const local = await today(scope);
    return stores.transaction(scope, async (store) => {
      await checked(store, scope, id, move);
      const now = clock.now().toISOString();
      await moved(store, id, "proposed", { status, ended_at: now, updated_at: now });
      return one(store, scope, id, local);
    });
  }

  async function answerExcusal(
    scope: Scope,
    id: string,
    excusalId: string,
    status: "accepted" | "declined",
  ) {
    const local = await today(scope);
    const { day } = local;
    return stores.transaction(scope, async (store) => {
      const promise = await one(store, scope, id, local);
      const excusal = promise.excusals.find((e) => e.id === excusalId);
      if (!excusal) throw errors.notFound("Those days off");
      if (excusal.mine) {
        throw errors.conflict(
          "excusal_state",
          "Your partner is the one to agree to days off you asked for.",
        );
      }
      if (excusal.status !== "proposed") {
        throw errors.conflict("excusal_state", "These days off have been answered already.");
      }
      if (status === "accepted" && excusal.to < day) {
        throw errors.conflict(
          "excusal_state",
          "These days have passed; days off are agreed ahead.",
        );
      }
      if (!(await store.answerExcusal(excusalId, status, clock.now().toISOString()))) {
        throw errors.conflict("excusal_state", "These days off changed meanwhile. Have a look.");
      }
      const after = (await one(store, scope, id, local)).excusals.find((e) => e.id === excusalId);
      if (!after) throw new Error("The excusal just answered was not read back.");
      return after;
    });
  }

  function dueOrRefuse(row: PromiseRow, on: string, zone: string): void {
    if (!row.started_on) throw errors.conflict("promise_state", "This promise is not tracked yet.");
    const problem = markProblem(cadenceOf(row), row.started_on, on, clock.now(), zone);
    if (problem) throw errors.invalid({ on: problem });
  }
}
export type PromiseService = ReturnType<typeof promiseService>;
