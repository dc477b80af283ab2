/**
 * The private safety check. Couple work assumes both people are safe with each other; when one
 * is afraid of the other, tools built for openness can be turned into tools of control. These
 * questions are asked of each partner alone, their answers are seen by their author alone, and a
 * concern never reaches the partner in any form.
 *
 * The questions ask about experiences, not labels: nobody has to decide whether something "is
 * abuse" to answer. They do not assume who broke trust, and "I'd rather not say" is always an
 * answer that is accepted and never counted as a concern by itself.
 */

/** The kinds of safety the check asks about. */
export const SAFETY_AREAS = ["emotional", "physical", "financial", "control"] as const;
export type SafetyArea = (typeof SAFETY_AREAS)[number];

export interface SafetyOption {
  value: string;
  label: string;
  /** Whether this answer means the person may not be safe, which brings up help and options. */
  concern: boolean;
}

export interface SafetyQuestion {
  key: string;
  area: SafetyArea;
  text: string;
  options: readonly SafetyOption[];
}

/** The answer everyone may give to every question; it never raises a concern by itself. */
export const RATHER_NOT_SAY = "rather-not-say";

const ratherNotSay: SafetyOption = {
  value: RATHER_NOT_SAY,
  label: "I'd rather not say",
  concern: false,
};

/**
 * How often something happens. Any "yes, at times" answer counts as a concern: offering help to
 * someone who turns out to be fine costs little; missing someone who is not costs a lot.
 */
const howOften: readonly SafetyOption[] = [
  { value: "no", label: "No", concern: false },
  { value: "sometimes", label: "Sometimes", concern: true },
  { value: "often", label: "Often", concern: true },
  ratherNotSay,
];

/**
 * The questions, in the order they are asked: the gentler ones first, the one about harming
 * oneself last, once the person has settled into answering.
 */
export const SAFETY_QUESTIONS = [
  {
    key: "safe-to-continue",
    area: "emotional",
    text: "Right now, do you feel safe enough with your partner to keep working on your relationship together?",
    options: [
      { value: "yes", label: "Yes", concern: false },
      { value: "not-sure", label: "I'm not sure", concern: true },
      { value: "no", label: "No", concern: true },
      ratherNotSay,
    ],
  },
  {
    key: "pressured",
    area: "emotional",
    text: "Do you feel pushed into decisions through threats, intimidation or pressure that you find hard to say no to?",
    options: howOften,
  },
  {
    key: "watched-or-limited",
    area: "control",
    text: "Does your partner check your phone, messages, money or whereabouts, or limit who you see, in ways you have not freely agreed to?",
    options: howOften,
  },
  {
    key: "money-for-daily-needs",
    area: "financial",
    text: "Can you get to enough money for everyday needs, like food, rent and travel, without needing your partner's permission?",
    options: [
      { value: "yes", label: "Yes", concern: false },
      { value: "not-always", label: "Not always", concern: true },
      { value: "no", label: "No", concern: true },
      ratherNotSay,
    ],
  },
  {
    key: "afraid-of-harm",
    area: "physical",
    text: "Are there times when you are afraid your partner might hurt you physically?",
    options: howOften,
  },
  {
    key: "thoughts-of-self-harm",
    area: "emotional",
    text: "In the last two weeks, have you had thoughts of hurting yourself, or of not wanting to be alive?",
    options: howOften,
  },
] as const satisfies readonly SafetyQuestion[];

export type SafetyQuestionKey = (typeof SAFETY_QUESTIONS)[number]["key"];

export type SafetyCheckResult =
  | {
      ok: true;
      /** True when any answer is a concern. */
      concern: boolean;
      /** The areas with a concern, in the order of `SAFETY_AREAS`. */
      areas: SafetyArea[];
      /** The questions answered with a concern, in asking order — e.g. to put a crisis line first. */
      concernKeys: SafetyQuestionKey[];
    }
  | { ok: false; fields: Record<string, string> };

/**
 * Checks a set of answers and says whether any of them is a concern, and in which areas. Every
 * question needs one of its own option values; a key that is not a question is refused, so that
 * a mistyped key cannot slip through as an unanswered question.
 */
export function evaluateSafetyCheck(answers: Readonly<Record<string, string>>): SafetyCheckResult {
  const problems = new Map<string, string>();
  const concernKeys: SafetyQuestionKey[] = [];
  const known = new Set<string>(SAFETY_QUESTIONS.map((question) => question.key));

  for (const question of SAFETY_QUESTIONS) {
    const answer: unknown = Object.hasOwn(answers, question.key)
      ? answers[question.key]
      : undefined;
    if (answer === undefined || answer === "") {
      problems.set(
        question.key,
        "Please choose an answer. “I'd rather not say” is a fine answer too.",
      );
      continue;
    }
    const option = question.options.find((candidate) => candidate.value === answer);
    if (option === undefined) {
      problems.set(question.key, "Please choose one of the answers offered for this question.");
      continue;
    }
    if (option.concern) concernKeys.push(question.key);
  }
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) problems.set(key, "This is not one of the safety questions.");
  }

  // fromEntries defines own properties, so a key like "__proto__" stays a plain field.
  if (problems.size > 0) return { ok: false, fields: Object.fromEntries(problems) };
  const concernAreas = new Set(
    SAFETY_QUESTIONS.filter((question) => concernKeys.includes(question.key)).map(
      (question) => question.area,
    ),
  );
  return {
    ok: true,
    concern: concernKeys.length > 0,
    areas: SAFETY_AREAS.filter((area) => concernAreas.has(area)),
    concernKeys,
  };
}

