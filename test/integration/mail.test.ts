import { setTimeout as sleep } from "node:timers/promises";
import nodemailer from "nodemailer";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetWithLink, signIn, signUp } from "../../src/client/session.ts";
import { accountRoutes } from "../../src/contracts/account.ts";
import {
  KEPT_MS,
  LEASE_MS,
  mailSender,
  messageIdOf,
  retryDelayMs,
} from "../../src/server/features/mail/mail-sender.ts";
import { type Letter, outboxStore } from "../../src/server/features/mail/outbox.store.ts";
import { ManualClock } from "../../src/server/platform/clock.ts";
import { type DatabaseHandle, openDatabase } from "../../src/server/platform/db.ts";
import { deriveOnce, PASSWORD, TEST_KDF } from "../support/factories.ts";
import { type Received, TestSmtp } from "../support/smtp.ts";
import {
  Client,
  makeTestApp,
  openTestDatabase,
  TEST_START,
  type TestApp,
} from "../support/test-app.ts";

const HOST = "mend.example.org";
const smtp = new TestSmtp();
let handle: DatabaseHandle;
let drop: () => Promise<void>;
const opened: Array<{ close(): void }> = [];

function letter(n: number, to = `person${n}@example.org`): Letter {
  return {
    to,
    kind: "test",
    subject: `Message ${n}`,
    text: `Plain words, number ${n}.`,
    html: `<p>Plain words, number ${n}.</p>`,
  };
}

type Failure = { id: string; kind: string; attempts: number; givenUp: boolean };

function senderOn(
  database: DatabaseHandle,
  clock: ManualClock,
  maxAttempts = 8,
  failures: Failure[] = [],
) {
  const transport = nodemailer.createTransport({ url: smtp.url });
  opened.push(transport);
  return mailSender({
    outbox: outboxStore(database.db),
    transport,
    clock,
    from: "Mend <mend@mend.example.org>",
    messageIdHost: HOST,
    maxAttempts,
    onFailure: (failure) => failures.push(failure),
  });
}

interface StoredRow {
  id: string;
  subject: string;
  text: string;
  html: string;
  sent_at: string | null;
  last_error: string | null;
}

function outboxRow(id: string): Promise<StoredRow | undefined> {
  return handle.db
    .withTables<{ outbox: StoredRow }>()
    .selectFrom("outbox")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
}

/** A second connection to the same database, as another server process would hold. */
async function secondHandle(database: DatabaseHandle): Promise<DatabaseHandle> {
  if (database.sqlitePath) return openDatabase(`sqlite:${database.sqlitePath}`);
  const url = process.env.MEND_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  return openDatabase(url, { pgSchema: database.pgSchema ?? "public" });
}

beforeAll(async () => {
  await smtp.start();
  ({ database: handle, drop } = await openTestDatabase());
});
afterEach(() => {
  smtp.received.length = 0;
  smtp.refuseNext = 0;
  smtp.delayMs = 0;
});
afterAll(async () => {
  for (const transport of opened) transport.close();
  await drop();
  await smtp.stop();
});

