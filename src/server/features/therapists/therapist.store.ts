import { sql } from "kysely";
import type { AuditAction, ShareableType } from "../../../domain/therapist-links.ts";
import {
  ITEM_TABLES,
  type ItemTable,
  inCouple,
  readableIn,
  type Scope,
} from "../../platform/access.ts";
import { appendAudit, auditOf } from "../../platform/audit.ts";
import { lockCouple } from "../../platform/couple-lock.ts";
import type { Db } from "../../platform/db.ts";
import type { TherapistLinkRow } from "../../platform/db-schema.ts";

/** The table and author column behind each kind of item a partner may share with a therapist. */
const SHAREABLE = {
  reflection: ["reflections", "author_id"],
  statement: ["accountability_versions", "author_id"],
  addendum: ["accountability_addenda", "author_id"],
  paragraph: ["story_paragraphs", "author_id"],
  promise: ["promises", "author_id"],
  checkin: ["checkins", "author_id"],
} as const satisfies Record<ShareableType, readonly [string, string]>;

/** A link with the therapist it names. */
export interface LinkWithTherapist extends TherapistLinkRow {
  therapist_name: string;
  therapist_public_key: string;
}

function linksWithTherapist(db: Db) {
  return db
    .selectFrom("therapist_links")
    .innerJoin("users", "users.id", "therapist_links.therapist_id")
    .selectAll("therapist_links")
    .select(["users.name as therapist_name", "users.public_key as therapist_public_key"]);
}

/**
 * The couple's side of therapist links, made for one partner's scope: links, grants to the
 * therapist, sharing items, a new space key. Every query is bound to the scope's couple.
 */