/**
 * Whether these answers say, in the person's own words, that they feel safe enough to go on
 * together: "Yes" to the first question and no concern anywhere. This is the private
 * "safe enough to go on" of the readiness checklist; unanswered or invalid answers say no.
 */
export function feelsSafeEnoughToGoOn(answers: Readonly<Record<string, string>>): boolean {
  const result = evaluateSafetyCheck(answers);
  return result.ok && !result.concern && answers["safe-to-continue"] === "yes";
}

/** A feature that could make things worse for someone who is afraid of their partner. */
export interface RiskyFeature {
  key: string;
  title: string;
  why: string;
}

/**
 * What the app says plainly after a concern, so the person can decide what to keep using.
 * Written to inform, not to alarm: each line names a feature that exists today and how it could
 * be misused (add a line when a feature that could be misused arrives).
 */
export const RISKY_FEATURES = [
  {
    key: "transparency",
    title: "Agreements about phones, messages or money",
    why: "Agreements to share phones, messages, passwords or money are meant to be chosen freely. If they are not, they can become a way to watch and control you.",
  },
  {
    key: "shared-words",
    title: "What you write where your partner can read it",
    why: "Topics for your talks, agreements and shared notes can be questioned or held against you. You can keep notes private, or bring the hardest topics to a therapist first.",
  },
  {
    key: "talk-times",
    title: "Talk times alone together",
    why: "Talk times set up hard conversations with just the two of you. If those feel unsafe, you can have them only with a therapist, or set them aside for now.",
  },
  {
    key: "shared-ratings",
    title: "Shared intensity ratings and notes",
    why: "Your intensity check is shared by default, and a note can reveal more than you intend. You can make each one private.",
  },
  {
    key: "circle-of-support",
    title: "Your circle of support",
    why: "Your partner can see who you talk to about the relationship and raise concerns about them. The people who help you most do not have to be on that list.",
  },
  {
    key: "location",
    title: "Requests to share your location or devices",
    why: "Mend never tracks location, reads devices or watches anyone in secret. If you are asked to share your location or passwords for this app, that request does not come from Mend.",
  },
] as const satisfies readonly RiskyFeature[];

/** A place to turn to in a crisis, as shown after a concern. */
export interface CrisisResource {
  name: string;
  contact: string;
  description: string;
}

/**
 * Shown when the operator has configured nothing. It cannot know the person's country, so it
 * says how to reach help anywhere instead of naming one country's services.
 */
export const DEFAULT_CRISIS_RESOURCES = [
  {
    name: "Emergency services",
    contact:
      "Your local emergency number: 112 in much of the world, 911 in North America, 999 in the UK.",
    description: "If you are in danger right now, or someone could get hurt, call straight away.",
  },
  {
    name: "A domestic abuse helpline in your country",
    contact:
      "Search for “domestic abuse helpline” and your country's name, or ask your doctor. A private browser window leaves no history.",
    description:
      "Free, confidential support if a partner frightens, hurts or controls you, including help to plan how to stay safe. You don't have to be sure it counts as abuse to call.",
  },
  {
    name: "A mental health crisis line in your country",
    contact:
      "Search for “crisis line” and your country's name, or ask your doctor. In immediate danger, call your local emergency number.",
    description:
      "If you have thoughts of hurting yourself or feel you can't go on, you can talk to someone trained to listen, often at any hour.",
  },
] as const satisfies readonly CrisisResource[];

/**
 * Whether `value` (e.g. an operator's parsed JSON file) is a usable list of crisis resources:
 * a non-empty array of objects with a non-empty name, contact and description. An empty list is
 * refused because it would leave a person in crisis with nowhere to turn. Extra fields are
 * allowed and ignored.
 */
export function isCrisisResourceList(value: unknown): value is CrisisResource[] {
  return Array.isArray(value) && value.length > 0 && value.every(isCrisisResource);
}

function isCrisisResource(value: unknown): value is CrisisResource {
  return (
    typeof value === "object" &&
    value !== null &&
    "name" in value &&
    "contact" in value &&
    "description" in value &&
    isFilledString(value.name) &&
    isFilledString(value.contact) &&
    isFilledString(value.description)
  );
}

function isFilledString(value: unknown): value is string {
  return typeof value === "string" && value.trim().length > 0;
}
