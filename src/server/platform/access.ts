import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { TherapistRead } from "../../domain/therapist-links.ts";
import { VISIBILITIES, type Visibility } from "../../domain/visibility.ts";
import { appendAudit } from "./audit.ts";
import type { Clock } from "./clock.ts";
import type { Db } from "./db.ts";
import type { Database } from "./db-schema.ts";
import { errors } from "./errors.ts";

/** The signed-in person behind a request, with the couple they belong to (if any). */
export interface Actor {
  userId: string;
  role: "partner" | "therapist";
  coupleId: string | null;
  /** The couple's newest space-key version: shared words may be sealed with it or an older one. */
  keyVersion: number | null;
  sessionId: string;
  /** The session passed a second factor (required of therapists before any client data). */
  secondFactor: boolean;
}

/**
 * How a viewer stands to a piece of couple data. `caseload` is a linked therapist's dashboard:
 * numbers worked out from what the partners share with each other (never a private item, never
 * a word), which linking by both partners consents to.
 */
export type Relation = "author" | "partner" | "therapist" | "caseload";

/** How a viewer stands to a couple as a whole: one of its partners, or its linked therapist. */
export type Standing = Exclude<Relation, "author">;

declare const scopeBrand: unique symbol;

/**
 * Who is looking, at which couple, as what. Every read and write of couple data takes one, and
 * only `scopeOf` makes one: the brand cannot be forged outside this module, so a store cannot
 * be called for a couple the request was never let into.
 */
export interface Scope {
  readonly [scopeBrand]: true;
  readonly viewerId: string;
  readonly coupleId: string;
  readonly as: Standing;
}

/**
 * The one door into a couple's data for its partners. A partner is let into their own couple;
 * anyone else (a therapist included) gets the same 404 as a couple that does not exist.
 */
export function scopeOf(actor: Actor): Scope {
  if (actor.role !== "partner" || actor.coupleId === null) {
    throw errors.notFound("Your couple space");
  }
  return { viewerId: actor.userId, coupleId: actor.coupleId, as: "partner" } as Scope;
}

/**
 * A therapist, past the second factor: anyone else gets the 404 of a route that is not theirs,
 * and a therapist's session without its second factor a 401 that says what is missing.
 */
export function requireTherapist(actor: Actor): string {
  if (actor.role !== "therapist") throw errors.notFound("That page");
  if (!actor.secondFactor) throw errors.secondFactorRequired();
  return actor.userId;
}

/**
 * The therapist's door into a couple's data. It opens only on a link that both partners
 * consented to and the therapist accepted, and not ended: proposed, consented-but-not-accepted,
 * unlinked and another couple's links all answer the 404 of a couple that does not exist, on
 * the very next request after a change. Every opening is written to the couple's audit chain,
 * naming what was read, before anything is read.
 */
export function therapistDoor(db: Db, clock: Clock) {
  async function activeLink(therapistId: string, coupleId: string): Promise<boolean> {
    const link = await db
      .selectFrom("therapist_links")
      .select("id")
      .where("couple_id", "=", coupleId)
      .where("therapist_id", "=", therapistId)
      .where("status", "=", "active")
      .where("ended_at", "is", null)
      .executeTakeFirst();
    return link !== undefined;
  }

  async function enter(
    actor: Actor,
    coupleId: string,
    reads: readonly TherapistRead[],
  ): Promise<Scope> {
    const therapistId = requireTherapist(actor);
    if (!(await activeLink(therapistId, coupleId))) throw errors.notFound("That couple");
    await appendAudit(
      db,
      coupleId,
      { id: therapistId, role: "therapist" },
      reads.map((target) => ({ action: "therapist-read" as const, target })),
      clock.now(),
    );
    return { viewerId: therapistId, coupleId, as: "therapist" } as Scope;
  }

  return {
    enter,

    /**
     * "You, B and your therapist" may be chosen only while a therapist is linked: an item shared
     * with nobody yet would otherwise wait, unannounced, for whoever is linked next.
     */
    async refuseTherapistVisibilityUnlinked(request: {
      actor: Actor | null;
      body?: unknown;
    }): Promise<void> {
      const visibility = (request.body as { visibility?: unknown } | undefined)?.visibility;
      const coupleId = request.actor?.coupleId;
      if (visibility !== "therapist" || !coupleId) return;
      const link = await db
        .selectFrom("therapist_links")
        .select("id")
        .where("couple_id", "=", coupleId)
        .where("status", "=", "active")
        .where("ended_at", "is", null)
        .executeTakeFirst();
      if (!link) {
        throw errors.conflict(
          "link_state",
          "No therapist is linked, so this can be shared with your partner or kept to yourself.",
        );
      }
    },

    /**
     * The door for a read whose kinds are known only once read (the couple view): the link is
     * checked first, and `record` must write what was read before the answer leaves.
     */
    async open(actor: Actor, coupleId: string) {
      const scope = await enter(actor, coupleId, []);
      return {
        scope,
        record: (reads: readonly TherapistRead[]) =>
          appendAudit(
            db,
            coupleId,
            { id: scope.viewerId, role: "therapist" },
            reads.map((target) => ({ action: "therapist-read" as const, target })),
            clock.now(),
          ),
      };
    },

    /**
     * The same door, for the caseload's numbers (phase, trends, reliability, next talk): a scope
     * that reads what the partners share with each other, for counting and scales alone. Services
     * handed it must answer numbers only; the audit names the read as `summary`.
     */
    async caseload(actor: Actor, coupleId: string): Promise<Scope> {
      const scope = await enter(actor, coupleId, ["summary"]);
      return { viewerId: scope.viewerId, coupleId, as: "caseload" } as Scope;
    },

    /**
     * The scopes of the partners who chose to share their view of the support signals with their
     * therapist: each signal is worked out as that partner sees it, by their own consent, and
     * nothing else is read through these scopes.
     */
    async sharedSignalViews(scope: Scope): Promise<Scope[]> {
      if (scope.as !== "therapist" && scope.as !== "caseload") return [];
      const sharing = await db
        .selectFrom("couple_members")
        .select("user_id")
        .where("couple_id", "=", scope.coupleId)
        .where("signals_shared", "=", 1)
        .execute();
      return sharing.map(
        (row) => ({ viewerId: row.user_id, coupleId: scope.coupleId, as: "partner" }) as Scope,
      );
    },
  };
}
export type TherapistDoor = ReturnType<typeof therapistDoor>;

