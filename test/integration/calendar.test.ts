import { createHash, randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarRoutes } from "../../src/contracts/calendar.ts";
import { checkinRoutes } from "../../src/contracts/checkins.ts";
import { promiseRoutes } from "../../src/contracts/promises.ts";
import { talkRoutes } from "../../src/contracts/talks.ts";
import { localTimeIn, type TalkTimeShape, windowsBetween } from "../../src/domain/schedule.ts";
import { buildApp } from "../../src/server/app.ts";
import {
  type Couple,
  makeCouple,
  makePerson,
  newItemId,
  type Person,
} from "../support/factories.ts";
import { Client, makeTestApp, type Reply, type TestApp } from "../support/test-app.ts";

/**
 * The calendar feed, read the way a calendar app reads it: fetched with no session from its
 * secret link, parsed with Mozilla's ical.js, its weekly events expanded through the VTIMEZONE it
 * carries, across the clock changes of a year.
 */
const BERLIN: TalkTimeShape = {
  weekday: "sun",
  start: "19:30",
  minutes: 45,
  timeZone: "Europe/Berlin",
};
const NEW_YORK: TalkTimeShape = {
  weekday: "wed",
  start: "19:30",
  minutes: 60,
  timeZone: "America/New_York",
};
const CANARY = `CANARY${randomBytes(6).toString("hex")}`;
const ENVELOPE = /m1\.(p|s[0-9]+)\./;

let t: TestApp;
let berlin: Couple;
let newYork: Couple;
let lone: Person;

beforeAll(async () => {
  t = await makeTestApp();
  berlin = await makeCouple(t.app, ["Robin", "Kai"]);
  newYork = await makeCouple(t.app, ["Sam", "Alex"]);
  lone = await makePerson(t.app, "Lee");
  await agreeTalkTime(berlin, BERLIN);
  await agreeTalkTime(newYork, NEW_YORK);
  // A talk time still waiting for an answer is not in anyone's calendar.
  await berlin.a.client.api.call(talkRoutes.proposeTalkTime, {
    body: { ...BERLIN, weekday: "tue", start: "08:00" },
  });
});
afterAll(() => t.close());

async function agreeTalkTime(couple: Couple, talkTime: TalkTimeShape) {
  const { talkTime: proposed } = await couple.a.client.api.call(talkRoutes.proposeTalkTime, {
    body: talkTime,
  });
  await couple.b.client.api.call(talkRoutes.acceptTalkTime, { params: { id: proposed.id } });
}

/** Calendar apps fetch from many places; each test uses its own address, clear of the limit. */
let addresses = 0;
function calendarApp(): Client {
  addresses += 1;
  return new Client(t.app, {}, `192.0.2.${addresses}`);
}

async function turnOn(person: Person): Promise<string> {
  const { url } = await person.client.api.call(calendarRoutes.newLink);
  return new URL(url).pathname;
}

async function fetchFeed(path: string): Promise<Reply> {
  return calendarApp().get(path);
}

async function feedOf(
  person: Person,
): Promise<{ path: string; raw: string; calendar: ICAL.Component }> {
  const path = await turnOn(person);
  const reply = await fetchFeed(path);
  expect(reply.status, reply.raw).toBe(200);
  return { path, raw: reply.raw, calendar: new ICAL.Component(ICAL.parse(reply.raw)) };
}

const eventsOf = (calendar: ICAL.Component) =>
  calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));

/**
 * The first year of a weekly event's occurrences as instants, each worked out from its local
 * wall-clock time with the ICAL.Timezone made from the feed's own VTIMEZONE.
 */
function occurrencesOf(calendar: ICAL.Component, event: ICAL.Event): Date[] {
  const tzid = event.component.getFirstProperty("dtstart")?.getParameter("tzid");
  const vtimezone = calendar
    .getAllSubcomponents("vtimezone")
    .find((zone) => zone.getFirstPropertyValue("tzid") === tzid);
  if (!vtimezone) throw new Error(`the feed has no VTIMEZONE for ${String(tzid)}`);
  const zone = new ICAL.Timezone(vtimezone);
  const iterator = event.iterator();
  const instants: Date[] = [];
  for (let next = iterator.next(); next && instants.length < 53; next = iterator.next()) {
    const wall = Date.UTC(next.year, next.month - 1, next.day, next.hour, next.minute);
    instants.push(new Date(wall - zone.utcOffset(next) * 1000));
  }
  return instants;
}

