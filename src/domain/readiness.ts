import type { Phase } from "./phases.ts";

/** One line of a readiness checklist, as the viewing partner sees it. */
export interface ReadinessItem {
  key: string;
  met: boolean;
  detail: string;
}

/**
 * What the checklist is computed from. Facts are per viewer: a partner's private answers count
 * only in their own checklist, so nothing private of the other partner can be read off it.
 */
export interface ReadinessFacts {
  acceptedAgreements: number;
  overdueReviews: number;
  viewerFeelsSafeEnough: boolean;
  partnerJoined: boolean;
}

export function computeReadiness(phase: Phase, facts: ReadinessFacts): ReadinessItem[] {
  const items: ReadinessItem[] = [partnerJoined(facts)];
  if (phase === "stabilize") {
    items.push(agreementAccepted(facts));
  }
  items.push(reviewsCurrent(facts), feelsSafeEnough(facts));
  return items;
}

function partnerJoined(facts: ReadinessFacts): ReadinessItem {
  return {
    key: "partner-joined",
    met: facts.partnerJoined,
    detail: facts.partnerJoined
      ? "You are both here."
      : "Your partner has not joined yet. Send them the invite link when you feel ready.",
  };
}

function agreementAccepted(facts: ReadinessFacts): ReadinessItem {
  const n = facts.acceptedAgreements;
  return {
    key: "agreement-accepted",
    met: n > 0,
    detail:
      n > 0
        ? `${n} agreement${n === 1 ? "" : "s"} in place.`
        : "No agreement is in place yet. Start with one small rule about when and how you talk.",
  };
}

function reviewsCurrent(facts: ReadinessFacts): ReadinessItem {
  const n = facts.overdueReviews;
  return {
    key: "reviews-current",
    met: n === 0,
    detail:
      n === 0
        ? "Every agreement has been looked at on time."
        : `${n} agreement${n === 1 ? " is" : "s are"} waiting for a review.`,
  };
}

function feelsSafeEnough(facts: ReadinessFacts): ReadinessItem {
  return {
    key: "safe-enough",
    met: facts.viewerFeelsSafeEnough,
    detail: facts.viewerFeelsSafeEnough
      ? "You said you feel safe enough to go on. Only you see this."
      : "When you feel safe enough to go on, say so here. Only you see this answer.",
  };
}
