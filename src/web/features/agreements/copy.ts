import type {
  AgreementCategory,
  AgreementEventKind,
  AgreementStatus,
} from "../../../domain/agreements.ts";

export const CATEGORY_LABELS: Record<AgreementCategory, string> = {
  talk: "When and how we talk",
  "daily-life": "Daily life",
  technology: "Technology & transparency",
  money: "Money",
  confidants: "Who we talk to",
  other: "Other",
};

/** A small, concrete example per topic, written for either partner. */
export const CATEGORY_EXAMPLES: Record<AgreementCategory, string> = {
  talk: "We talk about what happened only at our agreed time, and not after 10 in the evening.",
  "daily-life": "We have dinner together on weeknights, with phones in another room.",
  technology: "If one of us asks about a message, the other answers openly and calmly.",
  money: "We tell each other before any purchase over an amount we agree on.",
  confidants: "We each name the one or two people we talk to about this.",
  other: "Either of us can ask for a twenty-minute pause, and we come back to it afterwards.",
};

export const STATUS_LABELS: Record<AgreementStatus, string> = {
  proposed: "Waiting for an answer",
  accepted: "In place",
  countered: "Other wording suggested",
  declined: "Declined",
  withdrawn: "Withdrawn",
  retired: "Retired",
  replaced: "Replaced by a new wording",
};

export const EVENT_LABELS: Record<AgreementEventKind, string> = {
  proposed: "Suggested",
  accepted: "Accepted",
  countered: "Answered with other wording",
  declined: "Declined",
  withdrawn: "Withdrawn",
  kept: "Kept at review",
  retired: "Retired",
  replaced: "Replaced by a new wording",
};
