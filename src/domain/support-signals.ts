import { numberWord } from "./number-words.ts";

/**
 * When a couple would likely benefit from a couples therapist: five signals from the road map,
 * each worked out from counts, states, links and scale values (never from words), each with the
 * data that raised it, since when, and what clears it. Pure: the caller hands in what the viewer
 * may see; nothing here reads the clock or the server. A partner's private answer reaches these
 * facts only as the viewer's own (see `SupportFacts.pushedToMoveOn`), so no card can reveal one.
 */
export const SIGNAL_KEYS = [
  "same-argument",
  "pressure-to-move-on",
  "cant-agree",
  "dont-know-where-to-start",
  "no-calming",
] as const;
export type SignalKey = (typeof SIGNAL_KEYS)[number];

/** A person's quick answers that raise a signal: said, never written. */
export const SUPPORT_ANSWER_KINDS = ["pushed-to-move-on", "dont-know-where-to-start"] as const;
export type SupportAnswerKind = (typeof SUPPORT_ANSWER_KINDS)[number];

/** A parking-lot topic carried over this many times without being talked through. */
export const CARRIED_OVER_TIMES = 3;
/** A question asked this many times in all (the first asking and every repeat). */
export const ASKED_TIMES = 3;
/** Weekly check-ins in a row whose concern is "the same as last week". */
export const SAME_CONCERN_WEEKS = 3;
/** A story paragraph disputed (or marked "needs a talk") this long. */
export const DISPUTED_DAYS = 21;
/** Accountability answered "not yet" this many times in a row. */
export const NOT_YET_ANSWERS = 3;
/** In Rebuild this long with no active promise. */
export const NO_PROMISE_DAYS = 14;
/** In Stabilize this long with intensity not easing. */
export const NO_CALMING_DAYS = 42;

const DAY_MS = 86_400_000;

export interface SupportFacts {
  now: Date;
  phase: "stabilize" | "meaning" | "rebuild";
  /** When the couple entered its current phase. */
  phaseSince: string;
  /** Open parking-lot topics. */
  topics: ReadonlyArray<{ carriedOver: number; raisedAt: string }>;
  /** Questions still open or asked again, with how often each was asked. */
  questions: ReadonlyArray<{ timesAsked: number; askedAt: string; state: string }>;
  /**
   * Weekly check-ins, oldest first: whether the viewer's own or the partner's revealed concern
   * was marked "the same as last week".
   */
  checkinWeeks: ReadonlyArray<{ week: string; sameConcern: boolean; at: string }>;
  /**
   * "I feel pushed to move on": the viewer's own answers (private or shared) and the partner's
   * shared ones only, newest last.
   */
  pushedToMoveOn: ReadonlyArray<{ at: string; mine: boolean }>;
  /** Since when the balance guard has seen minimizing (pushes to move on, no new reflections). */
  minimizingSince: string | null;
  /** Story paragraphs' current disputes: since when each has been disputed, if it is. */
  paragraphs: ReadonlyArray<{ disputedSince: string | null }>;
  /** Answers to accountability statements, oldest first. */
  heardAnswers: ReadonlyArray<{ heard: "yes" | "partly" | "not-yet"; at: string }>;
  /**
   * In Rebuild: how many promises are active now, when one was last active (null if never) and
   * when one was last accepted (null if never).
   */
  promises: { activeNow: number; lastActiveAt: string | null; lastAcceptedAt: string | null };
  /** "We want to rebuild but don't know where to start", as the viewer may see it. */
  dontKnowWhereToStart: ReadonlyArray<{ at: string; mine: boolean }>;
  /** The intensity trend's status now (domain/intensity.ts). */
  intensity: "low" | "easing" | "steady" | "rising" | "not-enough-data";
  /** Signals the viewer snoozed, until when. */
  snoozed: ReadonlyArray<{ key: SignalKey; until: string }>;
}

/** What was counted, as a stable code the screens and the therapist's caseload can rely on. */
export const EVIDENCE_CODES = [
  "topic-carried-over",
  "question-asked-again",
  "same-concern-weeks",
  "pushed-to-move-on-mine",
  "pushed-to-move-on-partner",
  "minimizing",
  "paragraphs-disputed",
  "not-yet-answers",
  "no-active-promise",
  "dont-know-mine",
  "dont-know-partner",
  "weeks-in-stabilize",
  "intensity-not-easing",
  "intensity-rising",
] as const;
export type EvidenceCode = (typeof EVIDENCE_CODES)[number];

/** One fact that raised a signal: what, how many (times, weeks, days or answers), since when. */
export interface Evidence {
  what: EvidenceCode;
  count: number;
  since: string;
  /** The same, in words for the card; never the couple's own words. */
  words: string;
}

/** A quick answer counts this long: said once, it does not hold a signal open for ever. */
export const ANSWER_DAYS = 28;

