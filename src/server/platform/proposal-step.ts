import type { ConflictCode } from "../../contracts/errors.ts";
import {
  PROPOSAL_OUTCOMES,
  type ProposalMove,
  type ProposalOutcome,
  type ProposalState,
  proposalMoveProblem,
} from "../../domain/proposals.ts";
import type { Scope } from "./access.ts";
import { errors } from "./errors.ts";

/**
 * One step of a proposal's life cycle, the same for every feature: the move is checked against
 * the machine, then applied as a conditional update (`apply` answers false when the proposal
 * changed since it was read), so two partners answering at once can never both win.
 */
export async function takeProposalStep(
  scope: Scope,
  proposal: ProposalState,
  move: ProposalMove,
  conflictCode: ConflictCode,
  apply: (outcome: ProposalOutcome) => Promise<boolean>,
): Promise<ProposalOutcome> {
  const problem = proposalMoveProblem(proposal, move, scope.viewerId);
  if (problem) throw errors.conflict(conflictCode, problem);
  const outcome = PROPOSAL_OUTCOMES[move];
  if (!(await apply(outcome))) {
    throw errors.conflict(conflictCode, "This changed meanwhile. Reload and try again.");
  }
  return outcome;
}
