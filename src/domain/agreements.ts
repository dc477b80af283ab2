import { addDaysToDay, daysBetween, type IsoDay } from "./dates.ts";
import { DEFAULT_REVIEW_DAYS, MAX_REVIEW_DAYS } from "./limits.ts";
import { proposalMoveProblem } from "./proposals.ts";

/** Agreement categories, in the order the app offers them. */
export const AGREEMENT_CATEGORIES = [
  "talk",
  "daily-life",
  "technology",
  "money",
  "confidants",
  "other",
] as const;
export type AgreementCategory = (typeof AGREEMENT_CATEGORIES)[number];

/**
 * proposed → accepted | countered | declined | withdrawn;
 * accepted → retired | replaced (when a changed wording is accepted at review).
 */
export const AGREEMENT_STATUSES = [
  "proposed",
  "accepted",
  "countered",
  "declined",
  "withdrawn",
  "retired",
  "replaced",
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
/** Still in play: waiting for an answer, or in place. Every other status is settled for good. */
export const OPEN_AGREEMENT_STATUSES = ["proposed", "countered", "accepted"] as const;

export const AGREEMENT_EVENT_KINDS = [
  "proposed",
  "accepted",
  "countered",
  "declined",
  "withdrawn",
  "kept",
  "retired",
  "replaced",
] as const;
export type AgreementEventKind = (typeof AGREEMENT_EVENT_KINDS)[number];

export type AgreementAction =
  | "accept"
  | "counter"
  | "decline"
  | "withdraw"
  | "keep"
  | "retire"
  | "change";

interface AgreementState {
  status: AgreementStatus;
  proposedBy: string;
}

/**
 * Why an action cannot happen now, or null when it can. Who may see the agreement at all is the
 * access policy's job; this only knows the agreement's own life cycle.
 */
export function agreementActionConflict(
  agreement: AgreementState,
  action: AgreementAction,
  actorId: string,
): string | null {
  switch (action) {
    case "accept":
    case "counter":
    case "decline":
    case "withdraw":
      return proposalMoveProblem(
        { open: agreement.status === "proposed", proposedBy: agreement.proposedBy },
        action,
        actorId,
      );
    case "keep":
    case "retire":
    case "change":
      if (agreement.status !== "accepted") return "Only an accepted agreement can be reviewed.";
      return null;
  }
}

export function defaultReviewOn(today: IsoDay): IsoDay {
  return addDaysToDay(today, DEFAULT_REVIEW_DAYS);
}

/** A review date must lie after today and within the short-term horizon. */
export function reviewOnProblem(reviewOn: IsoDay, today: IsoDay): string | null {
  const days = daysBetween(today, reviewOn);
  if (days < 1) return "Pick a review date after today.";
  if (days > MAX_REVIEW_DAYS) return `Pick a review date within ${MAX_REVIEW_DAYS} days.`;
  return null;
}

export function isDueForReview(
  agreement: { status: AgreementStatus; reviewOn: IsoDay | null },
  today: IsoDay,
): boolean {
  return (
    agreement.status === "accepted" && agreement.reviewOn !== null && agreement.reviewOn <= today
  );
}
