import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { accountRoutes } from "../../src/contracts/account.ts";
import { reminderRoutes } from "../../src/contracts/reminders.ts";
import { talkRoutes } from "../../src/contracts/talks.ts";
import { localTimeIn, type TalkTimeShape, windowsBetween } from "../../src/domain/schedule.ts";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import {
  type Couple,
  makeAgreement,
  makeCouple,
  makePerson,
  type Person,
} from "../support/factories.ts";
import { type Received, TestSmtp } from "../support/smtp.ts";
import { Client, makeTestApp, type TestApp } from "../support/test-app.ts";
import { makeTherapist } from "../support/therapists.ts";

/**
 * E-mail reminders as a person receives them: turned on in their settings, written by the
 * server's own scan as the (hand-moved) clock reaches them, received by a real SMTP server.
 *
 * The couple signs up on a server without e-mail (with it, sign-up goes through a mailed link,
 * which signup-verification.test.ts covers); a second server with e-mail on, over the same
 * database and clock, is the one that reminds.
 */
const ZONE = "Europe/Berlin";
const HOUR = 3_600_000;
const smtp = new TestSmtp();
let t: TestApp;
let mailing: FastifyInstance;
let couple: Couple;
/** Each partner's session, on the server with e-mail. */
const on = {} as Record<"a" | "b", Client>;

function mailingServer() {
  const config = loadConfig({
    MEND_AUTH_RATE_LIMIT: "1000",
    MEND_WEB_DIR: "",
    MEND_SMTP_URL: smtp.url,
    MEND_MAIL_POLL_MS: "100",
    MEND_REMINDER_POLL_MS: "100",
  });
  return buildApp({ config, database: t.database, clock: t.clock, logger: false });
}

function sessionOn(app: FastifyInstance, person: Person): Client {
  const client = new Client(app);
  client.cookie = person.client.cookie;
  client.device = person.client.device;
  client.keyring = person.client.keyring;
  return client;
}

beforeAll(async () => {
  await smtp.start();
  t = await makeTestApp();
  couple = await makeCouple(t.app, ["Robin", "Kai"]);
  mailing = await mailingServer();
  await mailing.ready();
  on.a = sessionOn(mailing, couple.a);
  on.b = sessionOn(mailing, couple.b);
});
afterEach(async () => {
  for (const client of [on.a, on.b]) {
    await client.api.call(reminderRoutes.save, {
      body: { kinds: [], quietHours: null, neutralSubjects: false },
    });
  }
  smtp.received.length = 0;
});
afterAll(async () => {
  await mailing.close();
  await t.close();
  await smtp.stop();
});

/** Waits until this many messages came, then a few scans more, to see that no more come. */
async function received(count: number): Promise<Received[]> {
  for (let waited = 0; smtp.received.length < count && waited < 10_000; waited += 25) {
    await sleep(25);
  }
  return settled();
}

/** What came once the scans and the sender have had a few turns. */
async function settled(): Promise<Received[]> {
  await sleep(500);
  return [...smtp.received];
}

function turnOn(couplePart: "a" | "b", body: Partial<Parameters<typeof save>[1]> = {}) {
  return save(couplePart, { kinds: [], quietHours: null, neutralSubjects: false, ...body });
}
async function save(
  couplePart: "a" | "b",
  body: {
    kinds: Array<"talk-soon" | "checkin-day" | "review-due" | "promise-due" | "proposal-waiting">;
    quietHours: { from: string; to: string; timeZone: string } | null;
    neutralSubjects: boolean;
  },
) {
  return on[couplePart].api.call(reminderRoutes.save, { body });
}

function stopToken(message: Received): string {
  const header = message.headers.get("list-unsubscribe") ?? "";
  const token = /\/reminders\/stop\/([A-Za-z0-9_-]+)>/.exec(header)?.[1];
  if (!token) throw new Error(`no stop link in ${header}`);
  return token;
}

describe("a talk time in an hour", () => {
  it("reaches only the partner who turned it on, once, within the hour before", async () => {
    // A talk time three hours from the test's "now", on the couple's clocks, whatever day that is.
    const local = localTimeIn(new Date(t.clock.now().getTime() + 3 * HOUR), ZONE);
    const talk: TalkTimeShape = {
      weekday: local.weekday,
      start: local.clock,
      minutes: 45,
      timeZone: ZONE,
    };
    const { talkTime } = await couple.a.client.api.call(talkRoutes.proposeTalkTime, { body: talk });
    await couple.b.client.api.call(talkRoutes.acceptTalkTime, { params: { id: talkTime.id } });
    const window = windowsBetween(
      talk,
      t.clock.now(),
      new Date(t.clock.now().getTime() + 8 * 24 * HOUR),
    )[0];
    if (!window) throw new Error("no window");
    await turnOn("a", { kinds: ["talk-soon"] });

    t.clock.set(new Date(window.startsAt.getTime() - 61 * 60_000));
    expect(await settled()).toHaveLength(0);

    t.clock.set(new Date(window.startsAt.getTime() - 30 * 60_000));
    const messages = await received(1);
    expect(messages).toHaveLength(1);
    const [message] = messages as [Received];
    expect(message.to).toEqual([couple.a.email]);
    expect(message.headers.get("subject")).toBe("Your talk time is in an hour");
    expect(message.parts.get("text/plain")).toContain(
      `at ${localTimeIn(window.startsAt, ZONE).clock} (${ZONE})`,
    );
    expect(message.headers.get("auto-submitted")).toBe("auto-generated");
    // Neither partner's name: the letter is in Mend's words alone.
    expect(message.raw).not.toMatch(/Robin|Kai/);

    t.clock.set(new Date(window.startsAt.getTime() - 10 * 60_000));
    expect(await settled()).toHaveLength(1);
  });
});

