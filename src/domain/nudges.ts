import { parseClock } from "./schedule.ts";

/**
 * Gentle nudges, never blocks: one kind sentence and a suggestion when a plan is likely to make
 * things harder. Pure, run in the browser as the person types (the server cannot read words).
 */
export interface Nudge {
  key: string;
  sentence: string;
  suggestion: string;
}

/** Talks that start this late, or run past this, meet tired minds. */
const LATE_START_MINUTES = 21 * 60 + 30;
const LATE_END_MINUTES = 22 * 60 + 30;
const LONG_TALK_MINUTES = 90;

export function talkTimeNudges(start: string, minutes: number): Nudge[] {
  const nudges: Nudge[] = [];
  const clock = parseClock(start);
  if (clock !== null) {
    const begins = clock.hour * 60 + clock.minute;
    if (begins >= LATE_START_MINUTES || begins + minutes > LATE_END_MINUTES || begins < 6 * 60) {
      nudges.push({
        key: "late",
        sentence: "Hard conversations late at night tend to run hotter: everyone is tired.",
        suggestion: "An earlier time, with room to wind down afterwards, often goes more gently.",
      });
    }
  }
  if (minutes > LONG_TALK_MINUTES) {
    nudges.push({
      key: "long",
      sentence: "Past an hour and a half, most talks stop helping and start wearing you out.",
      suggestion: "45 to 60 minutes, with the next talk already agreed, is usually enough.",
    });
  }
  return nudges;
}

/** Words that promise what no one can keep; found as whole words, in any case. */
const ABSOLUTES = /\b(always|never|forever|every single|no matter what|at all times)\b/i;

export function agreementNudges(text: string): Nudge[] {
  const found = ABSOLUTES.exec(text)?.[1];
  if (!found) return [];
  return [
    {
      key: "absolute",
      sentence: `"${found.toLowerCase()}" is hard to keep, and one slip can feel like the whole agreement broke.`,
      suggestion:
        'Something smaller and time-bound holds better, like "for the next four weeks" or "on weekday evenings".',
    },
  ];
}
