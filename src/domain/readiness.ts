import type { TrendStatus } from "./intensity.ts";
import type { Phase } from "./phases.ts";
import { type TherapyStatus, therapyDecided } from "./therapy.ts";

/** One line of a readiness checklist, as the viewing partner sees it. It guides; it never gates. */
export interface ReadinessItem {
  key: string;
  met: boolean;
  detail: string;
}

/**
 * What the checklist is computed from. Facts are per viewer: a partner's private answers and
 * private entries count only in their own checklist, so nothing private of the other partner
 * can be read off it.
 */
export interface ReadinessFacts {
  partnerJoined: boolean;
  acceptedAgreements: number;
  overdueReviews: number;
  viewerFeelsSafeEnough: boolean;
  acceptedTalkTimes: number;
  /** Talks held, counted from the logs the viewer may see. */
  talksHeld: number;
  /** The intensity trend of each partner whose intensity checks the viewer may see. */
  intensity: Array<{ mine: boolean; status: TrendStatus }>;
  therapy: TherapyStatus;
  /** Make meaning, from shared items only. */
  meaning: MeaningReadiness;
}

export interface MeaningReadiness {
  /** The newest version of each shared statement: heard "yes", "partly", "not-yet" or unanswered. */
  statements: ReadonlyArray<{ heard: "yes" | "partly" | "not-yet" | null }>;
  story: { paragraphs: number; agreed: number; signedByBoth: boolean };
  /** Questions waiting for an answer longer than QUESTION_WAIT_DAYS, and recent askings again. */
  longOpenQuestions: number;
  recentAskedAgain: number;
}

/** A question unanswered this long is not calm yet, nor is asking again this often lately. */
export const QUESTION_WAIT_DAYS = 14;
export const CALM_ASKED_AGAIN = 3;

/**
 * The slower facts each phase's readiness (and Make meaning's balance notes) is made from: a
 * home view reads them only in the phase that shows them, so a long Stabilize does not cost a
 * couple in Rebuild on every view. What a phase does not read here, its items never look at.
 */
export const PHASE_READS: Readonly<Record<Phase, { talksHeld: boolean; meaning: boolean }>> = {
  stabilize: { talksHeld: true, meaning: false },
  meaning: { talksHeld: false, meaning: true },
  rebuild: { talksHeld: false, meaning: false },
};

export function computeReadiness(phase: Phase, facts: ReadinessFacts): ReadinessItem[] {
  if (phase === "stabilize") {
    return [
      partnerJoined(facts),
      talkTimesUsed(facts),
      agreementAccepted(facts),
      intensityCalming(facts),
      reviewsCurrent(facts),
      feelsSafeEnough(facts),
      therapyChosen(facts),
    ];
  }
  if (phase === "meaning") {
    return [
      partnerJoined(facts),
      statementHeard(facts.meaning),
      storySigned(facts.meaning),
      questionsCalm(facts.meaning),
      intensityCalming(facts),
      feelsSafeEnough(facts),
    ];
  }
  return [partnerJoined(facts), reviewsCurrent(facts), feelsSafeEnough(facts)];
}

function statementHeard({ statements }: MeaningReadiness): ReadinessItem {
  if (statements.length === 0) {
    return {
      key: "statement-heard",
      met: false,
      detail:
        "No accountability statement is shared yet. When one of you is ready, it says plainly what happened.",
    };
  }
  const heard = statements.filter((s) => s.heard === "yes").length;
  if (heard === statements.length) {
    return {
      key: "statement-heard",
      met: true,
      detail: "The newest version of the accountability statement has been heard.",
    };
  }
  const unanswered = statements.some((s) => s.heard === null);
  return {
    key: "statement-heard",
    met: false,
    detail: unanswered
      ? "The newest version of the statement is waiting for an answer."
      : "The newest version of the statement is not fully heard yet. What is missing can go into a new version or an addendum.",
  };
}

function storySigned({ story }: MeaningReadiness): ReadinessItem {
  if (story.signedByBoth) {
    return { key: "story-signed", met: true, detail: "You have both signed your shared story." };
  }
  if (story.paragraphs === 0) {
    return {
      key: "story-signed",
      met: false,
      detail: "Your shared story has no paragraphs yet. Either of you can start one.",
    };
  }
  const nearly = story.agreed === story.paragraphs;
  return {
    key: "story-signed",
    met: false,
    detail: nearly
      ? "You agree on every paragraph of your story: it is ready for both signatures."
      : `You both agree on ${story.agreed} of ${plural(story.paragraphs, "paragraph", "paragraphs")} of your story.`,
  };
}

