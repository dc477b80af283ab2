import type { ReminderSettings } from "../../../contracts/reminders.ts";
import type { Cadence } from "../../../domain/occurrences.ts";
import { dayIn } from "../../../domain/occurrences.ts";
import { isoWeekOf } from "../../../domain/questions.ts";
import {
  type ReminderSettings as Chosen,
  type DueReminder,
  dueReminders,
  isReminderKind,
  REMINDER_KINDS,
  type ReminderFacts,
  type ReminderKind,
} from "../../../domain/reminders.ts";
import { WEEKDAYS } from "../../../domain/schedule.ts";
import { type Actor, type Scope, scopeOf } from "../../platform/access.ts";
import type { Db } from "../../platform/db.ts";
import { AppError } from "../../platform/errors.ts";
import { hashSecret, newSecret } from "../../platform/ids.ts";
import { storedEnum } from "../../platform/stored.ts";
import type { ScopedStores } from "../../platform/stores.ts";
import { agreedTalkTime } from "../calendar/calendar.store.ts";
import type { ServiceDeps } from "../deps.ts";
import type { Mailer } from "../mail/mail.feature.ts";
import { reminderLetter } from "./reminder-letters.ts";
import type {
  ReminderFactsStore,
  ReminderStore,
  StoredSettings,
  Subscriber,
} from "./reminders.store.ts";

const DAY_MS = 86_400_000;
/** Keys outlive every occurrence they name; a proposal still waiting after two weeks is told again. */
const KEYS_KEPT_MS = 14 * DAY_MS;
/** A letter's "stop these" link keeps working for three months. */
const STOP_LINKS_KEPT_MS = 90 * DAY_MS;

const NONE: ReminderSettings = { kinds: [], quietHours: null, neutralSubjects: false };

function shown(stored: StoredSettings | undefined): ReminderSettings {
  if (!stored) return NONE;
  return {
    // In the order the kinds are listed, whatever order they were chosen in.
    kinds: REMINDER_KINDS.filter((kind) => stored.kinds.includes(kind)),
    quietHours: stored.quiet,
    neutralSubjects: stored.neutralSubjects,
  };
}

function chosen(subscriber: Subscriber): Chosen {
  return {
    kinds: new Set(subscriber.kinds.filter(isReminderKind)),
    quiet: subscriber.quiet,
  };
}

/**
 * A scan reads for a reminder as the person it is for, through the one door, as a session of
 * theirs would: only what they may read.
 */
function scanActor(subscriber: Subscriber): Actor {
  return {
    userId: subscriber.userId,
    role: "partner",
    coupleId: subscriber.coupleId,
    keyVersion: null,
    sessionId: "",
    secondFactor: false,
  };
}

/**
 * E-mail reminders: each person's settings, the "stop these" links, and the scan that writes
 * what is due to the outbox. A reminder's key is taken in the transaction that writes its
 * letter, so two scans (or two processes) never send one twice, and a crash sends it later or
 * not at all, never half.
 */
