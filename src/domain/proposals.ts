/**
 * One partner proposes, the other answers: the shape shared by agreements and talk times.
 * Who may see the proposal at all is the access policy's job; this knows only its life cycle.
 */
export type ProposalAnswer = "accept" | "counter" | "decline";

export function answerConflict(
  proposal: { status: string; proposedBy: string },
  actorId: string,
): string | null {
  if (proposal.status !== "proposed") return "Only a proposal that is still open can be answered.";
  if (proposal.proposedBy === actorId) {
    return "The other partner answers a proposal, not the one who made it.";
  }
  return null;
}

export function withdrawConflict(
  proposal: { status: string; proposedBy: string },
  actorId: string,
): string | null {
  if (proposal.status !== "proposed") return "Only a proposal that is still open can be withdrawn.";
  if (proposal.proposedBy !== actorId) return "Only the partner who proposed it can withdraw it.";
  return null;
}
