/**
 * What waits for this person in the couple, one tap away each, most pressing first: answers the
 * partner is waiting for, then reviews and logs that are due. Pure: the server hands in the states
 * and dates it read through the viewer's scope, never words; nothing here reads the clock.
 */

/** Every kind, most pressing first: the order the card lists them in. */
export const NEED_KINDS = [
  "phase-answer",
  "therapist-consent",
  "therapist-let-in",
  "agreement-answer",
  "talk-time-answer",
  "circle-answer",
  "circle-concern",
  "statement-response",
  "question-answer",
  "story-sign",
  "story-mark",
  "agreement-review",
  "talk-log",
  "reflection-pair",
  "promise-answer",
  "excusal-answer",
  "setback-repair",
  "checkin",
  "promise-mark",
  "promise-view",
  "promise-review",
] as const;
export type NeedKind = (typeof NEED_KINDS)[number];

export interface Need {
  kind: NeedKind;
  /** How many of this kind wait (one card per kind, never one per item). */
  count: number;
  /** The screen that answers it. */
  href: string;
}

export interface NeedFacts {
  viewerId: string;
  pendingPhase: { proposedBy: string } | null;
  agreements: ReadonlyArray<{ status: string; proposedBy: string; dueForReview: boolean }>;
  talkTimes: ReadonlyArray<{ status: string; proposedBy: string }>;
  people: ReadonlyArray<{ by: string; status: string }>;
  talkToLog: boolean;
  /** Make meaning; absent where the screen has not read it. */
  meaning?: MeaningNeedFacts;
  /** Rebuild; absent where the screen has not read it. */
  rebuild?: RebuildNeedFacts;
  /**
   * The couple's therapist link that stands, if any: a proposal waiting for this person's
   * consent, or an accepted therapist this person has not let in with the newest key.
   */
  therapist?: { status: string; proposedBy: string | null; lacksNewestKey: boolean } | null;
}

export interface RebuildNeedFacts {
  promises: ReadonlyArray<{
    by: string;
    status: string;
    /** The review day has come. */
    dueForReview: boolean;
    /** Due days still within the marking window, with both views. */
    open: ReadonlyArray<{ self: string | null; partner: string | null; excused: boolean }>;
    excusals: ReadonlyArray<{ by: string; status: string }>;
  }>;
  /** This week's check-in: the viewer's not in yet, and whether it is time to remind. */
  checkin: { mineMissing: boolean; partnerSubmitted: boolean; onOrAfterDay: boolean };
  /** Who has said each unrepaired setback feels repaired. */
  setbacks: ReadonlyArray<{ repairedBy: readonly string[] }>;
}

export interface MeaningNeedFacts {
  /** The newest version of each statement, by its author, with who has answered it. */
  statements: ReadonlyArray<{ by: string; newestAnsweredBy: readonly string[] }>;
  questions: ReadonlyArray<{ askedBy: string; state: string; deferredTo: string | null }>;
  /** Each paragraph's current version and who has marked that version. */
  paragraphs: ReadonlyArray<{ markedBy: readonly string[] }>;
  story: { coherent: boolean; signedBy: readonly string[] };
  /** Prompts the partner shared on and the viewer has not. */
  partnerSharedOn: number;
}

const HREF: Record<NeedKind, string> = {
  "phase-answer": "/#pending-phase",
  "agreement-answer": "/agreements",
  "talk-time-answer": "/talks",
  "circle-answer": "/support#circle",
  "circle-concern": "/support#circle",
  "agreement-review": "/agreements",
  "talk-log": "/talks",
  "statement-response": "/accountability",
  "question-answer": "/questions",
  "story-mark": "/story",
  "story-sign": "/story",
  "reflection-pair": "/reflections",
  "promise-answer": "/promises",
  "excusal-answer": "/promises",
  "promise-mark": "/promises",
  "promise-view": "/promises",
  "promise-review": "/promises",
  checkin: "/checkins",
  "setback-repair": "/setbacks",
  "therapist-consent": "/support#your-therapist",
  "therapist-let-in": "/support#your-therapist",
};

