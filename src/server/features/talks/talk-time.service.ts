import type { z } from "zod";
import type {
  ProposeTalkTimeBody,
  TalkLog,
  TalkLogBody,
  TalkTime,
} from "../../../contracts/talk-times.ts";
import { answerConflict, withdrawConflict } from "../../../domain/proposals.ts";
import {
  nextWindowOf,
  type TalkTimeShape,
  WEEKDAYS,
  windowsBetween,
} from "../../../domain/schedule.ts";
import { TALK_OUTCOMES, TALK_TIME_STATUSES } from "../../../domain/stabilize.ts";
import { inTransaction } from "../../platform/db.ts";
import type { TalkLogRow, TalkTimeRow } from "../../platform/db-schema.ts";
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
import { type TalkTimeStore, talkTimeStore } from "./talk-time.store.ts";

const DAY_MS = 86_400_000;
/** How long after a window its one-minute log is still asked for. */
const LOG_WINDOW_DAYS = 3;

type Window = { startsAt: string; endsAt: string; talkTimeId: string };

function asItem(row: TalkTimeRow) {
  return coupleItem(row, row.proposed_by);
}

function logItem(row: TalkLogRow) {
  return coupleItem(row, row.author_id);
}

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
export function talkTimeService({ db, clock }: ServiceDeps) {
  const store = talkTimeStore(db);

  async function load(tx: TalkTimeStore, actor: Actor, id: string) {
    const found = await tx.find(id);
    return requireActionable(actor, found && asItem(found), "That talk time");
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
    actor: Actor,
    coupleId: string,
    input: z.infer<typeof ProposeTalkTimeBody>,
    replacesId: string | null,
  ): Promise<TalkTimeRow> {
    const now = clock.now().toISOString();
    const row: TalkTimeRow = {
      id: newId(),
      couple_id: coupleId,
      proposed_by: actor.userId,
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

  async function answer(actor: Actor, id: string, to: "accepted" | "declined") {
    return inTransaction(db, talkTimeStore, async (tx) => {
      const row = await load(tx, actor, id);
      const conflict = answerConflict(
        { status: row.status, proposedBy: row.proposed_by },
        actor.userId,
      );
      if (conflict) throw errors.conflict("talk_time_state", conflict);
      return present(await move(tx, row, to, clock.now().toISOString()));
    });
  }

  async function acceptedShapes(coupleId: string) {
    const rows = await store.listForCouple(coupleId);
    return rows.filter((row) => row.status === "accepted").map(shape);
  }

  /** The most recent ended window of the last few days that the caller has not logged yet. */
  async function windowToLog(actor: Actor, rows: TalkTimeRow[], now: Date) {
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
    const mine = (await store.logsForCouple(requireCoupleMember(actor))).filter(
      (log) => log.author_id === actor.userId,
    );
    return (
      ended.find(
        (w) =>
          !mine.some((log) => log.talk_time_id === w.talkTimeId && log.window_start === w.startsAt),
      ) ?? null
    );
  }

  return {
    async list(actor: Actor) {
      const coupleId = requireCoupleMember(actor);
      const now = clock.now();
      const rows = (await store.listForCouple(coupleId)).filter((row) =>
        canRead(actor, asItem(row)),
      );
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
        toLog: await windowToLog(actor, rows, now),
      };
    },

    async propose(actor: Actor, input: z.infer<typeof ProposeTalkTimeBody>) {
      const coupleId = requireCoupleMember(actor);
      return present(
        await inTransaction(db, talkTimeStore, (tx) =>
          insertProposal(tx, actor, coupleId, input, null),
        ),
      );
    },

    accept: (actor: Actor, id: string) => answer(actor, id, "accepted"),
    decline: (actor: Actor, id: string) => answer(actor, id, "declined"),

    /** "How about another time?": the original is kept as countered, the new one is the answerer's proposal. */
    async counter(actor: Actor, id: string, input: z.infer<typeof ProposeTalkTimeBody>) {
      return inTransaction(db, talkTimeStore, async (tx) => {
        const row = await load(tx, actor, id);
        const conflict = answerConflict(
          { status: row.status, proposedBy: row.proposed_by },
          actor.userId,
        );
        if (conflict) throw errors.conflict("talk_time_state", conflict);
        await move(tx, row, "countered", clock.now().toISOString());
        return present(await insertProposal(tx, actor, row.couple_id, input, row.id));
      });
    },

    async withdraw(actor: Actor, id: string) {
      return inTransaction(db, talkTimeStore, async (tx) => {
        const row = await load(tx, actor, id);
        const conflict = withdrawConflict(
          { status: row.status, proposedBy: row.proposed_by },
          actor.userId,
        );
        if (conflict) throw errors.conflict("talk_time_state", conflict);
        return present(await move(tx, row, "withdrawn", clock.now().toISOString()));
      });
    },

    /** Either partner can stop a talk time that no longer works; the history keeps it. */
    async end(actor: Actor, id: string) {
      return inTransaction(db, talkTimeStore, async (tx) => {
        const row = await load(tx, actor, id);
        if (row.status !== "accepted") {
          throw errors.conflict("talk_time_state", "Only an agreed talk time can be ended.");
        }
        return present(await move(tx, row, "ended", clock.now().toISOString()));
      });
    },

    async log(
      actor: Actor,
      id: string,
      input: z.infer<typeof TalkLogBody>,
    ): Promise<z.infer<typeof TalkLog>> {
      const found = await store.find(id);
      const row = requireActionable(actor, found && asItem(found), "That talk time");
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
        id: newId(),
        couple_id: row.couple_id,
        author_id: actor.userId,
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
      return presentLog(log, actor);
    },

    async logs(actor: Actor) {
      const coupleId = requireCoupleMember(actor);
      const rows = await store.logsForCouple(coupleId);
      return rows
        .filter((row) => canRead(actor, logItem(row)))
        .map((row) => presentLog(row, actor));
    },

    /** For readiness: an accepted talk time, and a talk the viewer can see was held. */
    async facts(actor: Actor, coupleId: string) {
      const [accepted, logs] = await Promise.all([
        acceptedShapes(coupleId),
        store.logsForCouple(coupleId),
      ]);
      const visibleHeld = logs.filter(
        (log) => canRead(actor, logItem(log)) && log.went !== "did-not-happen",
      );
      return {
        accepted: accepted.length,
        held: visibleHeld.length,
        timeZone: accepted.at(-1)?.timeZone ?? null,
      };
    },

    /** The zone the couple's days are counted in: their latest agreed talk time's, else UTC. */
    async coupleTimeZone(coupleId: string): Promise<string> {
      return (await acceptedShapes(coupleId)).at(-1)?.timeZone ?? "UTC";
    },
  };
}

function presentLog(row: TalkLogRow, actor: Actor): z.infer<typeof TalkLog> {
  return {
    id: row.id,
    talkTimeId: row.talk_time_id,
    windowStart: row.window_start,
    went: storedEnum(TALK_OUTCOMES, row.went),
    intensityBefore: Number(row.intensity_before),
    intensityAfter: Number(row.intensity_after),
    note: row.note,
    by: row.author_id,
    mine: row.author_id === actor.userId,
    at: row.at,
  };
}
export type TalkTimeService = ReturnType<typeof talkTimeService>;
