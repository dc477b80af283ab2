/** What each partner plans to do with an outside stressor for now. */
export const STRESSOR_PLANS = ["pause", "reduce", "keep"] as const;
export type StressorPlan = (typeof STRESSOR_PLANS)[number];

/** A person in the circle of support: proposed by one, agreed by the other, or with a concern raised. */
export const CIRCLE_STATUSES = ["proposed", "agreed", "concern"] as const;
export type CircleStatus = (typeof CIRCLE_STATUSES)[number];

export const PARKING_STATUSES = ["open", "discussed"] as const;
export type ParkingStatus = (typeof PARKING_STATUSES)[number];

/** How a talk went, in the one-minute log after a window. */
export const TALK_OUTCOMES = ["calm", "hard-but-okay", "too-heated", "did-not-happen"] as const;
export type TalkOutcome = (typeof TALK_OUTCOMES)[number];

export const TALK_TIME_STATUSES = [
  "proposed",
  "accepted",
  "countered",
  "declined",
  "withdrawn",
  "ended",
] as const;
export type TalkTimeStatus = (typeof TALK_TIME_STATUSES)[number];

/** Where the couple stands on couples therapy; a decision either way counts for readiness. */
export const THERAPY_STATUSES = ["not-decided", "looking", "started", "set-aside"] as const;
export type TherapyStatus = (typeof THERAPY_STATUSES)[number];

export function therapyDecided(status: TherapyStatus): boolean {
  return status !== "not-decided";
}

/**
 * How many times a topic can be carried over before the app says so gently: looping is a
 * signal that a talk time, or a therapist, may help.
 */
export const CARRIED_OVER_NOTICE = 3;