describe("a proposal waiting", () => {
  it("is told once, even with two servers scanning one database", async () => {
    const second = await mailingServer();
    await second.ready();
    try {
      await turnOn("a", { kinds: ["proposal-waiting"] });
      await makeAgreement(couple.b);
      await makeAgreement(couple.b, "We each say when a day was hard, before dinner.");
      expect(await settled()).toHaveLength(0);
      t.clock.advance(HOUR + 60_000);
      const messages = await received(1);
      expect(messages).toHaveLength(1);
      expect(messages[0]?.to).toEqual([couple.a.email]);
      expect(messages[0]?.parts.get("text/plain")).toContain("proposed 2 things");
      // The proposer is not told of their own proposal.
      await turnOn("b", { kinds: ["proposal-waiting"] });
      expect(await settled()).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it("waits for quiet hours to end, and has a neutral subject when asked", async () => {
    const now = t.clock.now();
    const quietHours = {
      from: localTimeIn(new Date(now.getTime() - HOUR), ZONE).clock,
      to: localTimeIn(new Date(now.getTime() + 3 * HOUR), ZONE).clock,
      timeZone: ZONE,
    };
    await turnOn("b", { kinds: ["proposal-waiting"], quietHours, neutralSubjects: true });
    await makeAgreement(couple.a, "We keep Sunday mornings for the two of us.");
    t.clock.advance(2 * HOUR);
    expect(await settled()).toHaveLength(0);
    t.clock.advance(HOUR + 60_000);
    const [message] = await received(1);
    expect(message?.to).toEqual([couple.b.email]);
    expect(message?.headers.get("subject")).toBe("A reminder");
    expect(message?.parts.get("text/plain")).toMatch(/^You asked Mend for this reminder\./);
  });
});

describe("stopping one kind", () => {
  it("works from the letter's link without signing in, and turns off that kind only", async () => {
    await turnOn("a", { kinds: ["proposal-waiting", "checkin-day"], neutralSubjects: true });
    await makeAgreement(couple.b, "We name one good thing each evening.");
    t.clock.advance(HOUR + 60_000);
    const [message] = await received(1);
    if (!message) throw new Error("no reminder came");
    expect(message.parts.get("text/plain")).toContain(`/reminders/stop/${stopToken(message)}`);

    const stranger = new Client(mailing);
    const stopped = await stranger.post("/api/reminders/stop", { token: stopToken(message) });
    expect(stopped.status).toBe(200);
    expect(stopped.json()).toEqual({ kind: "proposal-waiting" });
    const { settings } = await on.a.api.call(reminderRoutes.settings);
    expect(settings).toEqual({ kinds: ["checkin-day"], quietHours: null, neutralSubjects: true });
    // The partner's settings are theirs alone.
    const theirs = await on.b.api.call(reminderRoutes.settings);
    expect(theirs.settings.kinds).toEqual([]);

    expect((await stranger.post("/api/reminders/stop", { token: "x".repeat(43) })).status).toBe(
      404,
    );
  });
});

describe("settings", () => {
  it("are refused with a reason for quiet hours that are not two times of day", async () => {
    const reply = await on.a.request("PUT", "/api/reminders", {
      kinds: ["talk-soon"],
      quietHours: { from: "22:00", to: "22:00", timeZone: ZONE },
      neutralSubjects: false,
    });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body)).toContain("different times");
    const unknown = await on.a.request("PUT", "/api/reminders", {
      kinds: ["every-hour"],
      quietHours: null,
      neutralSubjects: false,
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain("Name a kind of reminder");
  });

  it("belong to a person before they are in a couple too, and nothing is sent them", async () => {
    const lone = sessionOn(mailing, await makePerson(t.app, "Lee"));
    const { settings } = await lone.api.call(reminderRoutes.save, {
      body: {
        kinds: ["checkin-day"],
        quietHours: { from: "22:00", to: "07:00", timeZone: ZONE },
        neutralSubjects: false,
      },
    });
    expect(settings.quietHours).toEqual({ from: "22:00", to: "07:00", timeZone: ZONE });
    t.clock.advance(24 * HOUR);
    expect(await settled()).toHaveLength(0);
  });

  it("are a partner's own: a therapist has none, another couple's partner sees only theirs", async () => {
    await turnOn("a", { kinds: ["talk-soon", "review-due"] });
    const therapist = sessionOn(mailing, await makeTherapist(t));
    expect((await therapist.get("/api/reminders")).status).toBe(404);
    const refused = await therapist.request("PUT", "/api/reminders", {
      kinds: ["talk-soon"],
      quietHours: null,
      neutralSubjects: false,
    });
    expect(refused.status).toBe(404);
    const other = await makeCouple(t.app, ["Sam", "Alex"]);
    const outsider = sessionOn(mailing, other.a);
    expect((await outsider.api.call(reminderRoutes.settings)).settings.kinds).toEqual([]);
    expect((await on.a.api.call(reminderRoutes.settings)).settings.kinds).toEqual([
      "talk-soon",
      "review-due",
    ]);
  });

  it("are kept on an instance without e-mail too, which sends nothing and says so", async () => {
    const { settings } = await couple.a.client.api.call(reminderRoutes.settings);
    expect(settings).toEqual({ kinds: [], quietHours: null, neutralSubjects: false });
    const config = await couple.a.client.api.call(accountRoutes.config);
    expect(config.mail).toBe(false);
  });
});
