import { describe, expect, it } from "vitest";
import {
  agreementActionConflict,
  defaultReviewOn,
  isDueForReview,
  reviewOnProblem,
} from "../../src/domain/agreements.ts";

const proposed = { status: "proposed" as const, proposedBy: "a" };
const accepted = { status: "accepted" as const, proposedBy: "a" };

describe("agreement life cycle", () => {
  it("lets only the other partner answer a proposal", () => {
    for (const action of ["accept", "counter", "decline"] as const) {
      expect(agreementActionConflict(proposed, action, "b")).toBeNull();
      expect(agreementActionConflict(proposed, action, "a")).toMatch(/other partner/);
      expect(agreementActionConflict(accepted, action, "b")).toMatch(/still open/);
    }
  });

  it("lets only the proposer withdraw", () => {
    expect(agreementActionConflict(proposed, "withdraw", "a")).toBeNull();
    expect(agreementActionConflict(proposed, "withdraw", "b")).toMatch(/proposed it/);
  });

  it("reviews accepted agreements only, by either partner", () => {
    for (const action of ["keep", "retire", "change"] as const) {
      expect(agreementActionConflict(accepted, action, "a")).toBeNull();
      expect(agreementActionConflict(accepted, action, "b")).toBeNull();
      expect(agreementActionConflict(proposed, action, "a")).toMatch(/accepted/);
    }
  });
});

describe("review dates", () => {
  it("defaults to two weeks, across a month end", () => {
    expect(defaultReviewOn("2026-03-02")).toBe("2026-03-16");
    expect(defaultReviewOn("2026-12-25")).toBe("2027-01-08");
  });

  it("must lie after today and within the horizon", () => {
    expect(reviewOnProblem("2026-03-02", "2026-03-02")).toMatch(/after today/);
    expect(reviewOnProblem("2026-03-03", "2026-03-02")).toBeNull();
    expect(reviewOnProblem("2026-08-29", "2026-03-02")).toBeNull();
    expect(reviewOnProblem("2026-08-30", "2026-03-02")).toMatch(/within 180 days/);
  });

  it("is due on the review day, only while accepted", () => {
    expect(isDueForReview({ status: "accepted", reviewOn: "2026-03-16" }, "2026-03-15")).toBe(
      false,
    );
    expect(isDueForReview({ status: "accepted", reviewOn: "2026-03-16" }, "2026-03-16")).toBe(true);
    expect(isDueForReview({ status: "retired", reviewOn: "2026-03-16" }, "2026-04-01")).toBe(false);
  });
});
