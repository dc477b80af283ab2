import type { Weekday } from "../../../domain/schedule.ts";
import type { TalkOutcome, TalkTimeStatus } from "../../../domain/talks.ts";

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

/** Weekly, so the plural reads naturally: "Wednesdays at 19:00". */
export const WEEKDAY_PLURALS: Record<Weekday, string> = {
  mon: "Mondays",
  tue: "Tuesdays",
  wed: "Wednesdays",
  thu: "Thursdays",
  fri: "Fridays",
  sat: "Saturdays",
  sun: "Sundays",
};

export const OUTCOME_LABELS: Record<TalkOutcome, string> = {
  calm: "Calm",
  "hard-but-okay": "Hard, but okay",
  "too-heated": "Too heated",
  "did-not-happen": "It didn't happen",
};

export const TALK_STATUS_LABELS: Record<TalkTimeStatus, string> = {
  proposed: "Waiting for an answer",
  accepted: "Agreed",
  countered: "Another time was suggested",
  declined: "Declined",
  withdrawn: "Withdrawn",
  ended: "Stopped",
};

/** Lengths offered for a talk time, in minutes. */
export const TALK_LENGTHS = [15, 20, 30, 45, 60, 75, 90, 120] as const;

/** Lengths offered for a pause, in minutes. */
export const PAUSE_LENGTHS = [20, 30, 45, 60] as const;

/** Small things that help a body settle. Written for anyone, whoever called the pause. */
export const CALMING_IDEAS = [
  "Breathe out slowly, longer than you breathe in. Five or six breaths are enough to start.",
  "Drink a glass of water, and sit somewhere you find comfortable.",
  "If you can, step outside or walk around the block for a few minutes.",
  "Write down what you want to say later, so you don't have to keep holding it.",
  "Wash your face with cool water, or hold something cold for a moment.",
  "Put on a song you like and just listen to it, all the way through.",
] as const;

/** One idea for this pause, the same on every screen while it runs. */
export function calmingIdeaFor(endsAt: string): string {
  const seed = [...endsAt].reduce((sum, char) => sum + char.charCodeAt(0), 0);
  return CALMING_IDEAS[seed % CALMING_IDEAS.length] ?? CALMING_IDEAS[0];
}

/** "45 minutes", "1 hour", "1 hour 30 minutes". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = hours === 0 ? "" : `${hours} hour${hours === 1 ? "" : "s"}`;
  const m = rest === 0 ? "" : `${rest} minute${rest === 1 ? "" : "s"}`;
  return [h, m].filter(Boolean).join(" ") || "0 minutes";
}
