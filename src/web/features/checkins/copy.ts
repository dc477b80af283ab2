import type { CheckinScale } from "../../../domain/checkins.ts";
import type { Weekday } from "../../../domain/schedule.ts";

/** Each scale's short name, for the chart's chooser, the answers and the tables. */
export const SCALE_NAMES: Record<CheckinScale, string> = {
  safety: "Safety",
  connection: "Connection",
  trust: "Trust",
  intensity: "Intensity",
};

/** The three things written each week, with what the box asks for. */
export const WORDS_FIELDS = {
  appreciation: {
    name: "One appreciation",
    label: "One thing you appreciated this week",
    hint: "Something your partner did or said, however small.",
  },
  concern: {
    name: "One concern",
    label: "One thing that worries you",
    hint: "Say it about how it felt to you, rather than what they are.",
  },
  wish: {
    name: "One wish for next week",
    label: "One wish for next week",
    hint: "Something small and concrete that would help.",
  },
} as const;
export type WordsField = keyof typeof WORDS_FIELDS;
export const WORDS_ORDER: readonly WordsField[] = ["appreciation", "concern", "wish"];

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};