export function coupleLinkStore(db: Db, scope: Scope) {
  return {
    /** Ends a link in whatever state it is; false when it had ended already. */
    async end(id: string, at: string): Promise<boolean> {
      const result = await db
        .updateTable("therapist_links")
        .set({ status: "ended", ended_by: scope.viewerId, ended_at: at })
        .where("id", "=", id)
        .where("couple_id", "=", scope.coupleId)
        .where("ended_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Nobody's view of the signals goes on to a next therapist without being shared anew. */
    async stopSharingSignals(): Promise<void> {
      await db
        .updateTable("couple_members")
        .set({ signals_shared: 0 })
        .where(inCouple(scope, "couple_members"))
        .execute();
    },

    /** An entry in the couple's audit chain, in the same transaction as the change it records. */
    audit(action: AuditAction, target: string, at: Date): Promise<void> {
      return appendAudit(
        db,
        scope.coupleId,
        { id: scope.viewerId, role: "partner" },
        [{ action, target }],
        at,
      );
    },

    links(): Promise<LinkWithTherapist[]> {
      return linksWithTherapist(db)
        .where("therapist_links.couple_id", "=", scope.coupleId)
        .orderBy("therapist_links.proposed_at", "desc")
        .execute();
    },

    link(id: string): Promise<LinkWithTherapist | undefined> {
      return linksWithTherapist(db)
        .where("therapist_links.couple_id", "=", scope.coupleId)
        .where("therapist_links.id", "=", id)
        .executeTakeFirst();
    },

    therapistByEmail(email: string) {
      return db
        .selectFrom("users")
        .select(["id", "name", "public_key"])
        .where("email", "=", email)
        .where("role", "=", "therapist")
        .executeTakeFirst();
    },

    /** False when the couple already has a link that has not ended (the unique index holds it). */
    async insertLink(row: {
      id: string;
      therapist_id: string;
      proposed_by: string;
      proposed_at: string;
    }): Promise<boolean> {
      const result = await db
        .insertInto("therapist_links")
        .values({ ...row, couple_id: scope.coupleId, status: "proposed" })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    /** Moves a link from one status to the next; false when it was no longer in `from`. */
    async move(
      id: string,
      from: string,
      change: Partial<Omit<TherapistLinkRow, "id" | "couple_id" | "therapist_id">>,
    ): Promise<boolean> {
      const result = await db
        .updateTable("therapist_links")
        .set(change)
        .where("id", "=", id)
        .where("couple_id", "=", scope.coupleId)
        .where("status", "=", from)
        .where("ended_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    grantedVersions(therapistId: string) {
      return db
        .selectFrom("space_grants")
        .select("version")
        .where(inCouple(scope, "space_grants"))
        .where("user_id", "=", therapistId)
        .orderBy("version")
        .execute();
    },

    async insertGrant(row: {
      user_id: string;
      version: number;
      grant_box: string;
      at: string;
    }): Promise<boolean> {
      const result = await db
        .insertInto("space_grants")
        .values({ ...row, couple_id: scope.coupleId, granted_by: scope.viewerId })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async dropGrants(userId: string): Promise<void> {
      await db
        .deleteFrom("space_grants")
        .where(inCouple(scope, "space_grants"))
        .where("user_id", "=", userId)
        .execute();
    },

    async keyVersion(): Promise<number> {
      const row = await db
        .selectFrom("couples")
        .select("key_version")
        .where(inCouple(scope, "couples"))
        .executeTakeFirstOrThrow();
      return Number(row.key_version);
    },

    memberIds() {
      return db
        .selectFrom("couple_members")
        .select("user_id")
        .where(inCouple(scope, "couple_members"))
        .execute();
    },

    /** The next key version, only if nobody moved it meanwhile. */
    async bumpKeyVersion(from: number, to: number): Promise<boolean> {
      const result = await db
        .updateTable("couples")
        .set({ key_version: to })
        .where(inCouple(scope, "couples"))
        .where("key_version", "=", from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    auditChain() {
      return auditOf(db, scope.coupleId);
    },

    /**
     * Everything shared with a therapist goes back to the two partners when a link ends: a
     * choice made for one therapist is not carried over to the next.
     */
    async unshareAll(): Promise<void> {
      for (const table of Object.keys(ITEM_TABLES) as ItemTable[]) {
        await db
          .updateTable(table)
          .set({ visibility: "couple" })
          .where(sql.ref(`${table}.couple_id`), "=", scope.coupleId)
          .where(sql.ref(`${table}.visibility`), "=", "therapist")
          .execute();
      }
    },

    /** One's own shared item to "therapist" or back to "couple"; false if it is not one's own. */
    async setShared(type: ShareableType, id: string, shared: boolean): Promise<boolean> {
      const [table, author] = SHAREABLE[type];
      const result = await db
        .updateTable(table)
        .set({ visibility: shared ? "therapist" : "couple" })
        .where(sql.ref(`${table}.id`), "=", id)
        .where(sql.ref(`${table}.couple_id`), "=", scope.coupleId)
        .where(sql.ref(`${table}.${author}`), "=", scope.viewerId)
        .where(sql.ref(`${table}.visibility`), "in", ["couple", "therapist"])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
export type CoupleLinkStore = ReturnType<typeof coupleLinkStore>;

/**
 * The therapist's own side: invitations waiting, links to accept, the caseload's couples, and
 * their notes. Bound to the therapist, never to a couple: a couple's data is read only through a
 * scope the therapist door made (`sharedStore`).
 */
export function therapistStore(db: Db) {
  return {
    audit(coupleId: string, therapistId: string, action: AuditAction, target: string, at: Date) {
      return appendAudit(
        db,
        coupleId,
        { id: therapistId, role: "therapist" },
        [{ action, target }],
        at,
      );
    },

    linksOf(therapistId: string, status: "consented" | "active") {
      return db
        .selectFrom("therapist_links")
        .selectAll()
        .where("therapist_id", "=", therapistId)
        .where("status", "=", status)
        .where("ended_at", "is", null)
        .orderBy("consented_at")
        .execute();
    },

    async move(
      therapistId: string,
      id: string,
      from: string,
      change: Partial<TherapistLinkRow>,
    ): Promise<TherapistLinkRow | undefined> {
      return db
        .updateTable("therapist_links")
        .set(change)
        .where("id", "=", id)
        .where("therapist_id", "=", therapistId)
        .where("status", "=", from)
        .where("ended_at", "is", null)
        .returningAll()
        .executeTakeFirst();
    },

    /** A link of this therapist's, whatever its state; another's is as if it did not exist. */
    linkOf(therapistId: string, id: string) {
      return db
        .selectFrom("therapist_links")
        .select(["id", "status", "couple_id"])
        .where("id", "=", id)
        .where("therapist_id", "=", therapistId)
        .executeTakeFirst();
    },

    /** Every change to a couple's links waits for the one before it (see `lockCouple`). */
    lockCouple: (coupleId: string) => lockCouple(db, coupleId),

    partnerNames(coupleIds: readonly string[]) {
      if (coupleIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("couple_members")
        .innerJoin("users", "users.id", "couple_members.user_id")
        .select(["couple_members.couple_id", "users.id", "users.name"])
        .where("couple_members.couple_id", "in", coupleIds)
        .orderBy("couple_members.joined_at")
        .execute();
    },

    notes(therapistId: string, coupleId: string) {
      return db
        .selectFrom("therapist_notes")
        .select(["id", "text", "created_at"])
        .where("therapist_id", "=", therapistId)
        .where("couple_id", "=", coupleId)
        .orderBy("created_at", "desc")
        .execute();
    },

    async lastNoteAt(therapistId: string, coupleId: string): Promise<string | null> {
      const row = await db
        .selectFrom("therapist_notes")
        .select("created_at")
        .where("therapist_id", "=", therapistId)
        .where("couple_id", "=", coupleId)
        .orderBy("created_at", "desc")
        .limit(1)
        .executeTakeFirst();
      return row?.created_at ?? null;
    },

    async insertNote(row: {
      id: string;
      therapist_id: string;
      couple_id: string;
      text: string;
      created_at: string;
    }): Promise<boolean> {
      const result = await db
        .insertInto("therapist_notes")
        .values(row)
        .onConflict((oc) => oc.column("id").doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}
export type TherapistStore = ReturnType<typeof therapistStore>;

/**
 * What one couple shares, read through a scope the therapist door made: for a therapist scope
 * only items whose visibility is `therapist`; for the caseload's numbers, the scales and marks
 * the partners share with each other. The filter is `readableIn`, as everywhere.
 */
export function sharedStore(db: Db, scope: Scope) {
  return {
    couple() {
      return db
        .selectFrom("couples")
        .select(["id", "phase", "phase_since"])
        .where(inCouple(scope, "couples"))
        .executeTakeFirstOrThrow();
    },

    grants() {
      return db
        .selectFrom("space_grants")
        .select(["version", "grant_box"])
        .where(inCouple(scope, "space_grants"))
        .where("user_id", "=", scope.viewerId)
        .orderBy("version")
        .execute();
    },

    reflections() {
      return db
        .selectFrom("reflections")
        .select(["id", "author_id", "prompt_key", "body", "shared_at", "created_at"])
        .where(readableIn(scope, "reflections"))
        .where("shared_at", "is not", null)
        .execute();
    },

    statements() {
      return db
        .selectFrom("accountability_versions")
        .select(["id", "author_id", "n", "what_i_did", "impact", "why_not_sooner", "created_at"])
        .where(readableIn(scope, "accountability_versions"))
        .execute();
    },

    addenda() {
      return db
        .selectFrom("accountability_addenda")
        .select(["id", "author_id", "after_version", "text", "created_at"])
        .where(readableIn(scope, "accountability_addenda"))
        .execute();
    },

    paragraphs() {
      return db
        .selectFrom("story_paragraphs")
        .selectAll()
        .where(readableIn(scope, "story_paragraphs"))
        .execute();
    },

    promises() {
      return db
        .selectFrom("promises")
        .select(["id", "author_id", "status", "text", "notice_how", "created_at"])
        .where(readableIn(scope, "promises"))
        .execute();
    },

    checkins() {
      return db
        .selectFrom("checkins")
        .selectAll()
        .where(readableIn(scope, "checkins"))
        .orderBy("week")
        .execute();
    },

    hurt() {
      return db
        .selectFrom("hurt_entries")
        .select(["id", "author_id", "words", "broken", "repair_possible", "created_at"])
        .where(readableIn(scope, "hurt_entries"))
        .execute();
    },

    intensity() {
      return db
        .selectFrom("intensity_entries")
        .select(["id", "author_id", "value", "note", "at"])
        .where(readableIn(scope, "intensity_entries"))
        .execute();
    },
  };
}
export type SharedStore = ReturnType<typeof sharedStore>;