function utcOffsetMinutes(instant: Date, timeZone: string): number {
  const local = localTimeIn(instant, timeZone);
  const wall = Date.parse(`${local.dateLabel}T${local.clock}:00Z`);
  return Math.round((wall - instant.getTime()) / 60_000);
}

describe("calendar feed settings", () => {
  it("turns on with a link answered once and kept only as its hash", async () => {
    const person = await makePerson(t.app, "Once");
    const before = await person.client.api.call(calendarRoutes.settings);
    expect(before.feed).toEqual({ on: false, createdAt: null, neutralTitles: false });

    const made = await person.client.api.call(calendarRoutes.newLink);
    expect(made.url).toMatch(/^http:\/\/localhost:3000\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(made.feed).toEqual({
      on: true,
      createdAt: t.clock.now().toISOString(),
      neutralTitles: false,
    });
    const token = /\/calendar\/([^/]+)\.ics$/.exec(made.url)?.[1] ?? "";

    const settings = await person.client.get(calendarRoutes.settings.path);
    expect(settings.raw).not.toContain(token);
    expect(settings.json()).toEqual({ feed: made.feed });
    const rows = await t.database.db
      .withTables<{ calendar_feeds: { user_id: string; token_hash: string | null } }>()
      .selectFrom("calendar_feeds")
      .select(["user_id", "token_hash"])
      .where("user_id", "=", person.id)
      .execute();
    expect(rows).toEqual([
      { user_id: person.id, token_hash: createHash("sha256").update(token).digest("base64url") },
    ]);
  });

  it("makes a new link that ends the old one at once", async () => {
    const person = await makePerson(t.app, "Renew");
    const old = await turnOn(person);
    expect((await fetchFeed(old)).status).toBe(200);
    const renewed = await turnOn(person);
    expect(renewed).not.toBe(old);
    const gone = await fetchFeed(old);
    expect(gone.status).toBe(404);
    expect(gone.json()).toMatchObject({ error: { code: "not_found" } });
    expect((await fetchFeed(renewed)).status).toBe(200);
  });

  it("turns off: the link stops working and the choice of titles is kept", async () => {
    const person = await makePerson(t.app, "Off");
    await person.client.api.call(calendarRoutes.titles, { body: { neutral: true } });
    const path = await turnOn(person);
    await person.client.api.call(calendarRoutes.turnOff);
    expect((await fetchFeed(path)).status).toBe(404);
    const { feed } = await person.client.api.call(calendarRoutes.settings);
    expect(feed).toEqual({ on: false, createdAt: null, neutralTitles: true });
    const again = await person.client.api.call(calendarRoutes.newLink);
    expect(again.feed.neutralTitles).toBe(true);
  });

  it("answers a link that never was, or is not a link, like an ended one", async () => {
    for (const path of [
      `/calendar/${randomBytes(32).toString("base64url")}.ics`,
      "/calendar/short.ics",
      `/calendar/${randomBytes(32).toString("base64url")}`,
    ]) {
      const reply = await fetchFeed(path);
      expect({ path, status: reply.status }).toEqual({ path, status: 404 });
      expect(reply.json()).toMatchObject({
        error: { code: "not_found", message: expect.any(String) },
      });
    }
  });

  it("refuses an address that fetches too often, before looking at the link", async () => {
    const path = await turnOn(lone);
    const guesser = new Client(t.app, {}, "198.51.100.7");
    for (let i = 0; i < 60; i += 1) {
      const guess = await guesser.get(`/calendar/${randomBytes(32).toString("base64url")}.ics`);
      expect(guess.status).toBe(404);
    }
    const right = await guesser.get(path);
    expect(right.status).toBe(429);
    expect(right.headers["retry-after"]).toBeDefined();
    expect(right.raw).not.toContain("BEGIN:VCALENDAR");
    // Other addresses are not held back by it, and the window passes.
    expect((await fetchFeed(path)).status).toBe(200);
    t.clock.advance(11 * 60_000);
    expect((await guesser.get(path)).status).toBe(200);
  });
});

describe("the feed a calendar app reads", () => {
  it("is served as a private, cacheable calendar, with no session and no cookie", async () => {
    const path = await turnOn(berlin.a);
    const reply = await fetchFeed(path);
    expect(reply.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(reply.headers["cache-control"]).toBe("private, max-age=300");
    expect(reply.headers["set-cookie"]).toBeUndefined();
    const again = await calendarApp().request("GET", path, undefined, {
      "if-none-match": String(reply.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.raw).toBe("");
  });

  it("holds a talk time at 19:30 in Berlin, summer and winter, through its VTIMEZONE", async () => {
    const { calendar } = await feedOf(berlin.a);
    const talks = eventsOf(calendar).filter((e) => e.summary === "Talk time (Mend)");
    expect(talks).toHaveLength(1);
    const [talk] = talks;
    if (!talk) throw new Error("no talk time");
    expect(talk.component.getFirstPropertyValue("rrule")?.toString()).toBe("FREQ=WEEKLY;BYDAY=SU");
    expect(talk.component.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Europe/Berlin");
    expect(talk.duration.toSeconds()).toBe(45 * 60);

    const instants = occurrencesOf(calendar, talk);
    for (const instant of instants) {
      expect(localTimeIn(instant, "Europe/Berlin")).toMatchObject({
        weekday: "sun",
        clock: "19:30",
      });
    }
    // A year of Sundays crosses both clock changes: 18:30 UTC in winter, 17:30 UTC in summer.
    expect(new Set(instants.map((i) => utcOffsetMinutes(i, "Europe/Berlin")))).toEqual(
      new Set([60, 120]),
    );
    const first = instants[0] ?? new Date(Number.NaN);
    const last = instants.at(-1) ?? first;
    const expected = windowsBetween(BERLIN, first, new Date(last.getTime() + 1)).map((w) =>
      w.startsAt.toISOString(),
    );
    expect(instants.map((i) => i.toISOString())).toEqual(expected);
  });

  it("holds a talk time at 19:30 in New York across its own, different, clock changes", async () => {
    const { calendar, raw } = await feedOf(newYork.b);
    const [talk] = eventsOf(calendar);
    if (!talk) throw new Error("no talk time");
    expect(talk.component.getFirstProperty("dtstart")?.getParameter("tzid")).toBe(
      "America/New_York",
    );
    const instants = occurrencesOf(calendar, talk);
    for (const instant of instants) {
      expect(localTimeIn(instant, "America/New_York")).toMatchObject({
        weekday: "wed",
        clock: "19:30",
      });
    }
    expect(new Set(instants.map((i) => utcOffsetMinutes(i, "America/New_York")))).toEqual(
      new Set([-300, -240]),
    );
    expect(raw).toContain("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU");
    expect(raw).not.toContain("Europe/Berlin");
  });

  it("holds the check-in day and each active promise's review, as all-day events", async () => {
    await berlin.b.client.api.call(checkinRoutes.setDay, { body: { weekday: "sun" } });
    const { promise } = await berlin.a.client.api.call(promiseRoutes.create, {
      body: {
        id: newItemId(),
        text: `Text you when I leave work ${CANARY}`,
        noticeHow: `A message before six ${CANARY}`,
        cadence: { kind: "daily" },
        kind: "ordinary",
      },
    });
    const waiting = await berlin.a.client.api.call(promiseRoutes.create, {
      body: {
        id: newItemId(),
        text: "Call when I am late",
        noticeHow: "A call",
        cadence: { kind: "daily" },
        kind: "ordinary",
      },
    });
    const { promise: active } = await berlin.b.client.api.call(promiseRoutes.accept, {
      params: { id: promise.id },
    });

    const { calendar } = await feedOf(berlin.b);
    const events = eventsOf(calendar);
    const checkin = events.find((e) => e.summary === "Weekly check-in (Mend)");
    expect(checkin?.startDate.isDate).toBe(true);
    expect(checkin?.component.getFirstPropertyValue("rrule")?.toString()).toBe(
      "FREQ=WEEKLY;BYDAY=SU",
    );
    const start = checkin?.startDate;
    expect(start && new Date(Date.UTC(start.year, start.month - 1, start.day)).getUTCDay()).toBe(0);

    const reviews = events.filter((e) => e.summary === "Promise review (Mend)");
    expect(reviews).toHaveLength(1);
    expect(reviews[0]?.startDate.isDate).toBe(true);
    expect(reviews[0]?.startDate.toString()).toBe(active.reviewOn);
    expect(reviews[0]?.isRecurring()).toBe(false);
    expect(waiting.promise.status).toBe("proposed");
  });

  it("keeps each event's UID from fetch to fetch and link to link, and apart from the partner's", async () => {
    const uids = (calendar: ICAL.Component) =>
      eventsOf(calendar)
        .map((e) => e.uid)
        .sort();
    const first = uids((await feedOf(berlin.a)).calendar);
    const renewed = uids((await feedOf(berlin.a)).calendar);
    expect(first.length).toBeGreaterThanOrEqual(3);
    expect(new Set(first).size).toBe(first.length);
    expect(renewed).toEqual(first);
    const partner = uids((await feedOf(berlin.b)).calendar);
    expect(partner).toHaveLength(first.length);
    expect(partner.filter((uid) => first.includes(uid))).toEqual([]);
  });

  it('says nothing but "Appointment" with neutral titles: not what it is, not Mend', async () => {
    const person = berlin.b;
    await person.client.api.call(calendarRoutes.titles, { body: { neutral: true } });
    const { raw, calendar } = await feedOf(person);
    const events = eventsOf(calendar);
    expect(events.length).toBeGreaterThanOrEqual(3);
    for (const event of events) {
      expect(event.summary).toBe("Appointment");
      expect(event.description).toBeNull();
    }
    // UIDs are hashes, which could spell anything; every other line is ours to check.
    const lines = raw.split("\r\n").filter((line) => !line.startsWith("UID:"));
    expect(lines.join("\n")).not.toMatch(/mend|talk|check-in|promise/i);
    const { feed } = await person.client.api.call(calendarRoutes.titles, {
      body: { neutral: false },
    });
    expect(feed.neutralTitles).toBe(false);
  });

  it("carries no word either partner wrote, sealed or not, and no ciphertext", async () => {
    await berlin.a.client.api.call(talkRoutes.raiseTopic, {
      body: { id: newItemId(), topic: `The holidays ${CANARY}` },
    });
    for (const person of [berlin.a, berlin.b]) {
      const { raw } = await feedOf(person);
      expect(raw).toContain("BEGIN:VEVENT");
      expect(raw.toLowerCase()).not.toContain(CANARY.toLowerCase());
      expect(raw).not.toMatch(ENVELOPE);
    }
  });

  it("shows each person their own couple only", async () => {
    const { calendar: theirs, raw } = await feedOf(newYork.a);
    const { calendar: ours } = await feedOf(berlin.a);
    const ourUids = eventsOf(ours).map((e) => e.uid);
    expect(eventsOf(theirs).map((e) => e.summary)).toEqual(["Talk time (Mend)"]);
    expect(eventsOf(theirs).some((e) => ourUids.includes(e.uid))).toBe(false);
    expect(raw).not.toContain("Europe/Berlin");
  });

  it("gives someone not in a couple a valid, empty calendar", async () => {
    const { calendar } = await feedOf(lone);
    expect(calendar.name).toBe("vcalendar");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(eventsOf(calendar)).toEqual([]);
  });
});

describe("the feed's link in the logs", () => {
  it("is never written: the route is logged with the link redacted", async () => {
    const lines: string[] = [];
    const logged = await buildApp({
      config: t.config,
      database: t.database,
      clock: t.clock,
      logger: true,
      logStream: new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    });
    try {
      const path = await turnOn(berlin.a);
      const token = /\/calendar\/([^/]+)\.ics$/.exec(path)?.[1] ?? "";
      const reply = await logged.inject({ method: "GET", url: path, remoteAddress: "203.0.113.9" });
      expect(reply.statusCode).toBe(200);
      const log = lines.join("");
      expect(log).toContain("/calendar/[redacted]");
      expect(log).not.toContain(token);
    } finally {
      await logged.close();
    }
  });
});