describe("the outbox and its sender", () => {
  it("delivers a message with a plain and an HTML part and its own Message-ID, once", async () => {
    const clock = new ManualClock(TEST_START);
    const outbox = outboxStore(handle.db);
    const id = await outbox.enqueue(letter(1), clock.now());
    const sender = senderOn(handle, clock);

    expect(await sender.runOnce()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    expect(message?.to).toEqual(["person1@example.org"]);
    expect(message?.headers.get("subject")).toBe("Message 1");
    expect(message?.headers.get("message-id")).toBe(messageIdOf(id, HOST));
    expect(message?.parts.get("text/plain")).toBe("Plain words, number 1.");
    expect(message?.parts.get("text/html")).toBe("<p>Plain words, number 1.</p>");

    clock.advance(24 * 60 * 60_000);
    expect(await sender.runOnce()).toBe(0);
    expect(smtp.received).toHaveLength(1);
    // Sent, its bodies are gone at once (a reset letter's link with them), its row after a week.
    expect(await outboxRow(id)).toMatchObject({ text: "", html: "", subject: "Message 1" });
    clock.advance(KEPT_MS);
    await sender.runOnce();
    expect(await outboxRow(id)).toBeUndefined();
  });

  it("tries again after a refusal, later each time, and then delivers", async () => {
    const clock = new ManualClock(TEST_START);
    await outboxStore(handle.db).enqueue(letter(2), clock.now());
    const sender = senderOn(handle, clock);
    smtp.refuseNext = 2;

    expect(await sender.runOnce()).toBe(0);
    // Not before its turn: the same moment sends nothing and asks nothing of the server.
    expect(await sender.runOnce()).toBe(0);
    expect(smtp.refuseNext).toBe(1);
    clock.advance(retryDelayMs(1) - 1);
    expect(await sender.runOnce()).toBe(0);
    expect(smtp.refuseNext).toBe(1);
    clock.advance(1);
    expect(await sender.runOnce()).toBe(0);
    expect(smtp.refuseNext).toBe(0);
    clock.advance(retryDelayMs(2));
    expect(await sender.runOnce()).toBe(1);
    expect(smtp.received.map((m) => m.headers.get("subject"))).toEqual(["Message 2"]);
  });

  it("waits longer after each failure, up to an hour", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(60 * 60_000);
  });

  it("gives up after the last attempt and leaves the row unsent", async () => {
    const clock = new ManualClock(TEST_START);
    const id = await outboxStore(handle.db).enqueue(letter(3), clock.now());
    const failures: Failure[] = [];
    const sender = senderOn(handle, clock, 2, failures);
    smtp.refuseNext = 5;
    expect(await sender.runOnce()).toBe(0);
    clock.advance(retryDelayMs(1));
    expect(await sender.runOnce()).toBe(0);
    clock.advance(2 * 24 * 60 * 60_000);
    expect(await sender.runOnce()).toBe(0);
    expect(smtp.refuseNext).toBe(3);
    expect(failures).toEqual([
      { id, kind: "test", attempts: 1, givenUp: false },
      { id, kind: "test", attempts: 2, givenUp: true },
    ]);
    expect(await outboxRow(id)).toMatchObject({
      sent_at: null,
      text: "",
      last_error: expect.stringMatching(/Mailbox busy/),
    });
    clock.advance(KEPT_MS);
    await sender.runOnce();
    expect(await outboxRow(id)).toBeUndefined();
  });

  it("loses nothing when a sender dies between claiming a row and sending it", async () => {
    const clock = new ManualClock(TEST_START);
    const outbox = outboxStore(handle.db);
    const id = await outbox.enqueue(letter(4), clock.now());
    const now = clock.now();
    // The process that claimed it ends here: the row stays claimed until its lease runs out.
    expect(await outbox.claim(id, now, new Date(now.getTime() + LEASE_MS), 8)).not.toBeNull();
    const sender = senderOn(handle, clock);

    expect(await sender.runOnce()).toBe(0);
    clock.advance(LEASE_MS - 1);
    expect(await sender.runOnce()).toBe(0);
    expect(smtp.received).toHaveLength(0);
    clock.advance(1);
    expect(await sender.runOnce()).toBe(1);
    expect(smtp.received.map((m) => m.headers.get("message-id"))).toEqual([messageIdOf(id, HOST)]);
  });

  it("lets two senders on one database deliver each row exactly once", async () => {
    const clock = new ManualClock(TEST_START);
    const outbox = outboxStore(handle.db);
    const ids = new Set<string>();
    for (let n = 100; n < 130; n++) ids.add(await outbox.enqueue(letter(n), clock.now()));
    const other = await secondHandle(handle);
    try {
      smtp.delayMs = 3;
      const [a, b] = await Promise.all([
        senderOn(handle, clock).runOnce(),
        senderOn(other, clock).runOnce(),
      ]);
      expect(a + b).toBe(30);
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
    const messageIds = smtp.received.map((m) => m.headers.get("message-id"));
    expect(messageIds).toHaveLength(30);
    expect(new Set(messageIds)).toEqual(new Set([...ids].map((id) => messageIdOf(id, HOST))));
  });
});

/** Waits until the SMTP server has received this many messages (the app's sender runs on its own). */
async function receivedCount(count: number): Promise<Received[]> {
  for (let waited = 0; smtp.received.length < count && waited < 10_000; waited += 25) {
    await sleep(25);
  }
  return smtp.received;
}

/** With e-mail on, an account is made only through the link mailed to its address. */
async function makePersonByMail(t: TestApp, name: string) {
  const email = `${name.toLowerCase()}@example.org`;
  await new Client(t.app).post("/api/auth/signup/verify", { email });
  const [message] = await receivedCount(1);
  const token = /\/signup\/([\w-]{43})/.exec(message?.parts.get("text/plain") ?? "")?.[1] ?? "";
  const { user } = await signUp(
    new Client(t.app).api,
    { email, name, password: PASSWORD, token },
    deriveOnce,
    TEST_KDF,
  );
  smtp.received.length = 0;
  return { id: user.id, email, name };
}

describe("forgot password by e-mail", () => {
  it("answers the same for an address with an account and one without; only the first gets a link", async () => {
    const t = await makeTestApp({ MEND_SMTP_URL: smtp.url, MEND_MAIL_POLL_MS: "100" });
    try {
      const person = await makePersonByMail(t, "Robin");
      const known = await new Client(t.app).post("/api/auth/forgot", { email: person.email });
      const unknown = await new Client(t.app).post("/api/auth/forgot", {
        email: "nobody.here@example.org",
      });
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(known.status);
      expect(unknown.raw).toBe(known.raw);
      expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(known.headers).sort());

      const [message] = await receivedCount(1);
      await sleep(300);
      expect(smtp.received).toHaveLength(1);
      expect(message?.to).toEqual([person.email]);
      expect(message?.headers.get("subject")).toBe("Your sign-in link");
      const text = message?.parts.get("text/plain") ?? "";
      const html = message?.parts.get("text/html") ?? "";
      for (const part of [text, html]) {
        expect(part).toContain("recovery code");
        expect(part).toMatch(/partner.s browser can let you into the shared space again/);
        expect(part).not.toContain(person.name);
      }
      const token = /\/reset\/([\w-]{43})/.exec(text)?.[1] ?? "";
      expect(html).toContain(`${t.config.publicUrl}/reset/${token}`);

      // The link is the operator's reset link: it restores sign-in, once.
      const device = new Client(t.app);
      const newPassword = "a password chosen after the e-mail";
      await resetWithLink(device.api, { token, newPassword }, deriveOnce);
      await expect(
        signIn(new Client(t.app).api, { email: person.email, password: newPassword }, deriveOnce),
      ).resolves.toMatchObject({ user: { id: person.id } });
      await expect(
        resetWithLink(new Client(t.app).api, { token, newPassword }, deriveOnce),
      ).rejects.toMatchObject({ status: 404 });
    } finally {
      await t.close();
    }
  }, 60_000);

  it("limits requests per address asked about, the same way whether or not it has an account", async () => {
    const t = await makeTestApp({ MEND_SMTP_URL: smtp.url, MEND_MAIL_POLL_MS: "100" });
    try {
      const person = await makePersonByMail(t, "Kai");
      for (const email of [person.email, "nobody.else@example.org"]) {
        const statuses: number[] = [];
        for (let n = 0; n < 4; n++) {
          // From a new network address each time: the per-account limit holds across them.
          const client = new Client(t.app, {}, `203.0.113.${n + 1}`);
          statuses.push((await client.post("/api/auth/forgot", { email })).status);
        }
        expect(statuses).toEqual([202, 202, 202, 429]);
      }
      await receivedCount(3);
      await sleep(300);
      expect(smtp.received.map((m) => m.to[0])).toEqual([person.email, person.email, person.email]);
      t.clock.advance(60 * 60_000);
      expect(
        (await new Client(t.app).post("/api/auth/forgot", { email: person.email })).status,
      ).toBe(202);
    } finally {
      await t.close();
    }
  }, 60_000);

  it("says the instance sends e-mail only when it does, and refuses the request when it does not", async () => {
    const on = await makeTestApp({ MEND_SMTP_URL: smtp.url });
    const off = await makeTestApp();
    try {
      expect(await new Client(on.app).api.call(accountRoutes.config)).toMatchObject({ mail: true });
      expect(await new Client(off.app).api.call(accountRoutes.config)).toMatchObject({
        mail: false,
      });
      const refused = await new Client(off.app).post("/api/auth/forgot", {
        email: "someone@example.org",
      });
      expect(refused.status).toBe(404);
      expect(refused.json()).toMatchObject({ error: { code: "not_found" } });
    } finally {
      await on.close();
      await off.close();
    }
  });
});
