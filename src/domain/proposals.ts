/**
 * One partner proposes, the other answers (accepts, counters, declines); the proposer may
 * withdraw while it is open. Agreements, talk times, phase moves and names in the circle of
 * support all follow it. Who may see a proposal at all is the access scope's job; this knows
 * only the life cycle.
 */
export const PROPOSAL_MOVES = ["accept", "counter", "decline", "withdraw"] as const;
export type ProposalMove = (typeof PROPOSAL_MOVES)[number];

/** Where each move leaves the proposal; features store these under names of their own. */
export const PROPOSAL_OUTCOMES = {
  accept: "accepted",
  counter: "countered",
  decline: "declined",
  withdraw: "withdrawn",
} as const satisfies Record<ProposalMove, string>;
export type ProposalOutcome = (typeof PROPOSAL_OUTCOMES)[ProposalMove];

export interface ProposalState {
  /** Still waiting for an answer. */
  open: boolean;
  proposedBy: string;
}

/** Why `actorId` cannot make this move now, or null when they can. */
export function proposalMoveProblem(
  proposal: ProposalState,
  move: ProposalMove,
  actorId: string,
): string | null {
  const own = proposal.proposedBy === actorId;
  if (move === "withdraw") {
    if (!proposal.open) return "Only a proposal that is still open can be withdrawn.";
    return own ? null : "Only the partner who proposed it can withdraw it.";
  }
  if (!proposal.open) return "Only a proposal that is still open can be answered.";
  return own ? "The other partner answers a proposal, not the one who made it." : null;
}
