/** How the partner answers a shared version of an accountability statement. */
export const HEARD = ["yes", "partly", "not-yet"] as const;
export type Heard = (typeof HEARD)[number];

export const HEARD_LABELS: Record<Heard, string> = {
  yes: "I feel heard",
  partly: "Partly",
  "not-yet": "Not yet",
};

export const STATEMENT_SECTIONS = ["whatIDid", "impact", "whyNotSooner"] as const;
export type StatementSection = (typeof STATEMENT_SECTIONS)[number];

export const SECTION_PROMPTS: Record<StatementSection, { title: string; help: string }> = {
  whatIDid: {
    title: "What I did",
    help: "Name it plainly, in your own voice: what you did, when, and for how long.",
  },
  impact: {
    title: "The impact I see",
    help: "What it has done to your partner and to the two of you, as far as you can see it.",
  },
  whyNotSooner: {
    title: "Why I didn't bring my concerns to you",
    help: "What kept you from speaking up when it mattered. An explanation, not an excuse.",
  },
};

/**
 * Whether the newest version of a statement has been heard: the partner's latest answer to
 * that version is "yes". An answer to an earlier version does not carry over to a new one.
 */
export function latestHeard(
  versions: ReadonlyArray<{ id: string; n: number }>,
  responses: ReadonlyArray<{ versionId: string; heard: Heard; at: string }>,
): Heard | null {
  const newest = [...versions].sort((a, b) => b.n - a.n)[0];
  if (!newest) return null;
  const answers = responses
    .filter((r) => r.versionId === newest.id)
    .sort((a, b) => a.at.localeCompare(b.at));
  return answers.at(-1)?.heard ?? null;
}
