import type { AuditEntry, TherapistLink } from "../../../contracts/therapists.ts";
import type { ShareableType, TherapistRead } from "../../../domain/therapist-links.ts";
import { formatDate } from "../../ui/format.ts";

/**
 * The couple's side of a therapist link, as pure rules the screens read: which link stands now,
 * what step it is at for the viewer, and what their audit chain says in their own words. Names come from the couple view and the links; nothing here is invented.
 */

export type LinkStep =
  | { kind: "none" }
  | { kind: "proposed-by-me" }
  | { kind: "proposed-by-partner" }
  | { kind: "waiting-for-therapist" }
  | { kind: "compare-fingerprint" }
  | { kind: "active" };

/**
 * Where the standing link is for this viewer. An active link still asks for the fingerprint
 * step until the therapist holds the space key new items are sealed with (`newestVersion`).
 */
export function linkStep(
  link: TherapistLink | null,
  meId: string,
  newestVersion: number,
): LinkStep {
  if (!link || link.status === "ended") return { kind: "none" };
  if (link.status === "proposed") {
    return { kind: link.proposedBy === meId ? "proposed-by-me" : "proposed-by-partner" };
  }
  if (link.status === "consented") return { kind: "waiting-for-therapist" };
  return link.grantedVersions.includes(newestVersion)
    ? { kind: "active" }
    : { kind: "compare-fingerprint" };
}

/**
 * A fingerprint as groups to read aloud one at a time ("3F2A 91BC …" → ["3F2A", "91BC", …]),
 * whatever spacing it came with.
 */
export function fingerprintGroups(fingerprint: string, size = 4): string[] {
  const plain = fingerprint.replace(/\s+/g, "").toUpperCase();
  const groups: string[] = [];
  for (let at = 0; at < plain.length; at += size) groups.push(plain.slice(at, at + size));
  return groups;
}

/** Who is who in a couple's audit chain: the viewer, the partners, and every linked therapist. */
export interface AuditNames {
  meId: string;
  partners: ReadonlyArray<{ id: string; name: string }>;
  links: ReadonlyArray<Pick<TherapistLink, "id" | "therapist" | "proposedAt" | "endedAt">>;
}

/**
 * An audit target is `<kind>` or `<kind>:<id>`, sometimes with more after the id (a granted
 * key's version: `link:<id>:v2`).
 */
export function parseTarget(target: string): { kind: string; id: string | null } {
  const [kind = "", id] = target.split(":");
  return { kind, id: id || null };
}

const READ_WORDS: Record<TherapistRead, string> = {
  summary: "the summary of where you are",
  reflection: "your shared reflections",
  statement: "your shared accountability statement",
  addendum: "your shared addenda",
  paragraph: "your shared story",
  promise: "your shared promises",
  checkin: "your shared check-ins",
  hurt: "your shared hurt and grief",
  intensity: "your shared intensity checks",
};

const SHARED_WORDS: Record<ShareableType, string> = {
  reflection: "a reflection",
  statement: "a statement version",
  addendum: "an addendum",
  paragraph: "a story paragraph",
  promise: "a promise",
  checkin: "a check-in",
};

function wordsFor<K extends string>(table: Record<K, string>, kind: string, fallback: string) {
  return kind in table ? table[kind as K] : fallback;
}

/**
 * One entry of the couple's chain as a sentence in their own words, with its date:
 * "Dr. Lee opened your shared story on 3 March 2026". Only links, consents, keys, sharing and
 * a therapist's reads are in the chain; never anyone's sign-ins.
 */
export function auditEntryWords(entry: AuditEntry, names: AuditNames): string {
  const sentence = auditSentence(entry, names);
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`;
}

function auditSentence(entry: AuditEntry, names: AuditNames): string {
  const target = parseTarget(entry.target);
  const therapistById = (id: string | null) =>
    names.links.find((link) => link.therapist.id === id)?.therapist.name ?? null;
  const linkTherapist =
    target.kind === "link"
      ? (names.links.find((link) => link.id === target.id)?.therapist.name ?? null)
      : target.kind === "therapist"
        ? therapistById(target.id)
        : null;
  const actorName =
    entry.actor.id === names.meId
      ? "You"
      : entry.actor.role === "therapist"
        ? (therapistById(entry.actor.id) ?? "Your therapist")
        : (names.partners.find((p) => p.id === entry.actor.id)?.name ??
          (entry.actor.role === "operator" ? "Mend's operator" : "A former partner"));
  // The therapist an entry is about: named by its target or as its actor, else the one whose
  // link stood when it happened (sharing names only the item).
  const standing = names.links.findLast(
    (link) => link.proposedAt <= entry.at && (link.endedAt === null || entry.at <= link.endedAt),
  )?.therapist.name;
  const therapist =
    linkTherapist ??
    (entry.actor.role === "therapist" ? therapistById(entry.actor.id) : null) ??
    standing ??
    "your therapist";
  const on = ` on ${formatDate(entry.at)}`;
  switch (entry.action) {
    case "invite-created":
      return `${actorName} made an invite link for a partner${on}`;
    case "partner-joined":
      return `${actorName} joined your shared space${on}`;
    case "partner-left":
      return `${actorName} left your shared space${on}`;
    case "therapist-proposed":
      return `${actorName} proposed ${therapist}${on}`;
    case "therapist-consented":
      return `${actorName} consented to working with ${therapist}${on}`;
    case "therapist-accepted":
      return `${therapist} accepted your invitation${on}`;
    case "therapist-declined":
      return `${therapist} declined your invitation${on}`;
    case "therapist-unlinked":
      return `${actorName} ended the link with ${therapist}${on}`;
    case "key-granted":
      return `${actorName} let ${therapist} open what you share with them${on}`;
    case "key-rotated":
      return `The couple's key was changed${on}`;
    case "shared-with-therapist":
      return `${actorName} shared ${wordsFor(SHARED_WORDS, target.kind, "an item")} with ${therapist}${on}`;
    case "unshared-from-therapist":
      return `${actorName} stopped sharing ${wordsFor(SHARED_WORDS, target.kind, "an item")} with ${therapist}${on}`;
    case "therapist-read":
      return `${actorName} opened ${wordsFor(READ_WORDS, target.kind, "what you shared")}${on}`;
  }
}
