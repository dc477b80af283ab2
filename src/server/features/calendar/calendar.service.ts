import { createHash } from "node:crypto";
import type { CalendarFeed } from "../../../contracts/calendar.ts";
import {
  type CalendarEvent,
  type CalendarFacts,
  calendarEvents,
} from "../../../domain/calendar-events.ts";
import { WEEKDAYS } from "../../../domain/schedule.ts";
import { type Actor, type Scope, scopeOf } from "../../platform/access.ts";
import { errors } from "../../platform/errors.ts";
import { hashSecret, newSecret } from "../../platform/ids.ts";
import { storedEnum } from "../../platform/stored.ts";
import type { ScopedStores } from "../../platform/stores.ts";
import type { ServiceDeps } from "../deps.ts";
import { icsOf } from "./calendar.ics.ts";
import {
  agreedTalkTime,
  type CalendarFeedStore,
  type CalendarStore,
  type FeedHolder,
} from "./calendar.store.ts";

/**
 * Calendar apps fetch a feed every few minutes at most; guessing at links is many fetches from
 * one address. Every fetch counts, before any link is looked up, so an address past the limit
 * learns nothing more, not even whether a guess was right.
 */
const FETCHES_PER_WINDOW = 60;
const FETCH_WINDOW_MS = 10 * 60_000;
/** A link is 32 random bytes in base64url, and the feed's file is named after it. */
const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

/**
 * Each person's calendar feed. The link is a secret made here, answered once and kept only as
 * its hash; the feed is built on each fetch from what the person may see of their couple.
 */
export function calendarService(
  { clock, config, limits }: ServiceDeps,
  feeds: CalendarFeedStore,
  stores: ScopedStores<CalendarStore>,
  coupleTimeZone: (scope: Scope) => Promise<string>,
) {
  async function settings(userId: string): Promise<CalendarFeed> {
    const row = await feeds.own(userId);
    return {
      on: Boolean(row?.tokenHash),
      createdAt: row?.tokenHash ? row.createdAt : null,
      neutralTitles: row?.neutral ?? false,
    };
  }

  async function factsOf(holder: FeedHolder): Promise<CalendarFacts | null> {
    if (holder.coupleId === null) return null;
    const scope = scopeOf(feedActor(holder, holder.coupleId));
    const store = stores.at(scope);
    const [talkTimes, weekday, reviews, timeZone] = await Promise.all([
      store.acceptedTalkTimes(),
      store.checkinWeekday(),
      store.reviews(),
      coupleTimeZone(scope),
    ]);
    return {
      talkTimes: talkTimes.map((row) => ({
        ...agreedTalkTime(row),
        acceptedAt: new Date(row.accepted_at ?? holder.createdAt),
      })),
      checkinWeekday: weekday === null ? null : storedEnum(WEEKDAYS, weekday),
      reviews: reviews.flatMap((row) =>
        row.review_on ? [{ promiseId: row.id, on: row.review_on }] : [],
      ),
      timeZone,
      since: new Date(holder.createdAt),
    };
  }

  return {
    settings,

    async newLink(userId: string): Promise<{ feed: CalendarFeed; url: string }> {
      const token = newSecret();
      await feeds.setLink(userId, hashSecret(token), clock.now().toISOString());
      return { feed: await settings(userId), url: `${config.publicUrl}/calendar/${token}.ics` };
    },

    async turnOff(userId: string): Promise<void> {
      await feeds.clearLink(userId);
    },

    async setTitles(userId: string, neutral: boolean): Promise<CalendarFeed> {
      await feeds.setNeutral(userId, neutral);
      return settings(userId);
    },

    /** The feed behind a link, as iCalendar text; an unknown or ended link is not found. */
    async feed(file: string, address: string): Promise<string> {
      const now = clock.now();
      await limits.hit(`calendar-feed:${address}`, FETCHES_PER_WINDOW, FETCH_WINDOW_MS, now);
      const token = FEED_FILE.exec(file)?.[1];
      const holder = token ? await feeds.holderOf(hashSecret(token)) : undefined;
      if (holder?.role !== "partner") throw errors.notFound("That calendar");
      const facts = await factsOf(holder);
      return icsOf(facts ? calendarEvents(facts) : [], {
        neutral: holder.neutral,
        name: config.instanceName,
        appUrl: config.publicUrl,
        stamp: new Date(holder.createdAt),
        now,
        uidOf: (event) => uidOf(holder.userId, event),
      });
    },
  };
}
export type CalendarService = ReturnType<typeof calendarService>;

/**
 * The feed's link stands in for a session: it opens its holder's own couple through the one
 * door, as that partner, and nothing else.
 */
function feedActor(holder: FeedHolder, coupleId: string): Actor {
  return {
    userId: holder.userId,
    role: "partner",
    coupleId,
    keyVersion: null,
    sessionId: "",
    secondFactor: false,
  };
}

/**
 * Stable across fetches and new links, so calendar apps update events rather than add them
 * twice; one person's differ from their partner's, and none names an item or the server.
 */
function uidOf(userId: string, event: CalendarEvent): string {
  return createHash("sha256")
    .update(`${userId}\n${event.kind}\n${event.id}`)
    .digest("base64url")
    .slice(0, 32);
}
