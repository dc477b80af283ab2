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
  "cannot-agree",
  "stuck-rebuilding",
  "no-calming",
] as const;
export type SignalKey = (typeof SIGNAL_KEYS)[number];

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
  /** In Rebuild: when a promise was last active (null if never), and whether one is now. */
  promises: { activeNow: number; lastActiveAt: string | null };
  /** "We want to rebuild but don't know where to start", as the viewer may see it. */
  dontKnowWhereToStart: ReadonlyArray<{ at: string; mine: boolean }>;
  /** The intensity trend's status now (domain/intensity.ts). */
  intensity: "low" | "easing" | "steady" | "rising" | "not-enough-data";
  /** Signals the viewer snoozed, until when. */
  snoozed: ReadonlyArray<{ key: SignalKey; until: string }>;
}

export interface Signal {
  key: SignalKey;
  title: string;
  /** Why it matters, in a sentence or two, never blaming either partner. */
  why: string;
  /** What raised it: plain facts, no words of the couple's. */
  data: string[];
  /** Since when it has held. */
  since: string;
  clearsWhen: string;
  /** The viewer snoozed it: shown folded, not as a card. */
  snoozedUntil: string | null;
}

const daysSince = (at: string, now: Date) => (now.getTime() - Date.parse(at)) / DAY_MS;
const earliest = (times: readonly string[]) => [...times].sort()[0];
const times = (n: number, one: string) => (n === 1 ? one : `${numberWord(n)} times`);

/** Every signal that holds for these facts, in the road map's order. */
export function supportSignals(facts: SupportFacts): Signal[] {
  const raised = [
    sameArgument(facts),
    pressureToMoveOn(facts),
    cannotAgree(facts),
    stuckRebuilding(facts),
    noCalming(facts),
  ].filter((signal): signal is Omit<Signal, "snoozedUntil"> => signal !== null);
  return raised.map((signal) => {
    const snooze = facts.snoozed.find(
      (s) => s.key === signal.key && Date.parse(s.until) > facts.now.getTime(),
    );
    return { ...signal, snoozedUntil: snooze?.until ?? null };
  });
}

type Raised = Omit<Signal, "snoozedUntil"> | null;

function sameArgument(facts: SupportFacts): Raised {
  const topics = facts.topics.filter((t) => t.carriedOver >= CARRIED_OVER_TIMES);
  const questions = facts.questions.filter(
    (q) => q.timesAsked >= ASKED_TIMES && q.state !== "let-go",
  );
  const run = sameConcernRun(facts.checkinWeeks);
  const data = [
    ...topics.map((t) => `A topic carried over to the next talk ${times(t.carriedOver, "once")}`),
    ...questions.map((q) => `A question asked ${times(q.timesAsked, "once")}`),
    ...(run.length >= SAME_CONCERN_WEEKS
      ? [`The same concern in ${numberWord(run.length)} weekly check-ins in a row`]
      : []),
  ];
  if (data.length === 0) return null;
  const since = earliest([
    ...topics.map((t) => t.raisedAt),
    ...questions.map((q) => q.askedAt),
    ...(run.length >= SAME_CONCERN_WEEKS ? [run[0]?.at ?? facts.now.toISOString()] : []),
  ]);
  return {
    key: "same-argument",
    title: "The same conversation keeps coming back",
    why: "Coming back to the same thing without it getting easier is common after a rupture, and exhausting. A couples therapist can help you find what keeps it open.",
    data,
    since: since ?? facts.now.toISOString(),
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
  const said = facts.pushedToMoveOn.filter((p) => daysSince(p.at, facts.now) <= 28);
  const data = [
    ...(said.some((p) => p.mine) ? ["You said you feel pushed to move on"] : []),
    ...(said.some((p) => !p.mine) ? ["Your partner shared that they feel pushed to move on"] : []),
    ...(facts.minimizingSince ? ["Your pace has been quick, with little new reflection"] : []),
  ];
  if (data.length === 0) return null;
  return {
    key: "pressure-to-move-on",
    title: "Feeling pushed to get over it",
    why: "Healing has its own pace, and it is rarely the same for both. A therapist can help you find one you can both live with.",
    data,
    since:
      earliest([
        ...said.map((p) => p.at),
        ...(facts.minimizingSince ? [facts.minimizingSince] : []),
      ]) ?? facts.now.toISOString(),
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
  const data = [
    ...(disputed.length > 0
      ? [
          `${disputed.length === 1 ? "A paragraph" : `${numberWord(disputed.length)} paragraphs`} of your story disputed for three weeks or more`,
        ]
      : []),
    ...(notYet.length >= NOT_YET_ANSWERS
      ? [`The statement answered "not yet" ${numberWord(notYet.length)} times in a row`]
      : []),
  ];
  if (data.length === 0) return null;
  return {
    key: "cannot-agree",
    title: "Hard to agree on what happened",
    why: "You don't need identical views, but a story you can both live with. A therapist can hold both accounts while you find it.",
    data,
    since:
      earliest(
        [...disputed, ...(notYet.length >= NOT_YET_ANSWERS ? [notYet[0]?.at ?? ""] : [])].filter(
          Boolean,
        ),
      ) ?? facts.now.toISOString(),
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
  const noPromise =
    facts.promises.activeNow === 0 && daysSince(quietSince, facts.now) >= NO_PROMISE_DAYS;
  const said = facts.dontKnowWhereToStart;
  const data = [
    ...(noPromise ? ["No promise has been active for two weeks or more"] : []),
    ...(said.some((s) => s.mine) ? ["You said you don't know where to start"] : []),
    ...(said.some((s) => !s.mine)
      ? ["Your partner shared that they don't know where to start"]
      : []),
  ];
  if (data.length === 0) return null;
  return {
    key: "stuck-rebuilding",
    title: "Wanting to rebuild, not sure where to start",
    why: "Knowing you want to rebuild is already a lot. A therapist can help you choose a first small promise that fits.",
    data,
    since: earliest([...(noPromise ? [quietSince] : []), ...said.map((s) => s.at)]) ?? quietSince,
    clearsWhen: "This goes away once a promise is accepted and active.",
  };
}

function noCalming(facts: SupportFacts): Raised {
  if (facts.phase !== "stabilize") return null;
  const days = daysSince(facts.phaseSince, facts.now);
  if (days < NO_CALMING_DAYS) return null;
  if (facts.intensity !== "steady" && facts.intensity !== "rising") return null;
  return {
    key: "no-calming",
    title: "Things are not calming down",
    why: "Six weeks in, intensity is not easing. That is nobody's failure; it is often the moment a therapist helps most.",
    data: [
      `${numberWord(Math.floor(days / 7))} weeks in Stabilize`,
      facts.intensity === "rising" ? "Intensity has been rising" : "Intensity is not easing",
    ],
    since: new Date(Date.parse(facts.phaseSince) + NO_CALMING_DAYS * DAY_MS).toISOString(),
    clearsWhen: "This goes away when intensity eases or stays low for two weeks.",
  };
}
