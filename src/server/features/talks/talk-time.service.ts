import type { z } from "zod";
import type {
  ProposeTalkTimeBody,
  TalkLog,
  TalkLogBody,
  TalkTime,
} from "../../../contracts/talks.ts";
import { PAGE_SIZE, pageOf, positionOf } from "../../../domain/pages.ts";
import type { ProposalMove } from "../../../domain/proposals.ts";
import {
  nextWindowOf,
  type TalkTimeShape,
  WEEKDAYS,
  windowsBetween,
} from "../../../domain/schedule.ts";
import { TALK_OUTCOMES, TALK_TIME_STATUSES } from "../../../domain/talks.ts";
import { VISIBILITIES } from "../../../domain/visibility.ts";
import { requireActionable, type Scope } from "../../platform/access.ts";
import type { TalkLogRow, TalkTimeRow } from "../../platform/db-schema.ts";
import { errors } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { takeProposalStep } from "../../platform/proposal-step.ts";
import { storedEnum } from "../../platform/stored.ts";
import type { ScopedStores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import type { TalkTimeStore } from "./talk-time.store.ts";

const DAY_MS = 86_400_000;
/** How long after a window its one-minute log is still asked for. */
const LOG_WINDOW_DAYS = 3;

type Window = { startsAt: string; endsAt: string; talkTimeId: string };

function shape(row: TalkTimeRow): TalkTimeShape & { id: string } {
  return {
    id: row.id,
    weekday: storedEnum(WEEKDAYS, row.weekday),
    start: row.start,
    minutes: Number(row.minutes),
    timeZone: row.time_zone,
  };
}

/**
 * Windows of a talk time that can have been held between `from` and `to`: only once both had
 * agreed to it, and, for one that was ended, only before it was.
 */
function heldWindows(row: TalkTimeRow, from: Date, to: Date) {
  if (row.accepted_at === null || (row.status !== "accepted" && row.status !== "ended")) return [];
  const start = new Date(Math.max(from.getTime(), Date.parse(row.accepted_at)));
  const end =
    row.status === "ended" ? new Date(Math.min(to.getTime(), Date.parse(row.updated_at))) : to;
  return windowsBetween(shape(row), start, end);
}

function present(row: TalkTimeRow): TalkTime {
  return {
    ...shape(row),
    status: storedEnum(TALK_TIME_STATUSES, row.status),
    proposedBy: row.proposed_by,
    replacesId: row.replaces_id,
    createdAt: row.created_at,
  };
}

/** Agreed weekly windows for talking about the rupture, and the one-minute log after each. */
export function talkTimeService({ clock }: ServiceDeps, stores: ScopedStores<TalkTimeStore>) {
  async function load(tx: TalkTimeStore, scope: Scope, id: string) {
    return requireActionable(scope, await tx.find(id), (row) => row.proposed_by, "That talk time");
  }

  async function move(tx: TalkTimeStore, row: TalkTimeRow, to: string, now: string) {
    if (!(await tx.transition(row.id, row.status, to, now))) {
      throw errors.conflict(
        "talk_time_state",
        "This talk time changed meanwhile. Reload and try again.",
      );
    }
    return { ...row, status: to, updated_at: now };
  }

  async function insertProposal(
    tx: TalkTimeStore,
    scope: Scope,
    input: z.infer<typeof ProposeTalkTimeBody>,
    replacesId: string | null,
  ): Promise<TalkTimeRow> {
    const now = clock.now().toISOString();
    const row: TalkTimeRow = {
      id: newId(),
      couple_id: scope.coupleId,
      proposed_by: scope.viewerId,
      weekday: input.weekday,
      start: input.start,
      minutes: input.minutes,
      time_zone: input.timeZone,
      status: "proposed",
      visibility: "couple",
      replaces_id: replacesId,
      accepted_at: null,
      created_at: now,
      updated_at: now,
    };
    await tx.insert(row);
    return row;
  }

  /** Accepting, countering, declining or withdrawing: one step of the proposal life cycle. */
  async function step(tx: TalkTimeStore, scope: Scope, id: string, how: ProposalMove) {
    const row = await load(tx, scope, id);
    const now = clock.now().toISOString();
    const proposal = { open: row.status === "proposed", proposedBy: row.proposed_by };
    const to = await takeProposalStep(scope, proposal, how, "talk_time_state", (outcome) =>
      tx.transition(row.id, row.status, outcome, now),
    );
    return { ...row, status: to, updated_at: now };
  }

  async function acceptedShapes(scope: Scope) {
    const rows = await stores.at(scope).list();
    return rows.filter((row) => row.status === "accepted").map(shape);
  }

  /** The most recent ended window of the last few days that the caller has not logged yet. */
  async function windowToLog(scope: Scope, rows: TalkTimeRow[], now: Date) {
    const from = new Date(now.getTime() - LOG_WINDOW_DAYS * DAY_MS);
    const ended: Window[] = rows
      .flatMap((talkTime) =>
        heldWindows(talkTime, from, now).map((w) => ({
          startsAt: w.startsAt.toISOString(),
          endsAt: w.endsAt.toISOString(),
          talkTimeId: talkTime.id,
        })),
      )
      .filter((w) => w.endsAt <= now.toISOString())
      .sort((x, y) => y.startsAt.localeCompare(x.startsAt));
    if (ended.length === 0) return null;
    const mine = await stores.at(scope).ownLogsSince(from.toISOString());
    const window = ended.find(
      (w) =>
        !mine.some((log) => log.talk_time_id === w.talkTimeId && log.window_start === w.startsAt),
    );
    if (!window) return null;
    return {
      ...window,
      paused: await stores.at(scope).pausedDuring(window.startsAt, window.endsAt),
    };
  }

  return {
    async list(scope: Scope) {
      const now = clock.now();
      const rows = await stores.at(scope).list();
      const accepted = rows.filter((row) => row.status === "accepted").map(shape);
      const next = nextWindowOf(accepted, now);
      return {
        talkTimes: rows.map(present),
        next: next
          ? {
              startsAt: next.startsAt.toISOString(),
              endsAt: next.endsAt.toISOString(),
              talkTimeId: next.talkTime.id,
            }
          : null,
        toLog: await windowToLog(scope, rows, now),
      };
    },

    async propose(scope: Scope, input: z.infer<typeof ProposeTalkTimeBody>) {
      return present(await insertProposal(stores.at(scope), scope, input, null));
    },

    accept: (scope: Scope, id: string) =>
      stores.transaction(scope, async (tx) => present(await step(tx, scope, id, "accept"))),
    decline: (scope: Scope, id: string) =>
      stores.transaction(scope, async (tx) => present(await step(tx, scope, id, "decline"))),
    withdraw: (scope: Scope, id: string) =>
      stores.transaction(scope, async (tx) => present(await step(tx, scope, id, "withdraw"))),

    /** "How about another time?": the original is kept as countered, the new one is the answerer's proposal. */
    async counter(scope: Scope, id: string, input: z.infer<typeof ProposeTalkTimeBody>) {
      return stores.transaction(scope, async (tx) => {
        const countered = await step(tx, scope, id, "counter");
        return present(await insertProposal(tx, scope, input, countered.id));
      });
    },

    /** Either partner can stop a talk time that no longer works; the history keeps it. */
    async end(scope: Scope, id: string) {
      return stores.transaction(scope, async (tx) => {
        const row = await load(tx, scope, id);
        if (row.status !== "accepted") {
          throw errors.conflict("talk_time_state", "Only an agreed talk time can be ended.");
        }
        return present(await move(tx, row, "ended", clock.now().toISOString()));
      });
    },

    async log(
      scope: Scope,
      id: string,
      input: z.infer<typeof TalkLogBody>,
    ): Promise<z.infer<typeof TalkLog>> {
      const store = stores.at(scope);
      const row = await load(store, scope, id);
      const now = clock.now();
      const windows = heldWindows(row, new Date(now.getTime() - 14 * DAY_MS), now);
      const windowStart = new Date(input.windowStart).toISOString();
      if (!windows.some((w) => w.startsAt.toISOString() === windowStart)) {
        throw errors.invalid({
          windowStart:
            "This is not a window of an agreed talk time from the last two weeks that has begun.",
        });
      }
      const log: TalkLogRow = {
        id: input.id,
        couple_id: scope.coupleId,
        author_id: scope.viewerId,
        talk_time_id: row.id,
        window_start: windowStart,
        went: input.went,
        intensity_before: input.intensityBefore,
        intensity_after: input.intensityAfter,
        note: input.note ?? null,
        visibility: input.visibility ?? "couple",
        at: now.toISOString(),
      };
      if (!(await store.insertLog(log))) {
        throw errors.conflict("already_logged", "You have logged this talk already.");
      }
      return presentLog(log, scope);
    },

    /** A page of logs, the newest first, and the cursor of the page before it. */
    async logs(scope: Scope, before?: string) {
      const position = before === undefined ? null : positionOf(before);
      const rows = await stores.at(scope).logs(position, PAGE_SIZE + 1);
      const { page, earlier } = pageOf(rows, (row) => ({ at: row.window_start, id: row.id }));
      return { logs: page.map((row) => presentLog(row, scope)), earlier };
    },

    /**
     * For readiness: an accepted talk time, and (when `countHeld`) how many talks the viewer can
     * see were held; uncounted is zero.
     */
    async facts(scope: Scope, countHeld: boolean) {
      const [accepted, held] = await Promise.all([
        acceptedShapes(scope),
        countHeld ? stores.at(scope).heldCount() : 0,
      ]);
      return {
        accepted: accepted.length,
        held,
        timeZone: accepted.at(-1)?.timeZone ?? null,
      };
    },

    /** When the couple's next agreed talk starts, within a week; null when none is agreed. */
    async nextTalk(scope: Scope): Promise<string | null> {
      const now = clock.now();
      const weekOn = new Date(now.getTime() + 8 * 86_400_000);
      const starts = (await acceptedShapes(scope))
        .flatMap((talkTime) => windowsBetween(talkTime, now, weekOn))
        .map((window) => window.startsAt.getTime())
        .filter((start) => start >= now.getTime())
        .sort((a, b) => a - b);
      return starts[0] === undefined ? null : new Date(starts[0]).toISOString();
    },

    /** The zone the couple's days are counted in: their latest agreed talk time's, else UTC. */
    async coupleTimeZone(scope: Scope): Promise<string> {
      return (await acceptedShapes(scope)).at(-1)?.timeZone ?? "UTC";
    },
  };
}

function presentLog(row: TalkLogRow, scope: Scope): z.infer<typeof TalkLog> {
  return {
    id: row.id,
    talkTimeId: row.talk_time_id,
    windowStart: row.window_start,
    went: storedEnum(TALK_OUTCOMES, row.went),
    intensityBefore: Number(row.intensity_before),
    intensityAfter: Number(row.intensity_after),
    note: row.note,
    by: row.author_id,
    mine: row.author_id === scope.viewerId,
    // Who may read it is the author's to know; the partner only ever sees what was shared.
    ...(row.author_id === scope.viewerId
      ? { visibility: storedEnum(VISIBILITIES, row.visibility) }
      : {}),
    at: row.at,
  };
}
export type TalkTimeService = ReturnType<typeof talkTimeService>;
