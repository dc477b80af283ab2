import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { signIn, signUp } from "../../src/client/session.ts";
import { deriveOnce, makePerson, PASSWORD, TEST_KDF } from "../support/factories.ts";
import { type Received, TestSmtp } from "../support/smtp.ts";
import { Client, makeTestApp, type TestApp } from "../support/test-app.ts";

/**
 * Signing up with e-mail on: the address first, answered the same whether or not it has an
 * account, then a link read from a real SMTP server this file starts, which alone makes the account.
 */
const smtp = new TestSmtp();
beforeAll(() => smtp.start());
afterEach(() => {
  smtp.received.length = 0;
});
afterAll(() => smtp.stop());

/** Waits until the SMTP server has received this many messages (the app's sender runs on its own). */
async function receivedCount(count: number): Promise<Received[]> {
  for (let waited = 0; smtp.received.length < count && waited < 10_000; waited += 25) {
    await sleep(25);
  }
  return smtp.received;
}

const withMail = () =>
  makeTestApp({ MEND_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MEND_MAIL_POLL_MS: "100" });

/** Asks for a sign-up link and reads its token (and the whole link) from the letter. */
async function mailedLink(t: TestApp, email: string, next?: string) {
  const asked = await new Client(t.app).post("/api/auth/signup/verify", { email, next });
  expect(asked.status).toBe(202);
  const before = smtp.received.length;
  const message = (await receivedCount(before + 1))[before];
  const link =
    /https?:\/\/\S+\/signup\/\S+/.exec(message?.parts.get("text/plain") ?? "")?.[0] ?? "";
  const token = /\/signup\/([\w-]{43})/.exec(link)?.[1] ?? "";
  return { link, token };
}

function signUpWith(t: TestApp, email: string, token?: string) {
  return signUp(
    new Client(t.app).api,
    { email, name: "Noor", password: PASSWORD, token },
    deriveOnce,
    TEST_KDF,
  );
}

describe("sign-up with e-mail on", () => {
  it("answers the same for a new address and one with an account; each hears which by e-mail", async () => {
    const t = await withMail();
    try {
      const person = await signUpThroughMail(t, "existing.person@example.org");
      smtp.received.length = 0;
      const known = await new Client(t.app).post("/api/auth/signup/verify", {
        email: person.email,
      });
      const unknown = await new Client(t.app).post("/api/auth/signup/verify", {
        email: "someone.new@example.org",
      });
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(known.status);
      expect(unknown.raw).toBe(known.raw);
      expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(known.headers).sort());

      await receivedCount(2);
      await sleep(300);
      expect(smtp.received).toHaveLength(2);
      const byAddress = new Map(smtp.received.map((m) => [m.to[0], m]));
      const existing = byAddress.get(person.email);
      const fresh = byAddress.get("someone.new@example.org");
      // One subject for both, so an inbox glanced at says nothing either.
      expect(existing?.headers.get("subject")).toBe(fresh?.headers.get("subject"));
      expect(existing?.parts.get("text/plain")).toContain("You already have an account here");
      expect(existing?.parts.get("text/plain")).toContain(`${t.config.publicUrl}/signin`);
      expect(existing?.parts.get("text/plain")).toContain(`${t.config.publicUrl}/forgot`);
      expect(existing?.parts.get("text/plain")).not.toMatch(/\/signup\//);
      expect(fresh?.parts.get("text/plain")).toMatch(
        new RegExp(`${t.config.publicUrl}/signup/[\\w-]{43}`),
      );
    } finally {
      await t.close();
    }
  }, 60_000);

  it("makes the account only through a link for that address, once, within a day", async () => {
    const t = await withMail();
    try {
      const email = "noor@example.org";
      // Without a link, or with a made-up one, nothing is made, and nothing says "taken".
      await expect(signUpWith(t, email)).rejects.toMatchObject({ status: 404 });
      await expect(signUpWith(t, email, "x".repeat(43))).rejects.toMatchObject({ status: 404 });

      const { token } = await mailedLink(t, email);
      const opened = await new Client(t.app).post("/api/auth/signup/link", { token });
      expect(opened.json()).toEqual({ email });
      await expect(signUpWith(t, "someone.else@example.org", token)).rejects.toMatchObject({
        status: 404,
      });
      const made = await signUpWith(t, email, token);
      expect(made.user.email).toBe(email);
      await expect(signUpWith(t, email, token)).rejects.toMatchObject({ status: 404 });
      expect((await new Client(t.app).post("/api/auth/signup/link", { token })).status).toBe(404);

      const signedIn = await signIn(
        new Client(t.app).api,
        { email, password: PASSWORD },
        deriveOnce,
      );
      expect(signedIn.user.id).toBe(made.user.id);

      const late = await mailedLink(t, "late@example.org");
      t.clock.advance(24 * 60 * 60_000);
      await expect(signUpWith(t, "late@example.org", late.token)).rejects.toMatchObject({
        status: 404,
      });
      const inTime = await mailedLink(t, "late@example.org");
      t.clock.advance(24 * 60 * 60_000 - 1);
      await expect(signUpWith(t, "late@example.org", inTime.token)).resolves.toMatchObject({
        user: { email: "late@example.org" },
      });
    } finally {
      await t.close();
    }
  }, 60_000);

  it("keeps an invite's next in the link, and only a path on this site", async () => {
    const t = await withMail();
    try {
      const { link } = await mailedLink(t, "invited@example.org", "/join/abc_DEF-123");
      expect(new URL(link).searchParams.get("next")).toBe("/join/abc_DEF-123");
      for (const next of ["//elsewhere.example", "https://elsewhere.example/", "/\\elsewhere"]) {
        const refused = await new Client(t.app).post("/api/auth/signup/verify", {
          email: "invited@example.org",
          next,
        });
        expect(refused.status).toBe(400);
      }
    } finally {
      await t.close();
    }
  }, 60_000);

  it("limits links per address asked about, whether or not it has an account", async () => {
    const t = await withMail();
    try {
      const person = await signUpThroughMail(t, "limited@example.org");
      // The link that made the account counted too; its hour is over.
      t.clock.advance(60 * 60_000);
      for (const email of [person.email, "not.yet@example.org"]) {
        const statuses: number[] = [];
        for (let n = 0; n < 4; n++) {
          const client = new Client(t.app, {}, `203.0.113.${n + 1}`);
          statuses.push((await client.post("/api/auth/signup/verify", { email })).status);
        }
        expect(statuses).toEqual([202, 202, 202, 429]);
      }
    } finally {
      await t.close();
    }
  }, 60_000);
});

describe("sign-up with e-mail off", () => {
  it("stands as before: no link is asked for, and a taken address says so", async () => {
    const t = await makeTestApp();
    try {
      const refused = await new Client(t.app).post("/api/auth/signup/verify", {
        email: "someone@example.org",
      });
      expect(refused.status).toBe(404);
      const person = await makePerson(t.app, "Ari");
      await expect(signUpWith(t, person.email)).rejects.toMatchObject({
        status: 409,
        code: "email_taken",
      });
    } finally {
      await t.close();
    }
  });
});

/** An account made the only way e-mail-on allows, for tests that need one already there. */
async function signUpThroughMail(t: TestApp, email: string) {
  const { token } = await mailedLink(t, email);
  const { user } = await signUpWith(t, email, token);
  return user;
}
