import type { z } from "zod";
import type { Setback, SetbacksReply } from "../../../contracts/setbacks.ts";
import { type SetbackKind, suggestsStepBack } from "../../../domain/setbacks.ts";

type Said = { by: string; at: string };

/** Who has said a setback feels repaired, from the viewer's side. */
export function repairStanding(
  setback: Pick<Setback, "repairedBy" | "repairedAt">,
  meId: string,
): { mine: Said | null; partner: Said | null; repaired: boolean } {
  return {
    mine: setback.repairedBy.find((said) => said.by === meId) ?? null,
    partner: setback.repairedBy.find((said) => said.by !== meId) ?? null,
    repaired: setback.repairedAt !== null,
  };
}

/** Still being repaired first (the newest on top), then the repaired ones, newest first. */
export function splitSetbacks<S extends Pick<Setback, "at" | "repairedAt">>(
  setbacks: readonly S[],
): { open: S[]; repaired: S[] } {
  const newest = (a: S, b: S) => b.at.localeCompare(a.at);
  return {
    open: setbacks.filter((s) => s.repairedAt === null).toSorted(newest),
    repaired: setbacks.filter((s) => s.repairedAt !== null).toSorted(newest),
  };
}

export interface RepairRow {
  setbackId: string;
  /** The nth setback repaired, from 1. */
  number: number;
  hours: number;
  kind: SetbackKind | null;
  at: string | null;
  repairedAt: string | null;
}

/**
 * The time each repaired setback took, oldest first as the reply orders them, with what the
 * list says about that setback, for the chart and its table.
 */
export function repairRows(
  reply: Pick<z.infer<typeof SetbacksReply>, "setbacks" | "timeToRepair">,
): RepairRow[] {
  const byId = new Map(reply.setbacks.map((s) => [s.id, s]));
  return reply.timeToRepair.map((entry, index) => {
    const setback = byId.get(entry.setbackId);
    return {
      setbackId: entry.setbackId,
      number: index + 1,
      hours: entry.hours,
      kind: setback?.kind ?? null,
      at: setback?.at ?? null,
      repairedAt: setback?.repairedAt ?? null,
    };
  });
}

/** Hours as the table shows them: whole hours from ten up, one decimal below, never a bare 0. */
export function hoursText(hours: number): string {
  if (hours < 0.05) return "under 0.1";
  return hours >= 10 ? String(Math.round(hours)) : String(Math.round(hours * 10) / 10);
}

/**
 * Whether a setback still calls for the gentle note that stepping back may help: something new
 * was hidden, it is not repaired yet, and the couple is still in Rebuild.
 */
export function stepBackNoted(
  setback: Pick<Setback, "kind" | "repairedAt">,
  phase: string,
): boolean {
  return setback.repairedAt === null && suggestsStepBack(setback.kind, phase);
}
