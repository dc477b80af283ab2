import type { Generated } from "kysely";
import { type TalkTimeShape, WEEKDAYS } from "../../../domain/schedule.ts";
import { inCouple, readableIn, type Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import { storedEnum } from "../../platform/stored.ts";

/** One person's feed: the hash of its link while it is on, and the choice of titles. */
interface CalendarFeedsTable {
  user_id: string;
  token_hash: string | null;
  created_at: string | null;
  neutral_titles: Generated<number>;
}

export interface FeedRow {
  userId: string;
  tokenHash: string | null;
  createdAt: string | null;
  neutral: boolean;
}

/** Whose feed a link opens, with what that person is and which couple they are in. */
export interface FeedHolder {
  userId: string;
  role: string;
  coupleId: string | null;
  neutral: boolean;
  createdAt: string;
}

/** The feeds themselves: a person's own row, and the lookup of a link by its hash. */
export function calendarFeedStore(database: Db) {
  // The table is this feature's alone, so its shape is declared here.
  const db = database.withTables<{ calendar_feeds: CalendarFeedsTable }>();
  const feeds = () =>
    db
      .selectFrom("calendar_feeds")
      .select(["user_id", "token_hash", "created_at", "neutral_titles"]);
  return {
    async own(userId: string): Promise<FeedRow | undefined> {
      const row = await feeds().where("user_id", "=", userId).executeTakeFirst();
      return (
        row && {
          userId: row.user_id,
          tokenHash: row.token_hash,
          createdAt: row.created_at,
          neutral: Number(row.neutral_titles) === 1,
        }
      );
    },

    /** The new link replaces any earlier one in the same write: the old one never works again. */
    async setLink(userId: string, tokenHash: string, createdAt: string): Promise<void> {
      await db
        .insertInto("calendar_feeds")
        .values({ user_id: userId, token_hash: tokenHash, created_at: createdAt })
        .onConflict((oc) =>
          oc.column("user_id").doUpdateSet({ token_hash: tokenHash, created_at: createdAt }),
        )
        .execute();
    },

    async clearLink(userId: string): Promise<void> {
      await db
        .updateTable("calendar_feeds")
        .set({ token_hash: null, created_at: null })
        .where("user_id", "=", userId)
        .execute();
    },

    async setNeutral(userId: string, neutral: boolean): Promise<void> {
      const value = neutral ? 1 : 0;
      await db
        .insertInto("calendar_feeds")
        .values({ user_id: userId, neutral_titles: value })
        .onConflict((oc) => oc.column("user_id").doUpdateSet({ neutral_titles: value }))
        .execute();
    },

    async holderOf(tokenHash: string): Promise<FeedHolder | undefined> {
      const row = await db
        .selectFrom("calendar_feeds")
        .innerJoin("users", "users.id", "calendar_feeds.user_id")
        .leftJoin("couple_members", "couple_members.user_id", "calendar_feeds.user_id")
        .select([
          "calendar_feeds.user_id",
          "calendar_feeds.created_at",
          "calendar_feeds.neutral_titles",
          "users.role",
          "couple_members.couple_id",
        ])
        .where("calendar_feeds.token_hash", "=", tokenHash)
        .executeTakeFirst();
      if (!row?.created_at) return undefined;
      return {
        userId: row.user_id,
        role: row.role,
        coupleId: row.couple_id ?? null,
        neutral: Number(row.neutral_titles) === 1,
        createdAt: row.created_at,
      };
    },
  };
}
export type CalendarFeedStore = ReturnType<typeof calendarFeedStore>;

/** An agreed talk time as the schedule reads it, from a row of `acceptedTalkTimes`. */
export function agreedTalkTime(row: {
  id: string;
  weekday: string;
  start: string;
  minutes: number;
  time_zone: string;
}): TalkTimeShape & { id: string } {
  return {
    id: row.id,
    weekday: storedEnum(WEEKDAYS, row.weekday),
    start: row.start,
    minutes: Number(row.minutes),
    timeZone: row.time_zone,
  };
}

/**
 * What a feed shows of the couple, read through the holder's own scope; reminders read the same
 * talk times and check-in day.
 */
export function calendarStore(db: Db, scope: Scope) {
  return {
    acceptedTalkTimes() {
      return db
        .selectFrom("talk_times")
        .select(["id", "weekday", "start", "minutes", "time_zone", "accepted_at"])
        .where(readableIn(scope, "talk_times"))
        .where("status", "=", "accepted")
        .orderBy("created_at")
        .orderBy("id")
        .execute();
    },
    async checkinWeekday(): Promise<string | null> {
      const row = await db
        .selectFrom("couples")
        .select("checkin_weekday")
        .where(inCouple(scope, "couples"))
        .executeTakeFirst();
      return row?.checkin_weekday ?? null;
    },
    /** Active promises the holder may read, with the day each is to be reviewed. */
    reviews() {
      return db
        .selectFrom("promises")
        .select(["id", "review_on"])
        .where(readableIn(scope, "promises"))
        .where("status", "=", "active")
        .where("review_on", "is not", null)
        .execute();
    },
  };
}
export type CalendarStore = ReturnType<typeof calendarStore>;
