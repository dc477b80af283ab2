import type { Generated } from "kysely";
import type { IsoDay } from "../../../domain/dates.ts";
import { inCouple, readableIn, type Scope } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import { calendarStore } from "../calendar/calendar.store.ts";

/** The tables are this feature's alone, so their shapes are declared here. */
type ReminderTables = {
  reminder_settings: {
    user_id: string;
    kinds: Generated<string>;
    quiet_from: string | null;
    quiet_to: string | null;
    quiet_zone: string | null;
    neutral_subjects: Generated<number>;
    updated_at: string;
  };
  reminders_sent: { user_id: string; key: string; sent_at: string };
  reminder_unsubscribes: { token_hash: string; user_id: string; kind: string; created_at: string };
};

/** One person's choice as stored: kinds as a comma-separated list, quiet hours as two clocks. */
export interface StoredSettings {
  kinds: string[];
  quiet: { from: string; to: string; timeZone: string } | null;
  neutralSubjects: boolean;
}

/** Someone who turned at least one kind on, with where to write and which couple they are in. */
export interface Subscriber extends StoredSettings {
  userId: string;
  email: string;
  coupleId: string;
}

function settingsOf(row: {
  kinds: string;
  quiet_from: string | null;
  quiet_to: string | null;
  quiet_zone: string | null;
  neutral_subjects: number | string;
}): StoredSettings {
  return {
    kinds: row.kinds === "" ? [] : row.kinds.split(","),
    quiet:
      row.quiet_from && row.quiet_to && row.quiet_zone
        ? { from: row.quiet_from, to: row.quiet_to, timeZone: row.quiet_zone }
        : null,
    neutralSubjects: Number(row.neutral_subjects) === 1,
  };
}