export function reminderService(
  { clock, config }: ServiceDeps,
  db: Db,
  store: ReminderStore,
  facts: ScopedStores<ReminderFactsStore>,
  coupleTimeZone: (scope: Scope) => Promise<string>,
  mailer: Mailer,
) {
  async function factsFor(scope: Scope, kinds: ReadonlySet<ReminderKind>, now: Date) {
    const reads = facts.at(scope);
    const timeZone = await coupleTimeZone(scope);
    const today = dayIn(now, timeZone);
    const wants = (kind: ReminderKind) => kinds.has(kind);
    const [talkTimes, weekday, checkedIn, reviews, own, proposals] = await Promise.all([
      wants("talk-soon") ? reads.acceptedTalkTimes() : [],
      wants("checkin-day") ? reads.checkinWeekday() : null,
      wants("checkin-day") ? reads.checkedIn(isoWeekOf(now, timeZone)) : false,
      wants("review-due") ? reads.reviewsOn(today) : [],
      wants("promise-due") ? reads.ownPromises(today) : { promises: [], settled: new Set() },
      wants("proposal-waiting") ? reads.waitingProposals() : [],
    ]);
    return {
      viewerId: scope.viewerId,
      timeZone,
      talkTimes: talkTimes.map(agreedTalkTime),
      checkinWeekday: weekday === null ? null : storedEnum(WEEKDAYS, weekday),
      checkedInThisWeek: checkedIn,
      reviews: reviews.map((id) => ({ id, on: today })),
      ownPromises: own.promises.flatMap((row) =>
        row.started_on
          ? [
              {
                id: row.id,
                cadence: JSON.parse(row.cadence) as Cadence,
                startedOn: row.started_on,
                settledDays: own.settled.has(row.id) ? new Set([today]) : new Set<string>(),
              },
            ]
          : [],
      ),
      proposals: proposals.map((p) => ({ kind: p.kind, id: p.id, at: new Date(p.at) })),
    } satisfies ReminderFacts;
  }

  /** Writes one letter per kind that has occurrences not sent before; how many letters. */
  async function remind(subscriber: Subscriber, now: Date): Promise<number> {
    const settings = chosen(subscriber);
    const scope = scopeOf(scanActor(subscriber));
    const known = await factsFor(scope, settings.kinds, now);
    const due = dueReminders(known, settings, now);
    const byKind = new Map<ReminderKind, DueReminder[]>();
    for (const reminder of due)
      byKind.set(reminder.kind, [...(byKind.get(reminder.kind) ?? []), reminder]);
    let written = 0;
    for (const [kind, reminders] of byKind) {
      const wrote = await db.transaction().execute(async (trx) => {
        const fresh: DueReminder[] = [];
        for (const reminder of reminders) {
          if (await store.claim(trx, subscriber.userId, reminder.key, now)) fresh.push(reminder);
        }
        if (fresh.length === 0) return false;
        const token = newSecret();
        await store.addStopLink(trx, hashSecret(token), subscriber.userId, kind, now);
        const letter = reminderLetter({
          to: subscriber.email,
          kind,
          count: fresh.length,
          neutral: subscriber.neutralSubjects,
          startsAt: fresh[0]?.startsAt,
          timeZone: known.timeZone,
          instanceName: config.instanceName,
          publicUrl: config.publicUrl,
          stopUrl: `${config.publicUrl}/reminders/stop/${token}`,
        });
        await mailer.send(letter, trx);
        return true;
      });
      if (wrote) written++;
    }
    return written;
  }

  return {
    async settings(userId: string): Promise<ReminderSettings> {
      return shown(await store.own(userId));
    },

    async save(userId: string, settings: ReminderSettings): Promise<ReminderSettings> {
      await store.save(
        userId,
        {
          kinds: [...new Set(settings.kinds)],
          quiet: settings.quietHours,
          neutralSubjects: settings.neutralSubjects,
        },
        clock.now(),
      );
      return shown(await store.own(userId));
    },

    /** Turns off the one kind a letter's link names; an unknown or expired link is not found. */
    async stop(token: string): Promise<ReminderKind> {
      const link = await store.stopLink(hashSecret(token));
      if (!link || !isReminderKind(link.kind)) {
        throw new AppError(
          404,
          "not_found",
          "This link no longer works: a reminder's link lasts three months. Sign in and choose your reminders in your account.",
        );
      }
      const current = shown(await store.own(link.userId));
      await store.save(
        link.userId,
        {
          kinds: current.kinds.filter((kind) => kind !== link.kind),
          quiet: current.quietHours,
          neutralSubjects: current.neutralSubjects,
        },
        clock.now(),
      );
      return link.kind;
    },

    /**
     * One scan over everyone who turned a kind on. One person's trouble (a couple mid-leave, a
     * stored value that no longer parses) is reported and skips that person, not the scan.
     */
    async runOnce(onError: (error: unknown, userId: string) => void): Promise<number> {
      const now = clock.now();
      await store.forgetBefore(
        new Date(now.getTime() - KEYS_KEPT_MS),
        new Date(now.getTime() - STOP_LINKS_KEPT_MS),
      );
      let written = 0;
      for (const subscriber of await store.subscribers()) {
        try {
          written += await remind(subscriber, now);
        } catch (error) {
          onError(error, subscriber.userId);
        }
      }
      if (written > 0) mailer.wake();
      return written;
    },
  };
}
export type ReminderService = ReturnType<typeof reminderService>;
