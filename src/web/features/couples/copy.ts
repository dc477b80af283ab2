import type { Phase } from "../../../domain/phases.ts";
import type { Stance } from "../../../domain/stance.ts";

/** How each phase is named and explained on screen. Our own words, for both partners alike. */
export const PHASE_COPY: Record<
  Phase,
  { name: string; fullName: string; tagline: string; about: string }
> = {
  stabilize: {
    name: "Stabilize",
    fullName: "Stabilize",
    tagline: "Calm things down",
    about:
      "Make daily life calmer and more predictable first. Agree on when you talk about what happened, so it doesn't spill into every evening, set a few short-term agreements, and check that each of you feels safe enough to go on.",
  },
  meaning: {
    name: "Make meaning",
    fullName: "Make meaning",
    tagline: "Understand how it happened",
    about:
      "Once things are steadier, look together at how you got here: what was going on between you and inside each of you. Not to excuse anything, and not to go over every detail again and again, but to reach an account you can both live with.",
  },
  rebuild: {
    name: "Rebuild",
    fullName: "Rebuild with small, durable promises",
    tagline: "Keep small promises, week after week",
    about:
      "Trust grows back slowly, through many small things done reliably. Make modest, concrete promises to each other, keep them week after week, and notice when the other does too.",
  },
};

export const STANCE_CHOICES: ReadonlyArray<{ value: Stance; label: string; description: string }> =
  [
    {
      value: "broke-trust",
      label: "I broke trust",
      description: "Something I did shook our trust, and I want to help repair it.",
    },
    {
      value: "hurt",
      label: "I was hurt",
      description: "Something my partner did shook my trust in them.",
    },
    {
      value: "both",
      label: "Both of us, it's mutual",
      description: "We have each done things that hurt the other's trust.",
    },
  ];

/** Readable titles for readiness items; the server's detail explains the current state. */
export const READINESS_TITLES: Record<string, string> = {
  "partner-joined": "Both of you are here",
  "talk-times": "A talk time is agreed and used",
  "agreement-accepted": "At least one agreement is in place",
  "intensity-calming": "Things are calming down",
  "reviews-current": "Agreements are reviewed on time",
  "safe-enough": "You feel safe enough to go on",
  "therapy-decided": "You've thought about outside support",
  "statement-heard": "The accountability statement feels heard",
  "story-signed": "Your shared story is signed",
  "questions-calm": "Questions are settling",
};

/** The Make-meaning tools, in the order a couple tends to meet them; our own words. */
export const MEANING_TOOLS: ReadonlyArray<{ to: string; title: string; about: string }> = [
  {
    to: "/reflections",
    title: "Guided reflections",
    about:
      "Write privately on what was happening before, what went unsaid, your patterns and fears. Share when ready; you see each other's answer once you both have.",
  },
  {
    to: "/accountability",
    title: "Accountability statement",
    about:
      "Say plainly what you did, the impact you see, and why you didn't speak up. Your partner says whether they feel heard.",
  },
  {
    to: "/hurt",
    title: "Hurt and grief",
    about:
      "Find words for what hurts and what feels broken, and notice over time whether repair feels possible. Private unless you share it.",
  },
  {
    to: "/questions",
    title: "Questions",
    about:
      "Ask what you need to know; answers are written down. Asking again is counted, and letting go is a choice too.",
  },
  {
    to: "/story",
    title: "Your shared story",
    about:
      "Write together, paragraph by paragraph, an account you can both stand behind, and sign it when you do.",
  },
];

/** Rebuild's tools, first on Home while the couple is in that phase. */
export const REBUILD_TOOLS: ReadonlyArray<{ to: string; title: string; about: string }> = [
  {
    to: "/promises",
    title: "Small promises",
    about:
      "Promise one concrete thing your partner could notice, on a rhythm you can keep. Each kept day lays a brick in your wall.",
  },
  {
    to: "/checkins",
    title: "Weekly check-in",
    about:
      "Once a week, say how safe, close and trusting it feels, one thing you appreciated, one worry and one wish. You see each other's when you both have.",
  },
  {
    to: "/setbacks",
    title: "Setbacks and repair",
    about:
      "Hard days come back. Name one when it happens, add what helps, and say together when it feels repaired.",
  },
  {
    to: "/milestones",
    title: "Milestones",
    about: "What the two of you have built so far, noticed once and kept.",
  },
];

/** Where each readiness item can be acted on. */
export const READINESS_LINKS: Record<string, { to: string; label: string }> = {
  "talk-times": { to: "/talks", label: "Talk times" },
  "agreement-accepted": { to: "/agreements", label: "Agreements" },
  "intensity-calming": { to: "/intensity", label: "Intensity" },
  "reviews-current": { to: "/agreements", label: "Review agreements" },
  "safe-enough": { to: "/safety", label: "Take the private safety check" },
  "therapy-decided": { to: "/support#therapy", label: "Therapy" },
};