/** Each person's reminder settings, the ledger of reminders sent, and the stop links. */
export function reminderStore(database: Db) {
  const db = database.withTables<ReminderTables>();
  return {
    async own(userId: string): Promise<StoredSettings | undefined> {
      const row = await db
        .selectFrom("reminder_settings")
        .select(["kinds", "quiet_from", "quiet_to", "quiet_zone", "neutral_subjects"])
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return row && settingsOf(row);
    },

    async save(userId: string, settings: StoredSettings, now: Date): Promise<void> {
      const values = {
        kinds: settings.kinds.join(","),
        quiet_from: settings.quiet?.from ?? null,
        quiet_to: settings.quiet?.to ?? null,
        quiet_zone: settings.quiet?.timeZone ?? null,
        neutral_subjects: settings.neutralSubjects ? 1 : 0,
        updated_at: now.toISOString(),
      };
      await db
        .insertInto("reminder_settings")
        .values({ user_id: userId, ...values })
        .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
        .execute();
    },

    /** Partners in a couple who turned any kind on. */
    async subscribers(): Promise<Subscriber[]> {
      const rows = await db
        .selectFrom("reminder_settings")
        .innerJoin("users", "users.id", "reminder_settings.user_id")
        .innerJoin("couple_members", "couple_members.user_id", "reminder_settings.user_id")
        .select([
          "reminder_settings.user_id",
          "reminder_settings.kinds",
          "reminder_settings.quiet_from",
          "reminder_settings.quiet_to",
          "reminder_settings.quiet_zone",
          "reminder_settings.neutral_subjects",
          "users.email",
          "couple_members.couple_id",
        ])
        .where("reminder_settings.kinds", "<>", "")
        .where("users.role", "=", "partner")
        .orderBy("reminder_settings.user_id")
        .execute();
      return rows.map((row) => ({
        userId: row.user_id,
        email: row.email,
        coupleId: row.couple_id,
        ...settingsOf(row),
      }));
    },

    /**
     * Takes the key of a reminder for its person, in the transaction that writes its letter:
     * false when it was taken already, by an earlier scan or another process.
     */
    async claim(trx: Db, userId: string, key: string, now: Date): Promise<boolean> {
      const result = await trx
        .withTables<ReminderTables>()
        .insertInto("reminders_sent")
        .values({ user_id: userId, key, sent_at: now.toISOString() })
        .onConflict((oc) => oc.columns(["user_id", "key"]).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    async addStopLink(
      trx: Db,
      tokenHash: string,
      userId: string,
      kind: string,
      now: Date,
    ): Promise<void> {
      await trx
        .withTables<ReminderTables>()
        .insertInto("reminder_unsubscribes")
        .values({ token_hash: tokenHash, user_id: userId, kind, created_at: now.toISOString() })
        .execute();
    },

    async stopLink(tokenHash: string): Promise<{ userId: string; kind: string } | undefined> {
      const row = await db
        .selectFrom("reminder_unsubscribes")
        .select(["user_id", "kind"])
        .where("token_hash", "=", tokenHash)
        .executeTakeFirst();
      return row && { userId: row.user_id, kind: row.kind };
    },

    /** Keys and stop links older than `before` go: their occurrences are long past. */
    async forgetBefore(keysBefore: Date, linksBefore: Date): Promise<void> {
      await db
        .deleteFrom("reminders_sent")
        .where("sent_at", "<", keysBefore.toISOString())
        .execute();
      await db
        .deleteFrom("reminder_unsubscribes")
        .where("created_at", "<", linksBefore.toISOString())
        .execute();
    },
  };
}
export type ReminderStore = ReturnType<typeof reminderStore>;

/** What a person's reminders are made from, read through their own scope. */
export function reminderFactsStore(db: Db, scope: Scope) {
  const viewer = scope.viewerId;
  const calendar = calendarStore(db, scope);
  return {
    acceptedTalkTimes: calendar.acceptedTalkTimes,
    checkinWeekday: calendar.checkinWeekday,
    async checkedIn(week: string): Promise<boolean> {
      const row = await db
        .selectFrom("checkins")
        .select("id")
        .where(readableIn(scope, "checkins"))
        .where("author_id", "=", viewer)
        .where("week", "=", week)
        .executeTakeFirst();
      return row !== undefined;
    },
    /** Active promises and accepted agreements the viewer may read that are to be reviewed `on`. */
    async reviewsOn(on: IsoDay): Promise<string[]> {
      const [promises, agreements] = await Promise.all([
        db
          .selectFrom("promises")
          .select("id")
          .where(readableIn(scope, "promises"))
          .where("status", "=", "active")
          .where("review_on", "=", on)
          .execute(),
        db
          .selectFrom("agreements")
          .select("id")
          .where(readableIn(scope, "agreements"))
          .where("status", "=", "accepted")
          .where("review_on", "=", on)
          .execute(),
      ]);
      return [...promises, ...agreements].map((row) => row.id);
    },
    /** The viewer's own active promises, and which of them are marked or excused `on`. */
    async ownPromises(on: IsoDay) {
      const promises = await db
        .selectFrom("promises")
        .select(["id", "cadence", "started_on"])
        .where(readableIn(scope, "promises"))
        .where("author_id", "=", viewer)
        .where("status", "=", "active")
        .execute();
      if (promises.length === 0) return { promises, settled: new Set<string>() };
      const ids = promises.map((p) => p.id);
      const [marks, excusals] = await Promise.all([
        db
          .selectFrom("promise_marks")
          .select("promise_id")
          .where(readableIn(scope, "promise_marks"))
          .where("promise_id", "in", ids)
          .where("on_day", "=", on)
          .execute(),
        db
          .selectFrom("promise_excusals")
          .select("promise_id")
          .where(readableIn(scope, "promise_excusals"))
          .where("promise_id", "in", ids)
          .where("status", "=", "accepted")
          .where("from_day", "<=", on)
          .where("to_day", ">=", on)
          .execute(),
      ]);
      return {
        promises,
        settled: new Set([...marks, ...excusals].map((row) => row.promise_id)),
      };
    },
    /** Everything the partner proposed that waits for the viewer's answer, with when. */
    async waitingProposals(): Promise<Array<{ kind: string; id: string; at: string }>> {
      const [phase, agreements, talkTimes, people, promises, excusals, therapist] =
        await Promise.all([
          db
            .selectFrom("phase_proposals")
            .select(["id", "created_at as at"])
            .where(inCouple(scope, "phase_proposals"))
            .where("resolved_at", "is", null)
            .where("proposed_by", "<>", viewer)
            .execute(),
          db
            .selectFrom("agreements")
            .select(["id", "created_at as at"])
            .where(readableIn(scope, "agreements"))
            .where("status", "=", "proposed")
            .where("proposed_by", "<>", viewer)
            .execute(),
          db
            .selectFrom("talk_times")
            .select(["id", "created_at as at"])
            .where(readableIn(scope, "talk_times"))
            .where("status", "=", "proposed")
            .where("proposed_by", "<>", viewer)
            .execute(),
          db
            .selectFrom("circle_people")
            .select(["id", "created_at as at"])
            .where(readableIn(scope, "circle_people"))
            .where("status", "=", "proposed")
            .where("author_id", "<>", viewer)
            .execute(),
          db
            .selectFrom("promises")
            .select(["id", "created_at as at"])
            .where(readableIn(scope, "promises"))
            .where("status", "=", "proposed")
            .where("author_id", "<>", viewer)
            .execute(),
          db
            .selectFrom("promise_excusals")
            .select(["id", "created_at as at"])
            .where(readableIn(scope, "promise_excusals"))
            .where("status", "=", "proposed")
            .where("author_id", "<>", viewer)
            .execute(),
          db
            .selectFrom("therapist_links")
            .select(["id", "proposed_at as at"])
            .where("couple_id", "=", scope.coupleId)
            .where("status", "=", "proposed")
            .where("proposed_by", "<>", viewer)
            .execute(),
        ]);
      const of = (kind: string, rows: Array<{ id: string; at: string }>) =>
        rows.map((row) => ({ kind, id: row.id, at: row.at }));
      return [
        ...of("phase", phase),
        ...of("agreement", agreements),
        ...of("talk-time", talkTimes),
        ...of("circle", people),
        ...of("promise", promises),
        ...of("excusal", excusals),
        ...of("therapist", therapist),
      ];
    },
  };
}
export type ReminderFactsStore = ReturnType<typeof reminderFactsStore>;
