import type { z } from "zod";
import type { Checkin, CheckinBody, CheckinWeek } from "../../../contracts/checkins.ts";
import { checkinWeekProblem, openWeeks } from "../../../domain/checkins.ts";
import { WEEKDAYS } from "../../../domain/schedule.ts";
import type { Scope } from "../../platform/access.ts";
import type { CheckinRow } from "../../platform/db-schema.ts";
import { errors } from "../../platform/errors.ts";
import { storedEnum } from "../../platform/stored.ts";
import type { ScopedStores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import type { CheckinStore } from "./checkin.store.ts";

/**
 * Weekly check-ins. Each partner writes their own for the week; the partner's stays unseen
 * until both have submitted, and then neither changes, so what was said is what was read.
 */
export function checkinService(
  { clock }: ServiceDeps,
  stores: ScopedStores<CheckinStore>,
  coupleTimeZone: (scope: Scope) => Promise<string>,
) {
  function present(row: CheckinRow, scope: Scope): Checkin {
    return {
      id: row.id,
      week: row.week,
      by: row.author_id,
      mine: row.author_id === scope.viewerId,
      at: row.updated_at,
      safety: row.safety,
      connection: row.connection,
      trust: row.trust,
      intensity: row.intensity,
      appreciation: row.appreciation,
      concern: row.concern,
      wish: row.wish,
      sameConcern: row.same_concern === 1,
      pushedToMoveOn: row.pushed_to_move_on === 1,
      dontKnowWhereToStart: row.dont_know_where_to_start === 1,
      sharedWithTherapist: row.visibility === "therapist",
    };
  }

  /** Weeks newest first, the partner's answers withheld until the viewer's own stands beside. */
  function weeksOf(rows: readonly CheckinRow[], scope: Scope): CheckinWeek[] {
    return [...byWeek(rows).entries()]
      .sort(([a], [b]) => b.localeCompare(a))
      .map(([week, entries]) => {
        const mine = entries.find((r) => r.author_id === scope.viewerId) ?? null;
        const theirs = entries.find((r) => r.author_id !== scope.viewerId) ?? null;
        return {
          week,
          mine: mine && present(mine, scope),
          theirs: mine && theirs ? present(theirs, scope) : null,
          partnerSubmitted: theirs !== null,
        };
      });
  }

  return {
    async list(scope: Scope) {
      const store = stores.at(scope);
      const [rows, day, timeZone] = await Promise.all([
        store.list(),
        store.day(),
        coupleTimeZone(scope),
      ]);
      const { current, previous } = openWeeks(clock.now(), timeZone);
      return {
        weeks: weeksOf(rows, scope),
        currentWeek: current,
        previousWeek: previous,
        day: day && { weekday: storedEnum(WEEKDAYS, day.weekday), setBy: day.setBy },
        timeZone,
      };
    },

    /** Writes or rewrites one's check-in; `created` tells a first one from a change. */
    async put(scope: Scope, week: string, input: z.infer<typeof CheckinBody>) {
      const timeZone = await coupleTimeZone(scope);
      const problem = checkinWeekProblem(week, clock.now(), timeZone);
      if (problem) throw errors.invalid({ week: problem });
      return stores.transaction(scope, async (store) => {
        const entries = (await store.list()).filter((r) => r.week === week);
        const mine = entries.find((r) => r.author_id === scope.viewerId);
        const theirs = entries.find((r) => r.author_id !== scope.viewerId);
        if (mine && theirs) {
          throw errors.conflict(
            "checkin_closed",
            "You have both checked in for this week, so it stays as you both read it.",
          );
        }
        const now = clock.now().toISOString();
        const row: CheckinRow = {
          id: input.id,
          couple_id: scope.coupleId,
          author_id: scope.viewerId,
          visibility: "couple",
          created_at: mine?.created_at ?? now,
          week,
          safety: input.safety,
          connection: input.connection,
          trust: input.trust,
          intensity: input.intensity,
          appreciation: input.appreciation,
          concern: input.concern,
          wish: input.wish,
          same_concern: input.sameConcern ? 1 : 0,
          pushed_to_move_on: input.pushedToMoveOn ? 1 : 0,
          dont_know_where_to_start: input.dontKnowWhereToStart ? 1 : 0,
          updated_at: now,
        };
        if (mine) await store.replaceOwn(week, row);
        else await store.insert(row);
        return { checkin: present(row, scope), created: !mine };
      });
    },

    async setDay(scope: Scope, weekday: (typeof WEEKDAYS)[number]) {
      await stores.at(scope).setDay(weekday);
      return { day: { weekday, setBy: scope.viewerId } };
    },

    /** Weeks both partners checked in, with the moment the second did: for milestones. */
    async completedWeeks(scope: Scope): Promise<Array<{ week: string; completedAt: string }>> {
      return [...byWeek(await stores.at(scope).list()).entries()]
        .filter(([, entries]) => new Set(entries.map((e) => e.author_id)).size >= 2)
        .map(([week, entries]) => ({
          week,
          completedAt:
            entries
              .map((e) => e.created_at)
              .sort()
              .at(-1) ?? "",
        }));
    },
  };
}
export type CheckinService = ReturnType<typeof checkinService>;

function byWeek(rows: readonly CheckinRow[]): Map<string, CheckinRow[]> {
  const weeks = new Map<string, CheckinRow[]>();
  for (const row of rows) weeks.set(row.week, [...(weeks.get(row.week) ?? []), row]);
  return weeks;
}
