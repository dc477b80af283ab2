/**
 * A couples therapist walks beside a couple only while both partners want it: one proposes, the
 * other consents, the therapist accepts, and either partner ends it at once. Pure rules; the
 * server holds the state and the access scope checks it on every therapist read.
 */
export const LINK_STATUSES = ["proposed", "consented", "active", "ended"] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

export type LinkMove = "consent" | "accept" | "decline" | "grant" | "end";

export interface LinkState {
  status: LinkStatus;
  proposedBy: string | null;
}

/** The link that stands now (at most one is not ended), or null. */
export function liveLink<T extends { status: string }>(links: readonly T[]): T | null {
  return links.find((link) => link.status !== "ended") ?? null;
}

/**
 * Why this person may not make this move on a link now, or null when they may. `who` is a
 * partner's id, or "therapist" for the linked therapist.
 */
export function linkMoveProblem(link: LinkState, move: LinkMove, who: string): string | null {
  if (link.status === "ended") return "This link has ended.";
  switch (move) {
    case "consent":
      if (link.status !== "proposed") return "Both of you have already consented.";
      if (link.proposedBy === who) {
        return "You proposed this therapist; your partner's consent is what is missing.";
      }
      return null;
    case "accept":
    case "decline":
      return link.status === "consented"
        ? null
        : "Both partners need to consent before the therapist can answer.";
    case "grant":
      return link.status === "active"
        ? null
        : "The therapist can be let in only once both of you consented and they accepted.";
    case "end":
      return null;
  }
}

/**
 * What a partner may share with a linked therapist, item by item, once it is shared with the
 * partner: their own reflections, statement versions, addenda, story paragraphs, promises and
 * check-ins. (Forms that ask for a visibility offer "and your therapist" themselves.)
 */
export const SHAREABLE_TYPES = [
  "reflection",
  "statement",
  "addendum",
  "paragraph",
  "promise",
  "checkin",
] as const;
export type ShareableType = (typeof SHAREABLE_TYPES)[number];

/** Every kind of entry in a couple's audit chain. Ids and kinds only, never words or times of use. */
export const AUDIT_ACTIONS = [
  "invite-created",
  "partner-joined",
  "partner-left",
  "therapist-proposed",
  "therapist-consented",
  "therapist-accepted",
  "therapist-declined",
  "therapist-unlinked",
  "key-granted",
  "key-rotated",
  "shared-with-therapist",
  "unshared-from-therapist",
  "therapist-read",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What a therapist read, as an audit target names it. */
export const THERAPIST_READS = [
  "summary",
  "reflection",
  "statement",
  "addendum",
  "paragraph",
  "promise",
  "checkin",
  "hurt",
  "intensity",
] as const;
export type TherapistRead = (typeof THERAPIST_READS)[number];
