import { describe, expect, it } from "vitest";
import {
  PROPOSAL_MOVES,
  PROPOSAL_OUTCOMES,
  proposalMoveProblem,
} from "../../src/domain/proposals.ts";

const open = { open: true, proposedBy: "a" };
const settled = { open: false, proposedBy: "a" };

describe("the proposal life cycle", () => {
  it("lets only the other partner accept, counter or decline an open proposal", () => {
    for (const move of ["accept", "counter", "decline"] as const) {
      expect(proposalMoveProblem(open, move, "b")).toBeNull();
      expect(proposalMoveProblem(open, move, "a")).toMatch(/other partner answers/);
    }
  });

  it("lets only the proposer withdraw", () => {
    expect(proposalMoveProblem(open, "withdraw", "a")).toBeNull();
    expect(proposalMoveProblem(open, "withdraw", "b")).toMatch(/who proposed it/);
  });

  it("allows no move once the proposal is settled, whoever tries", () => {
    for (const move of PROPOSAL_MOVES) {
      for (const who of ["a", "b"]) {
        expect(proposalMoveProblem(settled, move, who)).toMatch(/still open/);
      }
    }
  });

  it("leaves each move in its own outcome", () => {
    expect(new Set(Object.values(PROPOSAL_OUTCOMES)).size).toBe(PROPOSAL_MOVES.length);
    expect(PROPOSAL_OUTCOMES.accept).toBe("accepted");
    expect(PROPOSAL_OUTCOMES.withdraw).toBe("withdrawn");
  });
});
