import type { Insertable } from "kysely";
import type { Db } from "../../platform/db.ts";
import type {
  CoupleMembersTable,
  CoupleRow,
  CouplesTable,
  InviteRow,
} from "../../platform/db-schema.ts";

export function coupleStore(db: Db) {
  return {
    findCouple(id: string): Promise<CoupleRow | undefined> {
      return db.selectFrom("couples").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async insertCouple(row: Insertable<CouplesTable>): Promise<void> {
      await db.insertInto("couples").values(row).execute();
    },

    async setPhase(id: string, phase: string, since: string): Promise<void> {
      await db
        .updateTable("couples")
        .set({ phase, phase_since: since })
        .where("id", "=", id)
        .execute();
    },

    members(coupleId: string) {
      return db
        .selectFrom("couple_members")
        .innerJoin("users", "users.id", "couple_members.user_id")
        .select([
          "couple_members.user_id",
          "couple_members.stance",
          "couple_members.safe_enough",
          "couple_members.individual_mode",
          "couple_members.joined_at",
          "users.name",
        ])
        .where("couple_members.couple_id", "=", coupleId)
        .orderBy("couple_members.joined_at")
        .execute();
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

    async setSafeEnough(coupleId: string, userId: string, value: boolean): Promise<void> {
      await db
        .updateTable("couple_members")
        .set({ safe_enough: value ? 1 : 0 })
        .where("couple_id", "=", coupleId)
        .where("user_id", "=", userId)
        .execute();
    },

    async setIndividualMode(coupleId: string, userId: string, on: boolean): Promise<void> {
      await db
        .updateTable("couple_members")
        .set({ individual_mode: on ? 1 : 0 })
        .where("couple_id", "=", coupleId)
        .where("user_id", "=", userId)
        .execute();
    },

    async setTherapy(coupleId: string, status: string): Promise<void> {
      await db
        .updateTable("couples")
        .set({ couples_therapy: status })
        .where("id", "=", coupleId)
        .execute();
    },

    async insertInvite(row: InviteRow): Promise<void> {
      await db.insertInto("invites").values(row).execute();
    },

    findInviteByTokenHash(tokenHash: string): Promise<InviteRow | undefined> {
      return db
        .selectFrom("invites")
        .selectAll()
        .where("token_hash", "=", tokenHash)
        .executeTakeFirst();
    },

    async revokeOpenInvites(coupleId: string, now: string): Promise<void> {
      await db
        .updateTable("invites")
        .set({ revoked_at: now })
        .where("couple_id", "=", coupleId)
        .where("used_at", "is", null)
        .where("revoked_at", "is", null)
        .execute();
    },

    /** Marks an invite used only if it is still live and nobody did first. */
    async claimInvite(id: string, userId: string, now: string): Promise<boolean> {
      const result = await db
        .updateTable("invites")
        .set({ used_at: now, used_by: userId })
        .where("id", "=", id)
        .where("used_at", "is", null)
        .where("revoked_at", "is", null)
        .where("expires_at", ">", now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async hasOpenInvite(coupleId: string, now: string): Promise<boolean> {
      const row = await db
        .selectFrom("invites")
        .select("id")
        .where("couple_id", "=", coupleId)
        .where("used_at", "is", null)
        .where("revoked_at", "is", null)
        .where("expires_at", ">", now)
        .executeTakeFirst();
      return row !== undefined;
    },

    userName(userId: string) {
      return db.selectFrom("users").select("name").where("id", "=", userId).executeTakeFirst();
    },

    phaseHistory(coupleId: string) {
      return db
        .selectFrom("phase_history")
        .selectAll()
        .where("couple_id", "=", coupleId)
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
      at: string;
    }): Promise<void> {
      await db.insertInto("phase_history").values(row).execute();
    },

    pendingProposal(coupleId: string) {
      return db
        .selectFrom("phase_proposals")
        .selectAll()
        .where("couple_id", "=", coupleId)
        .where("resolved_at", "is", null)
        .executeTakeFirst();
    },

    async insertProposal(row: {
      id: string;
      couple_id: string;
      to_phase: string;
      proposed_by: string;
      reason: string | null;
      created_at: string;
    }): Promise<void> {
      await db.insertInto("phase_proposals").values(row).execute();
    },

    /** Resolves a proposal only if it is still open; false means another answer came first. */
    async resolveProposal(id: string, resolution: string, now: string): Promise<boolean> {
      const result = await db
        .updateTable("phase_proposals")
        .set({ resolved_at: now, resolution })
        .where("id", "=", id)
        .where("resolved_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
export type CoupleStore = ReturnType<typeof coupleStore>;
