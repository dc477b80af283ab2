import type { z } from "zod";
import {
  INTENSITY_HISTORY_DAYS,
  type IntensityBody,
  type IntensityEntry,
} from "../../../contracts/intensity.ts";
import {
  intensityTrend,
  LONG_RUN_DAYS,
  TREND_DAYS,
  trendSentence,
} from "../../../domain/intensity.ts";
import type { Scope } from "../../platform/access.ts";
import type { IntensityRow } from "../../platform/db-schema.ts";
import { newId } from "../../platform/ids.ts";
import { storedVisibility } from "../../platform/stored.ts";
import type { ScopedStores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import type { IntensityStore } from "./intensity.store.ts";

const DAY_MS = 86_400_000;

/** Which zone a couple's days are counted in: the zone of their talk times, else UTC. */
export type CoupleTimeZone = (scope: Scope) => Promise<string>;

/** The daily 0–10 check of how intense things feel; shared by default, private on request. */
export function intensityService(
  { clock }: ServiceDeps,
  stores: ScopedStores<IntensityStore>,
  zoneOf: CoupleTimeZone,
) {
  function present(row: IntensityRow, scope: Scope): IntensityEntry {
    const mine = row.author_id === scope.viewerId;
    return {
      id: row.id,
      value: Number(row.value),
      ...(row.note !== null ? { note: row.note } : {}),
      ...(mine ? { visibility: storedVisibility(row.visibility) } : {}),
      at: row.at,
      mine,
      by: row.author_id,
    };
  }

  async function list(scope: Scope, days = INTENSITY_HISTORY_DAYS): Promise<IntensityEntry[]> {
    const since = new Date(clock.now().getTime() - days * DAY_MS).toISOString();
    const rows = await stores.at(scope).since(since);
    return rows.map((row) => present(row, scope));
  }

  /**
   * Each partner's trend over the last two weeks, and its long run over six, from what the viewer
   * may see: a partner who keeps their intensity checks private has no trend in the other's view.
   */
  async function trends(scope: Scope, timeZone: string) {
    const now = clock.now();
    const since = new Date(now.getTime() - (LONG_RUN_DAYS + 1) * DAY_MS).toISOString();
    const visible = await stores.at(scope).since(since);
    const authors = [...new Set(visible.map((row) => row.author_id))];
    return authors.map((authorId) => {
      const entries = visible
        .filter((row) => row.author_id === authorId)
        .map((row) => ({ value: Number(row.value), at: new Date(row.at) }));
      const trend = intensityTrend(entries, now, timeZone, TREND_DAYS);
      return {
        by: authorId,
        mine: authorId === scope.viewerId,
        status: trend.status,
        sentence: trendSentence(trend),
      };
    });
  }

  return {
    list,
    trends,

    /** Entries, trends and the zone they are counted in, for the intensity screen. */
    async overview(scope: Scope, viewerZone?: string, days?: number) {
      const timeZone = viewerZone ?? (await zoneOf(scope));
      return {
        entries: await list(scope, days),
        trends: await trends(scope, timeZone),
        timeZone,
      };
    },

    async record(scope: Scope, input: z.infer<typeof IntensityBody>) {
      const row: IntensityRow = {
        id: input.id,
        couple_id: scope.coupleId,
        author_id: scope.viewerId,
        value: input.value,
        note: input.note ?? null,
        visibility: input.visibility ?? "couple",
        at: clock.now().toISOString(),
      };
      await stores.at(scope).insert(row);
      return {
        id: row.id,
        value: row.value,
        note: row.note,
        visibility: storedVisibility(row.visibility),
        at: row.at,
      };
    },
  };
}
export type IntensityService = ReturnType<typeof intensityService>;
