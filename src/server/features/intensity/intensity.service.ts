import type { z } from "zod";
import type { IntensityBody, IntensityEntry } from "../../../contracts/intensity.ts";
import { intensityTrend, TREND_DAYS, trendSentence } from "../../../domain/intensity.ts";
import type { IntensityRow } from "../../platform/db-schema.ts";
import { newId } from "../../platform/ids.ts";
import { type Actor, canRead, requireCoupleMember } from "../../platform/policy.ts";
import { coupleItem, storedVisibility } from "../../platform/stored.ts";
import type { ServiceDeps } from "../deps.ts";
import { intensityStore } from "./intensity.store.ts";

const DAY_MS = 86_400_000;

/** How far back the list and charts reach. */
export const INTENSITY_HISTORY_DAYS = 120;

function asItem(row: IntensityRow) {
  return coupleItem(row, row.author_id);
}

/** Which zone a couple's days are counted in: the zone of their talk times, else UTC. */
export type CoupleTimeZone = (coupleId: string) => Promise<string>;

/** The daily 0–10 check of how intense things feel; shared by default, private on request. */
export function intensityService({ db, clock }: ServiceDeps, zoneOf: CoupleTimeZone) {
  const store = intensityStore(db);

  function present(row: IntensityRow, actor: Actor): IntensityEntry {
    const mine = row.author_id === actor.userId;
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

  async function list(actor: Actor): Promise<IntensityEntry[]> {
    const coupleId = requireCoupleMember(actor);
    const since = new Date(clock.now().getTime() - INTENSITY_HISTORY_DAYS * DAY_MS).toISOString();
    const rows = await store.listForCouple(coupleId, since);
    return rows.filter((row) => canRead(actor, asItem(row))).map((row) => present(row, actor));
  }

  /**
   * Each partner's trend over the last two weeks, from what the viewer may see: a partner who
   * keeps their check-ins private has no trend in the other's view.
   */
  async function trends(actor: Actor, coupleId: string, timeZone: string) {
    const now = clock.now();
    const since = new Date(now.getTime() - (TREND_DAYS + 1) * DAY_MS).toISOString();
    const visible = (await store.listForCouple(coupleId, since)).filter((row) =>
      canRead(actor, asItem(row)),
    );
    const authors = [...new Set(visible.map((row) => row.author_id))];
    return authors.map((authorId) => {
      const entries = visible
        .filter((row) => row.author_id === authorId)
        .map((row) => ({ value: Number(row.value), at: new Date(row.at) }));
      const trend = intensityTrend(entries, now, timeZone, TREND_DAYS);
      return {
        by: authorId,
        mine: authorId === actor.userId,
        status: trend.status,
        sentence: trendSentence(trend),
      };
    });
  }

  return {
    list,
    trends,

    /** Entries, trends and the zone they are counted in, for the intensity screen. */
    async overview(actor: Actor, viewerZone?: string) {
      const coupleId = requireCoupleMember(actor);
      const timeZone = viewerZone ?? (await zoneOf(coupleId));
      return {
        entries: await list(actor),
        trends: await trends(actor, coupleId, timeZone),
        timeZone,
      };
    },

    async record(actor: Actor, input: z.infer<typeof IntensityBody>) {
      const coupleId = requireCoupleMember(actor);
      const row: IntensityRow = {
        id: newId(),
        couple_id: coupleId,
        author_id: actor.userId,
        value: input.value,
        note: input.note ?? null,
        visibility: input.visibility ?? "couple",
        at: clock.now().toISOString(),
      };
      await store.insert(row);
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