/**
 * The whole access rule, in one table: which relations may read an item of each visibility. A
 * therapist scope exists only through `therapistDoor`, on an active link.
 */
export const READERS: Readonly<Record<Visibility, readonly Relation[]>> = {
  private: ["author"],
  couple: ["author", "partner", "caseload"],
  therapist: ["author", "partner", "therapist", "caseload"],
};

/** Relations that may change an item they can read (answer, review, withdraw); never a therapist. */
const ACTORS: readonly Relation[] = ["author", "partner"];

/**
 * Tables of items a couple owns one by one, each with an author and a visibility, and the
 * column naming the author. A table with a `visibility` column that is missing here fails the
 * access matrix.
 */
export const ITEM_TABLES = {
  agreements: "proposed_by",
  talk_times: "proposed_by",
  talk_logs: "author_id",
  parking_lot: "raised_by",
  intensity_entries: "author_id",
  stressors: "author_id",
  circle_people: "author_id",
  reflections: "author_id",
  reflection_comments: "author_id",
  accountability_drafts: "author_id",
  accountability_versions: "author_id",
  accountability_addenda: "author_id",
  accountability_responses: "author_id",
  hurt_entries: "author_id",
  questions: "author_id",
  question_answers: "author_id",
  question_askings: "author_id",
  story_paragraphs: "author_id",
  story_marks: "author_id",
  promises: "author_id",
  promise_marks: "author_id",
  promise_excusals: "author_id",
  checkins: "author_id",
  setbacks: "author_id",
  setback_steps: "author_id",
  support_answers: "author_id",
} as const satisfies Partial<Record<keyof Database, string>>;

export type ItemTable = keyof typeof ITEM_TABLES;

/** Tables that belong to a couple as a whole: every partner reads them, nobody else. */
export type CoupleTable =
  | "couples"
  | "couple_members"
  | "invites"
  | "phase_proposals"
  | "phase_history"
  | "agreement_events"
  | "pauses"
  | "space_grants"
  | "couple_changes"
  | "story_signatures"
  | "promise_views"
  | "setback_repairs"
  | "milestone_sightings";

function readableAs(relation: Relation): Visibility[] {
  return VISIBILITIES.filter((v) => READERS[v].includes(relation));
}

function oneOf(column: RawBuilder<unknown>, values: readonly string[]): RawBuilder<SqlBool> {
  if (values.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${column} in (${sql.join(values)})`;
}

/**
 * The SQL form of READERS for one scope: the rows of `table` in the scope's couple that the
 * viewer may read, as the viewer's own items or as someone else's. Stores put it in every query
 * of an item table, so what a viewer receives is decided here and nowhere else.
 */
export function readableIn(scope: Scope, table: ItemTable): RawBuilder<SqlBool> {
  const author = sql.ref(`${table}.${ITEM_TABLES[table]}`);
  const visibility = sql.ref(`${table}.visibility`);
  const own = scope.as === "partner" ? readableAs("author") : [];
  const others = readableAs(scope.as);
  return sql<SqlBool>`(${sql.ref(`${table}.couple_id`)} = ${scope.coupleId} and ((${author} = ${
    scope.viewerId
  } and ${oneOf(visibility, own)}) or (${author} <> ${scope.viewerId} and ${oneOf(
    visibility,
    others,
  )})))`;
}

/** The rows of a couple-wide table that belong to the scope's couple. */
export function inCouple(scope: Scope, table: CoupleTable): RawBuilder<SqlBool> {
  const column = table === "couples" ? "id" : "couple_id";
  return sql<SqlBool>`${sql.ref(`${table}.${column}`)} = ${scope.coupleId}`;
}

/** How the viewer stands to an item already read through their scope. */
export function relationTo(scope: Scope, authorId: string): Relation {
  return authorId === scope.viewerId ? "author" : scope.as;
}

/**
 * An item the viewer may change (answer, review, withdraw); to anyone else it is as if it did
 * not exist. The item was found through the scope, so it is already one the viewer may read.
 */
export function requireActionable<T>(
  scope: Scope,
  item: T | undefined,
  authorOf: (item: T) => string,
  what: string,
): T {
  if (item === undefined || !ACTORS.includes(relationTo(scope, authorOf(item)))) {
    throw errors.notFound(what);
  }
  return item;
}

/** Only the author may change this (edit, delete); to anyone else it is as if it did not exist. */
export function requireAuthor<T>(
  scope: Scope,
  item: T | undefined,
  authorOf: (item: T) => string,
  what: string,
): T {
  if (item === undefined || authorOf(item) !== scope.viewerId) throw errors.notFound(what);
  return item;
}