export function needsYou(facts: NeedFacts): Need[] {
  const theirs = (item: { proposedBy: string }) => item.proposedBy !== facts.viewerId;
  const counts: Record<NeedKind, number> = {
    "phase-answer": facts.pendingPhase && theirs(facts.pendingPhase) ? 1 : 0,
    "agreement-answer": facts.agreements.filter((a) => a.status === "proposed" && theirs(a)).length,
    "talk-time-answer": facts.talkTimes.filter((t) => t.status === "proposed" && theirs(t)).length,
    // Someone the partner listed, waiting for this person's "agree" or concern.
    "circle-answer": facts.people.filter((p) => p.status === "proposed" && p.by !== facts.viewerId)
      .length,
    // A concern the partner raised about someone this person listed: theirs to answer.
    "circle-concern": facts.people.filter((p) => p.status === "concern" && p.by === facts.viewerId)
      .length,
    "agreement-review": facts.agreements.filter((a) => a.status === "accepted" && a.dueForReview)
      .length,
    "talk-log": facts.talkToLog ? 1 : 0,
    "therapist-consent":
      facts.therapist?.status === "proposed" && facts.therapist.proposedBy !== facts.viewerId
        ? 1
        : 0,
    "therapist-let-in":
      facts.therapist?.status === "active" && facts.therapist.lacksNewestKey ? 1 : 0,
    ...meaningCounts(facts.viewerId, facts.meaning),
    ...rebuildCounts(facts.viewerId, facts.rebuild),
  };
  return NEED_KINDS.filter((kind) => counts[kind] > 0).map((kind) => ({
    kind,
    count: counts[kind],
    href: HREF[kind],
  }));
}

/** What waits in Make meaning: an answer to give, a paragraph to read, a signature. */
function meaningCounts(viewerId: string, facts: MeaningNeedFacts | undefined) {
  if (!facts) {
    return {
      "statement-response": 0,
      "question-answer": 0,
      "story-mark": 0,
      "story-sign": 0,
      "reflection-pair": 0,
    };
  }
  return {
    "statement-response": facts.statements.filter(
      (s) => s.by !== viewerId && !s.newestAnsweredBy.includes(viewerId),
    ).length,
    // A question kept for the talk waits there, not here.
    "question-answer": facts.questions.filter(
      (q) =>
        q.askedBy !== viewerId &&
        (q.state === "open" || q.state === "asked-again") &&
        q.deferredTo === null,
    ).length,
    "story-mark": facts.paragraphs.filter((p) => !p.markedBy.includes(viewerId)).length,
    "story-sign":
      facts.story.coherent &&
      facts.story.signedBy.length > 0 &&
      !facts.story.signedBy.includes(viewerId)
        ? 1
        : 0,
    "reflection-pair": facts.partnerSharedOn,
  };
}

/**
 * What waits in Rebuild: a promise or days off to answer, today's marks, what one saw of the
 * partner's, a review, the week's check-in (on or after the agreed day, or once the partner's is
 * in), a setback the partner feels is repaired.
 */
function rebuildCounts(viewerId: string, facts: RebuildNeedFacts | undefined) {
  const none = {
    "promise-answer": 0,
    "excusal-answer": 0,
    "promise-mark": 0,
    "promise-view": 0,
    "promise-review": 0,
    checkin: 0,
    "setback-repair": 0,
  };
  if (!facts) return none;
  const active = facts.promises.filter((p) => p.status === "active");
  const mine = active.filter((p) => p.by === viewerId);
  const theirs = active.filter((p) => p.by !== viewerId);
  const { checkin } = facts;
  return {
    "promise-answer": facts.promises.filter((p) => p.status === "proposed" && p.by !== viewerId)
      .length,
    "excusal-answer": active
      .flatMap((p) => p.excusals)
      .filter((e) => e.status === "proposed" && e.by !== viewerId).length,
    "promise-mark": mine.filter((p) => p.open.some((o) => o.self === null && !o.excused)).length,
    // Worth a look once the partner has said how it went, never before.
    "promise-view": theirs.filter((p) => p.open.some((o) => o.self !== null && o.partner === null))
      .length,
    "promise-review": active.filter((p) => p.dueForReview).length,
    checkin: checkin.mineMissing && (checkin.partnerSubmitted || checkin.onOrAfterDay) ? 1 : 0,
    "setback-repair": facts.setbacks.filter(
      (s) => s.repairedBy.length > 0 && !s.repairedBy.includes(viewerId),
    ).length,
  };
}
