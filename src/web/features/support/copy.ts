import type { CircleStatus, StressorPlan, TherapyStatus } from "../../../domain/stabilize.ts";

export const PLAN_LABELS: Record<StressorPlan, string> = {
  pause: "Pause for now",
  reduce: "Reduce",
  keep: "Keep for now",
};

export const PLAN_DESCRIPTIONS: Record<StressorPlan, string> = {
  pause: "Set it aside for the coming weeks, if you can.",
  reduce: "Do less of it, or less often.",
  keep: "It matters, or it can't change right now.",
};

export const CIRCLE_STATUS_LABELS: Record<CircleStatus, string> = {
  proposed: "Waiting for an answer",
  agreed: "Agreed",
  concern: "Concern raised",
};

export const THERAPY_LABELS: Record<TherapyStatus, string> = {
  "not-decided": "We haven't decided yet",
  looking: "We're looking for a therapist",
  started: "We've started",
  "set-aside": "We've thought about it and set it aside for now",
};

export const THERAPY_DESCRIPTIONS: Record<TherapyStatus, string> = {
  "not-decided": "That's fine. It can help to talk it over at one of your talk times.",
  looking: "Finding the right person can take a few tries.",
  started: "Couples therapy, individual therapy, or both.",
  "set-aside": "You can come back to it whenever you like.",
};