export interface Signal {
  key: SignalKey;
  title: string;
  /** Why it matters, in a sentence or two, never blaming either partner. */
  why: string;
  /** What raised it: counts and dates, no words of the couple's. */
  evidence: Evidence[];
  /** Since when it has held. */
  since: string;
  clearsWhen: string;
  /** The viewer snoozed it: shown folded, not as a card. */
  snoozedUntil: string | null;
}

const daysSince = (at: string, now: Date) => (now.getTime() - Date.parse(at)) / DAY_MS;
const earliest = (times: readonly string[]) => [...times].sort()[0];
const times = (n: number, one: string) => (n === 1 ? one : `${numberWord(n)} times`);

function evidence(what: EvidenceCode, count: number, since: string, words: string): Evidence {
  return { what, count, since, words };
}

/** Answers said by the viewer or shared by the partner, each kept apart, within the window. */
function answered(
  said: ReadonlyArray<{ at: string; mine: boolean }>,
  now: Date,
  after: string | null,
  codes: { mine: EvidenceCode; partner: EvidenceCode },
  words: { mine: string; partner: string },
): Evidence[] {
  const recent = said.filter(
    (s) => daysSince(s.at, now) <= ANSWER_DAYS && (after === null || s.at > after),
  );
  return (["mine", "partner"] as const).flatMap((whose) => {
    const these = recent.filter((s) => s.mine === (whose === "mine"));
    const since = earliest(these.map((s) => s.at));
    return since ? [evidence(codes[whose], these.length, since, words[whose])] : [];
  });
}

/** Every signal that holds for these facts, in the road map's order. */
export function supportSignals(facts: SupportFacts): Signal[] {
  const raised = [
    sameArgument(facts),
    pressureToMoveOn(facts),
    cannotAgree(facts),
    stuckRebuilding(facts),
    noCalming(facts),
  ].filter((signal): signal is Omit<Signal, "since" | "snoozedUntil"> => signal !== null);
  return raised.map((signal) => {
    const snooze = facts.snoozed.find(
      (s) => s.key === signal.key && Date.parse(s.until) > facts.now.getTime(),
    );
    return {
      ...signal,
      since: earliest(signal.evidence.map((e) => e.since)) ?? facts.now.toISOString(),
      snoozedUntil: snooze?.until ?? null,
    };
  });
}

type Raised = Omit<Signal, "since" | "snoozedUntil"> | null;

function sameArgument(facts: SupportFacts): Raised {
  const topics = facts.topics.filter((t) => t.carriedOver >= CARRIED_OVER_TIMES);
  const questions = facts.questions.filter(
    (q) => q.timesAsked >= ASKED_TIMES && q.state !== "let-go",
  );
  const run = sameConcernRun(facts.checkinWeeks);
  const found = [
    ...topics.map((t) =>
      evidence(
        "topic-carried-over",
        t.carriedOver,
        t.raisedAt,
        `A topic carried over to the next talk ${times(t.carriedOver, "once")}`,
      ),
    ),
    ...questions.map((q) =>
      evidence(
        "question-asked-again",
        q.timesAsked,
        q.askedAt,
        `A question asked ${times(q.timesAsked, "once")}`,
      ),
    ),
    ...(run.length >= SAME_CONCERN_WEEKS && run[0]
      ? [
          evidence(
            "same-concern-weeks",
            run.length,
            run[0].at,
            `The same concern in ${numberWord(run.length)} weekly check-ins in a row`,
          ),
        ]
      : []),
  ];
  if (found.length === 0) return null;
  return {
    key: "same-argument",
    title: "The same conversation keeps coming back",
    why: "Coming back to the same thing without it getting easier is common after a rupture, and exhausting. A couples therapist can help you find what keeps it open.",
    evidence: found,
    clearsWhen:
      "This goes away once the topic is talked through, the question is let go or answered for good, or the concern changes.",
  };
}

/** The latest run of consecutive check-in weeks whose concern was the same as the week before. */
function sameConcernRun(weeks: SupportFacts["checkinWeeks"]) {
  const run: Array<SupportFacts["checkinWeeks"][number]> = [];
  for (const week of weeks) {
    if (week.sameConcern) run.push(week);
    else run.length = 0;
  }
  return run;
}

function pressureToMoveOn(facts: SupportFacts): Raised {
  const found = [
    ...answered(
      facts.pushedToMoveOn,
      facts.now,
      null,
      { mine: "pushed-to-move-on-mine", partner: "pushed-to-move-on-partner" },
      {
        mine: "You said you feel pushed to move on",
        partner: "Your partner shared that they feel pushed to move on",
      },
    ),
    ...(facts.minimizingSince
      ? [
          evidence(
            "minimizing",
            1,
            facts.minimizingSince,
            "Your pace has been quick, with little new reflection",
          ),
        ]
      : []),
  ];
  if (found.length === 0) return null;
  return {
    key: "pressure-to-move-on",
    title: "Feeling pushed to get over it",
    why: "Healing has its own pace, and it is rarely the same for both. A therapist can help you find one you can both live with.",
    evidence: found,
    clearsWhen: "This goes away when nobody has said so for four weeks and the pace feels shared.",
  };
}

