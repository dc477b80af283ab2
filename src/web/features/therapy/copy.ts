import type { TherapyStatus } from "../../../domain/therapy.ts";

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
