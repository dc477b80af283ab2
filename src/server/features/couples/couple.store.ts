import { type Insertable, sql } from "kysely";
import { ITEM_TABLES, type ItemTable, inCouple, type Scope } from "../../platform/access.ts";
import { appendAudit } from "../../platform/audit.ts";
import { lockCouple } from "../../platform/couple-lock.ts";
import type { Db } from "../../platform/db.ts";
import type {
  CoupleMembersTable,
  CoupleRow,
  CouplesTable,
  InviteRow,
} from "../../platform/db-schema.ts";

const MEMBERSHIP_ACTIONS = ["partner-joined", "partner-left", "key-rotated"];

/** Both kinds of couple store, so one transaction can start a couple and then work inside it. */
export function coupleStores(db: Db) {
  return { joining: joiningStore(db), of: (scope: Scope) => coupleStore(db, scope) };
}
export type CoupleStores = ReturnType<typeof coupleStores>;

function memberCount(db: Db, coupleId: string): Promise<number> {
  return db
    .selectFrom("couple_members")
    .select("user_id")
    .where("couple_id", "=", coupleId)
    .execute()
    .then((rows) => rows.length);
}

/**
 * What happens before a person is in a couple: starting one, and joining by an invite. Nothing
 * here reads a couple's words; it knows only ids, counts and the inviter's name.
 */