function cannotAgree(facts: SupportFacts): Raised {
  const disputed = facts.paragraphs.flatMap((p) =>
    p.disputedSince && daysSince(p.disputedSince, facts.now) >= DISPUTED_DAYS
      ? [p.disputedSince]
      : [],
  );
  const notYet = trailingNotYet(facts.heardAnswers);
  const firstDisputed = earliest(disputed);
  const found = [
    ...(firstDisputed
      ? [
          evidence(
            "paragraphs-disputed",
            disputed.length,
            firstDisputed,
            `${disputed.length === 1 ? "A paragraph" : `${numberWord(disputed.length)} paragraphs`} of your story disputed for three weeks or more`,
          ),
        ]
      : []),
    ...(notYet.length >= NOT_YET_ANSWERS && notYet[0]
      ? [
          evidence(
            "not-yet-answers",
            notYet.length,
            notYet[0].at,
            `The statement answered "not yet" ${numberWord(notYet.length)} times in a row`,
          ),
        ]
      : []),
  ];
  if (found.length === 0) return null;
  return {
    key: "cant-agree",
    title: "Hard to agree on what happened",
    why: "You don't need identical views, but a story you can both live with. A therapist can hold both accounts while you find it.",
    evidence: found,
    clearsWhen:
      'This goes away when the disputed paragraphs are agreed, or a statement is answered "partly" or "heard".',
  };
}

function trailingNotYet(answers: SupportFacts["heardAnswers"]) {
  const run: Array<SupportFacts["heardAnswers"][number]> = [];
  for (const answer of answers) {
    if (answer.heard === "not-yet") run.push(answer);
    else run.length = 0;
  }
  return run;
}

function stuckRebuilding(facts: SupportFacts): Raised {
  if (facts.phase !== "rebuild") return null;
  const quietSince = facts.promises.lastActiveAt ?? facts.phaseSince;
  const quietDays = Math.floor(daysSince(quietSince, facts.now));
  const noPromise = facts.promises.activeNow === 0 && quietDays >= NO_PROMISE_DAYS;
  const found = [
    ...(noPromise
      ? [
          evidence(
            "no-active-promise",
            quietDays,
            quietSince,
            "No promise has been active for two weeks or more",
          ),
        ]
      : []),
    // A promise accepted since someone said so is the start they were looking for.
    ...answered(
      facts.dontKnowWhereToStart,
      facts.now,
      facts.promises.lastAcceptedAt,
      { mine: "dont-know-mine", partner: "dont-know-partner" },
      {
        mine: "You said you don't know where to start",
        partner: "Your partner shared that they don't know where to start",
      },
    ),
  ];
  if (found.length === 0) return null;
  return {
    key: "dont-know-where-to-start",
    title: "Wanting to rebuild, not sure where to start",
    why: "Knowing you want to rebuild is already a lot. A therapist can help you choose a first small promise that fits.",
    evidence: found,
    clearsWhen: "This goes away once a new promise is accepted and active.",
  };
}

function noCalming(facts: SupportFacts): Raised {
  if (facts.phase !== "stabilize") return null;
  const days = daysSince(facts.phaseSince, facts.now);
  if (days < NO_CALMING_DAYS) return null;
  if (facts.intensity !== "steady" && facts.intensity !== "rising") return null;
  const weeks = Math.floor(days / 7);
  const heldSince = new Date(Date.parse(facts.phaseSince) + NO_CALMING_DAYS * DAY_MS).toISOString();
  return {
    key: "no-calming",
    title: "Things are not calming down",
    why: "Six weeks in, intensity is not easing. That is nobody's failure; it is often the moment a therapist helps most.",
    evidence: [
      evidence("weeks-in-stabilize", weeks, heldSince, `${numberWord(weeks)} weeks in Stabilize`),
      facts.intensity === "rising"
        ? evidence("intensity-rising", 1, heldSince, "Intensity has been rising")
        : evidence("intensity-not-easing", 1, heldSince, "Intensity is not easing"),
    ],
    clearsWhen: "This goes away when intensity eases or stays low for two weeks.",
  };
}

/** What the evidence codes that name who said something say, in the third person. */
const SAID: Partial<Record<EvidenceCode, string>> = {
  "pushed-to-move-on-mine": "feel pushed to move on",
  "pushed-to-move-on-partner": "feel pushed to move on",
  "dont-know-mine": "don't know where to start",
  "dont-know-partner": "don't know where to start",
};

/**
 * A partner's view of a signal as their therapist reads it: "You said…" becomes "Robin said…",
 * so two partners' views of one answer read the same and can be shown once.
 */
export function evidenceForTherapist(
  evidence: Evidence,
  names: { viewer: string; partner: string },
): Evidence {
  const said = SAID[evidence.what];
  if (said) {
    const who = evidence.what.endsWith("-mine") ? names.viewer : names.partner;
    return { ...evidence, words: `${who} said they ${said}` };
  }
  if (evidence.what === "minimizing") {
    return { ...evidence, words: "The pace has been quick, with little new reflection" };
  }
  return evidence;
}