function questionsCalm(meaning: MeaningReadiness): ReadinessItem {
  const waiting = meaning.longOpenQuestions;
  const again = meaning.recentAskedAgain;
  const calm = waiting === 0 && again < CALM_ASKED_AGAIN;
  let detail = "No question has waited long, and few are being asked again.";
  if (waiting > 0) {
    detail = `${plural(waiting, "question has", "questions have")} waited more than two weeks for an answer.`;
  } else if (!calm) {
    detail = `${plural(again, "question was", "questions were")} asked again in the last two weeks.`;
  }
  return { key: "questions-calm", met: calm, detail };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function partnerJoined(facts: ReadinessFacts): ReadinessItem {
  return {
    key: "partner-joined",
    met: facts.partnerJoined,
    detail: facts.partnerJoined
      ? "You are both here."
      : "Your partner has not joined yet. Send them the invite link when you feel ready.",
  };
}

function talkTimesUsed(facts: ReadinessFacts): ReadinessItem {
  if (facts.acceptedTalkTimes === 0) {
    return {
      key: "talk-times",
      met: false,
      detail: "No talk time is agreed yet. Pick a calm weekly window to talk about what happened.",
    };
  }
  return {
    key: "talk-times",
    met: facts.talksHeld > 0,
    detail:
      facts.talksHeld > 0
        ? `${plural(facts.acceptedTalkTimes, "talk time is", "talk times are")} agreed and ${plural(facts.talksHeld, "talk has", "talks have")} been logged.`
        : "A talk time is agreed; after your first one, take a minute to log how it went.",
  };
}

function agreementAccepted(facts: ReadinessFacts): ReadinessItem {
  const n = facts.acceptedAgreements;
  return {
    key: "agreement-accepted",
    met: n > 0,
    detail:
      n > 0
        ? `${plural(n, "agreement", "agreements")} in place.`
        : "No agreement is in place yet. Start with one small rule about when and how you talk.",
  };
}

const CALM: readonly TrendStatus[] = ["low", "easing"];

function intensityCalming(facts: ReadinessFacts): ReadinessItem {
  const shared = facts.intensity;
  if (shared.length === 0) {
    return {
      key: "intensity-calming",
      met: false,
      detail: "A daily intensity check for two weeks shows whether things are calming down.",
    };
  }
  const waiting = shared.filter((p) => !CALM.includes(p.status));
  if (waiting.length === 0) {
    return {
      key: "intensity-calming",
      met: true,
      detail: "Intensity has been low or easing over the last two weeks.",
    };
  }
  const mineWaiting = waiting.find((p) => p.mine);
  const detail = waiting.some((p) => p.status === "not-enough-data")
    ? "There are not enough intensity checks from the last two weeks to see a trend yet."
    : mineWaiting
      ? "Your intensity is not easing yet. That is all right; it takes the time it takes."
      : "Intensity is not easing for both of you yet. That is all right; it takes the time it takes.";
  return { key: "intensity-calming", met: false, detail };
}

/** No free point: with no agreement in place there is nothing reviewed on time yet. */
function reviewsCurrent(facts: ReadinessFacts): ReadinessItem {
  const n = facts.overdueReviews;
  if (facts.acceptedAgreements === 0) {
    return {
      key: "reviews-current",
      met: false,
      detail: "No agreement is in place yet, so there is nothing to review.",
    };
  }
  return {
    key: "reviews-current",
    met: n === 0,
    detail:
      n === 0
        ? "Every agreement has been looked at on time."
        : `${plural(n, "agreement is", "agreements are")} waiting for a review.`,
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

function therapyChosen(facts: ReadinessFacts): ReadinessItem {
  const decided = therapyDecided(facts.therapy);
  const details: Record<TherapyStatus, string> = {
    "not-decided": "You have not decided yet whether to work with a couples therapist.",
    looking: "You are looking for a couples therapist.",
    started: "You have started working with a therapist.",
    "set-aside": "You considered therapy and set it aside for now.",
  };
  return { key: "therapy-decided", met: decided, detail: details[facts.therapy] };
}
