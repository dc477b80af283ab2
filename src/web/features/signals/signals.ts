import type { Referral } from "../../../contracts/signals.ts";
import type { SupportAnswerKind } from "../../../domain/support-signals.ts";
import type { Signal, SupportAnswer } from "./api/signals.ts";

/** Signals shown as cards, and those the viewer folded away for now. */
export function splitSignals(signals: readonly Signal[], now: Date) {
  const snoozed = (s: Signal) =>
    s.snoozedUntil !== null && Date.parse(s.snoozedUntil) > now.getTime();
  return {
    open: signals.filter((s) => !snoozed(s)),
    folded: signals.filter(snoozed),
  };
}

export const SNOOZE_CHOICES = [
  { days: 7, label: "For a week" },
  { days: 14, label: "For two weeks" },
  { days: 28, label: "For four weeks" },
] as const;

export const ANSWER_WORDS: Record<SupportAnswerKind, { said: string; hint: string }> = {
  "pushed-to-move-on": {
    said: "I feel pushed to move on",
    hint: "When it feels as if you should be over it by now.",
  },
  "dont-know-where-to-start": {
    said: "We want to rebuild but don't know where to start",
    hint: "When the wish is there and the first step isn't.",
  },
};

/** One's standing answer of each kind (the newest), if one was given and not taken back. */
export function standingAnswer(
  answers: readonly SupportAnswer[],
  kind: SupportAnswerKind,
): SupportAnswer | null {
  return (
    answers
      .filter((a) => a.kind === kind)
      .sort((a, b) => b.at.localeCompare(a.at))
      .at(0) ?? null
  );
}

/** How to reach a referral, in the order a person on a phone would try: call, then visit. */
export function contactsOf(referral: Referral): Array<{ href: string; label: string }> {
  return [
    ...(referral.phone
      ? [{ href: `tel:${referral.phone.replace(/[^\d+]/g, "")}`, label: `Call ${referral.phone}` }]
      : []),
    ...(referral.url ? [{ href: referral.url, label: "Visit their website" }] : []),
  ];
}