function joiningStore(db: Db) {
  return {
    /** Joins of one couple wait for each other, so its member count holds when checked. */
    lockCouple: (coupleId: string) => lockCouple(db, coupleId),

    async insertCouple(row: Insertable<CouplesTable>): Promise<void> {
      await db.insertInto("couples").values(row).execute();
    },

    /** False when the user is in a couple already (one couple per person, held by a unique key). */
    async insertMember(row: Insertable<CoupleMembersTable>): Promise<boolean> {
      const result = await db
        .insertInto("couple_members")
        .values(row)
        .onConflict((oc) => oc.column("user_id").doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    memberCount: (coupleId: string) => memberCount(db, coupleId),

    findInviteByTokenHash(tokenHash: string): Promise<InviteRow | undefined> {
      return db
        .selectFrom("invites")
        .selectAll()
        .where("token_hash", "=", tokenHash)
        .executeTakeFirst();
    },

    findInviteById(id: string): Promise<InviteRow | undefined> {
      return db.selectFrom("invites").selectAll().where("id", "=", id).executeTakeFirst();
    },

    /** Marks an invite used only if nobody else did first; false means it is gone. */
    async claimInvite(id: string, userId: string, now: string): Promise<boolean> {
      const result = await db
        .updateTable("invites")
        .set({ used_at: now, used_by: userId, invite_box: null })
        .where("id", "=", id)
        .where("used_at", "is", null)
        .where("revoked_at", "is", null)
        .where("expires_at", ">", now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    userName(userId: string) {
      return db.selectFrom("users").select("name").where("id", "=", userId).executeTakeFirst();
    },
  };
}

/** A couple's own data, as one of its partners sees it. */
function coupleStore(db: Db, scope: Scope) {
  return {
    /** Changes to the couple wait for each other, so what one checks holds when it writes. */
    lock: () => lockCouple(db, scope.coupleId),

    /** An entry in the couple's audit chain, in the transaction of the change it records. */
    audit(
      action: "invite-created" | "partner-joined" | "partner-left",
      target: string,
      at: string,
    ) {
      return appendAudit(
        db,
        scope.coupleId,
        { id: scope.viewerId, role: "partner" },
        [{ action, target }],
        new Date(at),
      );
    },

    /** Who joined and left, and when the key last changed: what Home says after a partner left. */
    membershipChain() {
      return db
        .selectFrom("audit_entries")
        .select(["action", "target", "at"])
        .where("couple_id", "=", scope.coupleId)
        .where("action", "in", MEMBERSHIP_ACTIONS)
        .orderBy("seq")
        .execute();
    },

    /**
     * The viewer leaves: every item of theirs only they could read goes with them (a draft is
     * theirs whatever its row says), then their membership, their grants of the space key and
     * their own reminders' snoozes. What they shared stays with the couple, words and all; what
     * they showed a therapist is shown no longer, since that choice was made from inside the
     * couple (the link itself is the remaining partner's to keep or end).
     */
    async leave(): Promise<void> {
      for (const table of Object.keys(ITEM_TABLES) as ItemTable[]) {
        const couple = sql.ref(`${table}.couple_id`);
        const author = sql.ref(`${table}.${ITEM_TABLES[table]}`);
        const visibility = sql.ref(`${table}.visibility`);
        const own = db
          .deleteFrom(table)
          .where(couple, "=", scope.coupleId)
          .where(author, "=", scope.viewerId);
        await (table === "accountability_drafts"
          ? own
          : own.where(visibility, "=", "private")
        ).execute();
        await db
          .updateTable(table)
          .set({ visibility: "couple" })
          .where(couple, "=", scope.coupleId)
          .where(author, "=", scope.viewerId)
          .where(visibility, "=", "therapist")
          .execute();
      }
      await db
        .deleteFrom("signal_snoozes")
        .where("couple_id", "=", scope.coupleId)
        .where("user_id", "=", scope.viewerId)
        .execute();
      await db
        .deleteFrom("space_grants")
        .where(inCouple(scope, "space_grants"))
        .where("user_id", "=", scope.viewerId)
        .execute();
      await db
        .deleteFrom("couple_members")
        .where(inCouple(scope, "couple_members"))
        .where("user_id", "=", scope.viewerId)
        .execute();
    },

    findCouple(): Promise<CoupleRow | undefined> {
      return db
        .selectFrom("couples")
        .selectAll()
        .where(inCouple(scope, "couples"))
        .executeTakeFirst();
    },

    async setPhase(phase: string, since: string): Promise<void> {
      await db
        .updateTable("couples")
        .set({ phase, phase_since: since })
        .where(inCouple(scope, "couples"))
        .execute();
    },

    memberCount: () => memberCount(db, scope.coupleId),

    members() {
      return db
        .selectFrom("couple_members")
        .innerJoin("users", "users.id", "couple_members.user_id")
        .select([
          "couple_members.user_id",
          "couple_members.stance",
          "couple_members.safe_enough",
          "couple_members.safe_enough_at",
          "couple_members.individual_mode",
          "couple_members.joined_at",
          "users.name",
          "users.public_key",
        ])
        .where(inCouple(scope, "couple_members"))
        .orderBy("couple_members.joined_at")
        .execute();
    },

    /** The viewer's own flags: never the other partner's. */
    async setSafeEnough(value: boolean, at: string): Promise<void> {
      await db
        .updateTable("couple_members")
        .set({ safe_enough: value ? 1 : 0, safe_enough_at: at })
        .where(inCouple(scope, "couple_members"))
        .where("user_id", "=", scope.viewerId)
        .execute();
    },

    async setIndividualMode(on: boolean): Promise<void> {
      await db
        .updateTable("couple_members")
        .set({ individual_mode: on ? 1 : 0 })
        .where(inCouple(scope, "couple_members"))
        .where("user_id", "=", scope.viewerId)
        .execute();
    },

    async setTherapy(status: string): Promise<void> {
      await db
        .updateTable("couples")
        .set({ couples_therapy: status })
        .where(inCouple(scope, "couples"))
        .execute();
    },

    async insertInvite(row: InviteRow): Promise<void> {
      await db
        .insertInto("invites")
        .values({ ...row, couple_id: scope.coupleId, created_by: scope.viewerId })
        .execute();
    },

    async revokeOpenInvites(now: string): Promise<void> {
      await db
        .updateTable("invites")
        .set({ revoked_at: now, invite_box: null })
        .where(inCouple(scope, "invites"))
        .where("used_at", "is", null)
        .where("revoked_at", "is", null)
        .execute();
    },

    async hasOpenInvite(now: string): Promise<boolean> {
      const row = await db
        .selectFrom("invites")
        .select("id")
        .where(inCouple(scope, "invites"))
        .where("used_at", "is", null)
        .where("revoked_at", "is", null)
        .where("expires_at", ">", now)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** The viewer's own grants of the space key: nobody is handed another's. */
    grants() {
      return db
        .selectFrom("space_grants")
        .select(["version", "grant_box"])
        .where(inCouple(scope, "space_grants"))
        .where("user_id", "=", scope.viewerId)
        .orderBy("version")
        .execute();
    },

    /** Who holds a grant of that key version. */
    async grantHolders(version: number): Promise<string[]> {
      const rows = await db
        .selectFrom("space_grants")
        .select("user_id")
        .where(inCouple(scope, "space_grants"))
        .where("version", "=", version)
        .execute();
      return rows.map((row) => row.user_id);
    },

    /**
     * A grant the viewer sealed to their partner (after the partner's reset). The service checks
     * the partner is a member; the row is bound to this couple and names who granted it.
     */
    async insertGrantFor(userId: string, version: number, grant: string, at: string) {
      await db
        .insertInto("space_grants")
        .values({
          couple_id: scope.coupleId,
          user_id: userId,
          version,
          grant_box: grant,
          granted_by: scope.viewerId,
          at,
        })
        .execute();
    },

    /** The viewer's own grant, sealed in their browser to their identity. */
    async insertOwnGrant(version: number, grant: string, at: string): Promise<void> {
      await db
        .insertInto("space_grants")
        .values({
          couple_id: scope.coupleId,
          user_id: scope.viewerId,
          version,
          grant_box: grant,
          granted_by: scope.viewerId,
          at,
        })
        .execute();
    },

    phaseHistory() {
      return db
        .selectFrom("phase_history")
        .selectAll()
        .where(inCouple(scope, "phase_history"))
        .orderBy("at")
        .execute();
    },

    async insertPhaseHistory(row: {
      id: string;
      couple_id: string;
      from_phase: string | null;
      to_phase: string;
      direction: string;
      by_user: string;
      confirmed_by: string | null;
      reason: string | null;
      reason_id: string | null;
      reason_by: string | null;
      at: string;
    }): Promise<void> {
      await db
        .insertInto("phase_history")
        .values({ ...row, couple_id: scope.coupleId })
        .execute();
    },

    /** The latest suggestion that ended without a move (declined or withdrawn). */
    lastUnmovedProposal() {
      return db
        .selectFrom("phase_proposals")
        .selectAll()
        .where(inCouple(scope, "phase_proposals"))
        .where("resolution", "in", ["declined", "withdrawn"])
        .orderBy("resolved_at", "desc")
        .orderBy("created_at", "desc")
        .executeTakeFirst();
    },

    pendingProposal() {
      return db
        .selectFrom("phase_proposals")
        .selectAll()
        .where(inCouple(scope, "phase_proposals"))
        .where("resolved_at", "is", null)
        .executeTakeFirst();
    },

    async insertProposal(row: {
      id: string;
      couple_id: string;
      to_phase: string;
      proposed_by: string;
      reason: string | null;
      reason_id: string | null;
      created_at: string;
    }): Promise<void> {
      await db
        .insertInto("phase_proposals")
        .values({ ...row, couple_id: scope.coupleId, proposed_by: scope.viewerId })
        .execute();
    },

    /** Resolves a proposal only if it is still open; false means another answer came first. */
    async resolveProposal(id: string, resolution: string, now: string): Promise<boolean> {
      const result = await db
        .updateTable("phase_proposals")
        .set({ resolved_at: now, resolution })
        .where("id", "=", id)
        .where(inCouple(scope, "phase_proposals"))
        .where("resolved_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
export type CoupleStore = ReturnType<typeof coupleStore>;
