/** Phase-one talks: talk times and their logs, and the parking lot. */
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

/**
 * How many times a topic can be carried over before the app says so gently: looping is a
 * signal that a talk time, or a therapist, may help.
 */
export const CARRIED_OVER_NOTICE = 3;
