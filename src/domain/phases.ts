import type { ProposalOutcome } from "./proposals.ts";
/** The three phases of the road map, in the order a couple moves through them. */
export const PHASES = ["stabilize", "meaning", "rebuild"] as const;
export type Phase = (typeof PHASES)[number];

export type PhaseDirection = "forward" | "back" | "same";

export function phaseIndex(phase: Phase): number {
  return PHASES.indexOf(phase);
}

/** Forward moves need both partners; a step back needs only one (re-stabilizing must never wait). */
export function phaseDirection(from: Phase, to: Phase): PhaseDirection {
  const delta = phaseIndex(to) - phaseIndex(from);
  if (delta > 0) return "forward";
  if (delta < 0) return "back";
  return "same";
}

export function nextPhase(phase: Phase): Phase | null {
  return PHASES[phaseIndex(phase) + 1] ?? null;
}

export function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}

/** Reads a stored phase; anything else means the data is corrupt, which must not pass silently. */
export function parsePhase(value: string): Phase {
  if (!isPhase(value)) throw new Error(`Unknown phase: ${value}`);
  return value;
}

/**
 * A proposed move forward follows the proposal life cycle; what each outcome is stored as. A
 * counter is the other partner proposing another phase instead; a step back, which needs no
 * one's consent, supersedes a pending move as well.
 */
export const PHASE_RESOLUTIONS = {
  accepted: "confirmed",
  countered: "superseded",
  declined: "declined",
  withdrawn: "withdrawn",
} as const satisfies Record<ProposalOutcome, string>;
