/**
 * What waits for this person in the couple, one tap away each, most pressing first: answers the
 * partner is waiting for, then reviews and logs that are due. Pure: the screen hands in what it
 * has read; nothing here reads the clock or the server.
 */
export type NeedKind =
  | "phase-answer"
  | "agreement-answer"
  | "talk-time-answer"
  | "circle-answer"
  | "circle-concern"
  | "agreement-review"
  | "talk-log";

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
}

const ORDER: readonly NeedKind[] = [
  "phase-answer",
  "agreement-answer",
  "talk-time-answer",
  "circle-answer",
  "circle-concern",
  "agreement-review",
  "talk-log",
];

const HREF: Record<NeedKind, string> = {
  "phase-answer": "/#pending-phase",
  "agreement-answer": "/agreements",
  "talk-time-answer": "/talks",
  "circle-answer": "/support#circle",
  "circle-concern": "/support#circle",
  "agreement-review": "/agreements",
  "talk-log": "/talks",
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
  };
  return ORDER.filter((kind) => counts[kind] > 0).map((kind) => ({
    kind,
    count: counts[kind],
    href: HREF[kind],
  }));
}
