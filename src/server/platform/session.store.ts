import type { Db } from "./db.ts";

export interface SessionWithActor {
  id: string;
  userId: string;
  role: string;
  coupleId: string | null;
  keyVersion: number | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  secondFactorAt: string | null;
}

export function sessionStore(db: Db) {
  return {
    async create(row: {
      id: string;
      userId: string;
      tokenHash: string;
      device: string;
      now: string;
      expiresAt: string;
      unlockKey: string;
    }): Promise<void> {
      await db
        .insertInto("sessions")
        .values({
          id: row.id,
          user_id: row.userId,
          token_hash: row.tokenHash,
          device: row.device,
          created_at: row.now,
          last_seen_at: row.now,
          expires_at: row.expiresAt,
          unlock_key: row.unlockKey,
        })
        .execute();
    },

    async findByTokenHash(tokenHash: string): Promise<SessionWithActor | undefined> {
      const row = await db
        .selectFrom("sessions")
        .innerJoin("users", "users.id", "sessions.user_id")
        .leftJoin("couple_members", "couple_members.user_id", "sessions.user_id")
        .leftJoin("couples", "couples.id", "couple_members.couple_id")
        .select([
          "sessions.id",
          "sessions.user_id",
          "sessions.created_at",
          "sessions.last_seen_at",
          "sessions.expires_at",
          "sessions.second_factor_at",
          "users.role",
          "couple_members.couple_id",
          "couples.key_version",
        ])
        .where("sessions.token_hash", "=", tokenHash)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        id: row.id,
        userId: row.user_id,
        role: row.role,
        coupleId: row.couple_id ?? null,
        keyVersion: row.key_version ?? null,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
        secondFactorAt: row.second_factor_at,
      };
    },

    async markSecondFactor(id: string, now: string): Promise<void> {
      await db
        .updateTable("sessions")
        .set({ second_factor_at: now })
        .where("id", "=", id)
        .execute();
    },

    async unlockKey(id: string): Promise<string | undefined> {
      const row = await db
        .selectFrom("sessions")
        .select("unlock_key")
        .where("id", "=", id)
        .executeTakeFirst();
      return row?.unlock_key;
    },

    findTimes(id: string) {
      return db
        .selectFrom("sessions")
        .select(["last_seen_at", "expires_at"])
        .where("id", "=", id)
        .executeTakeFirst();
    },

    async touch(id: string, now: string): Promise<void> {
      await db.updateTable("sessions").set({ last_seen_at: now }).where("id", "=", id).execute();
    },

    async delete(id: string): Promise<void> {
      await db.deleteFrom("sessions").where("id", "=", id).execute();
    },

    async deleteOwn(userId: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom("sessions")
        .where("id", "=", id)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Whose browser a device token names, while it has been used within `since`. */
    async deviceOwner(tokenHash: string, since: string): Promise<string | undefined> {
      const row = await db
        .selectFrom("known_devices")
        .select("user_id")
        .where("token_hash", "=", tokenHash)
        .where("last_used_at", ">", since)
        .executeTakeFirst();
      return row?.user_id;
    },

    async touchDevice(tokenHash: string, now: string): Promise<void> {
      await db
        .updateTable("known_devices")
        .set({ last_used_at: now })
        .where("token_hash", "=", tokenHash)
        .execute();
    },

    /** A new known browser; a person keeps their `keep` most recently used ones. */
    async addDevice(userId: string, tokenHash: string, now: string, keep: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto("known_devices")
          .values({ token_hash: tokenHash, user_id: userId, created_at: now, last_used_at: now })
          .execute();
        const stale = await trx
          .selectFrom("known_devices")
          .select("token_hash")
          .where("user_id", "=", userId)
          .orderBy("last_used_at", "desc")
          .offset(keep)
          .limit(1000)
          .execute();
        if (stale.length > 0) {
          await trx
            .deleteFrom("known_devices")
            .where(
              "token_hash",
              "in",
              stale.map((row) => row.token_hash),
            )
            .execute();
        }
      });
    },

    async deleteDevice(tokenHash: string): Promise<void> {
      await db.deleteFrom("known_devices").where("token_hash", "=", tokenHash).execute();
    },

    async deleteAllExcept(userId: string, keepId: string | null): Promise<void> {
      let query = db.deleteFrom("sessions").where("user_id", "=", userId);
      if (keepId) query = query.where("id", "!=", keepId);
      await query.execute();
    },

    async listForUser(userId: string) {
      return db
        .selectFrom("sessions")
        .select(["id", "device", "created_at", "last_seen_at"])
        .where("user_id", "=", userId)
        .orderBy("last_seen_at", "desc")
        .execute();
    },
  };
}
export type SessionStore = ReturnType<typeof sessionStore>;
