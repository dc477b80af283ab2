/**
 * Guided reflections for Make meaning. Both partners write on the same prompt, each privately,
 * and see the answers side by side once both have shared; so every prompt speaks to whoever
 * reads it, whatever their stance, and none assumes who broke trust. Keys are stored with the
 * answers: change a prompt's wording freely, never its key.
 */

/** The four directions the reflections look in, in the order they are offered. */
export const REFLECTION_THEMES = ["before", "unspoken", "patterns", "fears"] as const;
export type ReflectionTheme = (typeof REFLECTION_THEMES)[number];

export const THEME_INFO: Record<ReflectionTheme, { title: string; intro: string }> = {
  before: {
    title: "The time before",
    intro:
      "How things were between you, and in your lives, in the months leading up to it. Looking back here explains; it does not excuse.",
  },
  unspoken: {
    title: "What went unsaid",
    intro:
      "What each of you felt and kept to yourself. Naming it now is a way to be known, not a charge against the other.",
  },
  patterns: {
    title: "Patterns between you",
    intro:
      "The ways you tended to drift apart, steer around things or clash. A pattern is something you can see together and change together.",
  },
  fears: {
    title: "Fears and tender spots",
    intro:
      "What frightened you or left you exposed, and what the other may not have seen. Go gently with yourself here.",
  },
};

export interface ReflectionPrompt {
  key: string;
  theme: ReflectionTheme;
  text: string;
  /** One short sentence that helps the first words come. */
  hint: string;
}

export const REFLECTION_PROMPTS: readonly ReflectionPrompt[] = [
  {
    key: "before-distance",
    theme: "before",
    text: "In the months before, when did the two of you feel close, and when did you feel far apart?",
    hint: "Start with one ordinary day you still remember.",
  },
  {
    key: "before-pressures",
    theme: "before",
    text: "What else was life asking of you then: work, money, health, family, anything that took your strength?",
    hint: "List what comes to mind, big or small, before you explain any of it.",
  },
  {
    key: "before-time-together",
    theme: "before",
    text: "How did you spend time together back then, and what had quietly slipped away?",
    hint: "Think of something you used to do together and when it last happened.",
  },
  {
    key: "before-changes",
    theme: "before",
    text: "What had changed between you in the year before, and when did you first notice it?",
    hint: "A small moment is enough, like a conversation that ended differently than it used to.",
  },
  {
    key: "unspoken-longing",
    theme: "unspoken",
    text: "What did you long for in the relationship that you did not ask for?",
    hint: "Try beginning with “I wished…” and let the wish be small.",
  },
  {
    key: "unspoken-hurt",
    theme: "unspoken",
    text: "Was there a hurt or a disappointment you kept to yourself? What stopped you from naming it?",
    hint: "Write what you would have said if you had felt safe saying it.",
  },
  {
    key: "unspoken-alone",
    theme: "unspoken",
    text: "When did you feel alone, even while the two of you were together?",
    hint: "Picture where you were and what you felt in that moment.",
  },
  {
    key: "unspoken-holding-back",
    theme: "unspoken",
    text: "What did you hold back because you expected it would not be heard, or would start a fight?",
    hint: "Begin with “I didn't say it because…”.",
  },
  {
    key: "patterns-disagreeing",
    theme: "patterns",
    text: "When you disagreed, how did it usually go, from the first words to how it ended?",
    hint: "Walk through one disagreement step by step, as if telling it to a friend.",
  },
  {
    key: "patterns-avoiding",
    theme: "patterns",
    text: "Which subjects did you both steer around, and what did you do instead of talking about them?",
    hint: "Notice what you did instead: a joke, a screen, a change of subject, silence.",
  },
  {
    key: "patterns-reaching-out",
    theme: "patterns",
    text: "When one of you reached out for attention or comfort, how did the other tend to respond?",
    hint: "Think of both directions: when you reached out, and when you were reached for.",
  },
  {
    key: "patterns-echoes",
    theme: "patterns",
    text: "Does any of this echo something you lived or saw before this relationship?",
    hint: "Your family, earlier relationships, or how you learned to handle conflict.",
  },
  {
    key: "fears-unseen",
    theme: "fears",
    text: "What were you afraid of back then that the other may not have seen?",
    hint: "Start with “I was afraid that…” and finish the sentence a few times.",
  },
  {
    key: "fears-sore-spots",
    theme: "fears",
    text: "Which old sore spots did this relationship touch, for better or for worse?",
    hint: "A sore spot can be an old worry about being enough, being left, or being trapped.",
  },
  {
    key: "fears-misread",
    theme: "fears",
    text: "Where might one of you have misread what the other needed?",
    hint: "Write about one need of yours first, then wonder about one of theirs.",
  },
  {
    key: "fears-protecting",
    theme: "fears",
    text: "What makes you feel most unsure of yourself, and how did you protect that part of you?",
    hint: "Protection can look like pulling away, staying busy, or keeping things light.",
  },
];

export function promptByKey(key: string): ReflectionPrompt | undefined {
  return REFLECTION_PROMPTS.find((prompt) => prompt.key === key);
}
