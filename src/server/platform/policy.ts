import type { Visibility } from "../../domain/visibility.ts";
import { errors } from "./errors.ts";

/** The signed-in person behind a request, with the couple they belong to (if any). */
export interface Actor {
  userId: string;
  role: "partner" | "therapist";
  coupleId: string | null;
  sessionId: string;
}

/** How the actor stands to a piece of couple data. */
export type Relation = "author" | "partner" | "therapist" | "outsider";

/** Anything a couple owns: it lives in one couple, has an author and a visibility. */
export interface CoupleItem {
  coupleId: string;
  authorId: string;
  visibility: Visibility;
}

/**
 * The whole access rule, in one table: which relations may read an item of each visibility.
 * Linked therapists are added with the therapist workspace; until then no therapist relation
 * can arise, so "therapist" items are read by the couple alone.
 */
const READERS: Record<Visibility, readonly Relation[]> = {
  private: ["author"],
  couple: ["author", "partner"],
  therapist: ["author", "partner", "therapist"],
};

/** Relations that may change an item they can read (answer, review, withdraw); never a therapist. */
const ACTORS: readonly Relation[] = ["author", "partner"];

export function relationTo(actor: Actor, item: CoupleItem): Relation {
  if (actor.coupleId !== item.coupleId) return "outsider";
  return item.authorId === actor.userId ? "author" : "partner";
}

export function canRead(actor: Actor, item: CoupleItem): boolean {
  return READERS[item.visibility].includes(relationTo(actor, item));
}

export function canAct(actor: Actor, item: CoupleItem): boolean {
  const relation = relationTo(actor, item);
  return canRead(actor, item) && ACTORS.includes(relation);
}

/** Not allowed to see is answered exactly like not there: 404, naming nothing of the item. */
export function requireReadable<T extends CoupleItem>(
  actor: Actor,
  item: T | undefined,
  what: string,
): T {
  if (!item || !canRead(actor, item)) throw errors.notFound(what);
  return item;
}

export function requireActionable<T extends CoupleItem>(
  actor: Actor,
  item: T | undefined,
  what: string,
): T {
  if (!item || !canAct(actor, item)) throw errors.notFound(what);
  return item;
}

/** The couple the actor is a partner in; anyone else gets the same 404 as a missing couple. */
export function requireCoupleMember(actor: Actor): string {
  if (actor.role !== "partner" || actor.coupleId === null)
    throw errors.notFound("Your couple space");
  return actor.coupleId;
}

/** Only the author may change this (edit, delete); to anyone else it is as if it did not exist. */
export function requireAuthor<T extends CoupleItem>(
  actor: Actor,
  item: T | undefined,
  what: string,
): T {
  if (!item || relationTo(actor, item) !== "author") throw errors.notFound(what);
  return item;
}
