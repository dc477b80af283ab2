import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isApiError } from "../../src/client/api.ts";
import { recoveryProof } from "../../src/client/crypto/account-keys.ts";
import { formatRecoveryCode, parseRecoveryCode } from "../../src/client/crypto/recovery-code.ts";
import { authKeyFor, signIn } from "../../src/client/session.ts";
import { accountRoutes } from "../../src/contracts/account.ts";
import { deriveOnce, makePerson, PASSWORD, type Person } from "../support/factories.ts";
import { Client, makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ MEND_AUTH_RATE_LIMIT: "3" });
});
afterAll(() => t.close());

const GUESS = "guessing wrongly";

/** The status a sign-in answered: 200, or the failure's. */
async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call;
    return 200;
  } catch (error) {
    if (isApiError(error)) return error.status;
    throw error;
  }
}

const signInFrom = (address: string, person: Person, password: string) =>
  signIn(new Client(t.app, {}, address).api, { email: person.email, password }, deriveOnce);

describe("rate limits", () => {
  it("limits sign-in attempts per account, and a spoofed X-Forwarded-For does not help", async () => {
    const person = await makePerson(t.app, "Target");
    const authKey = await authKeyFor(new Client(t.app).api, person.email, GUESS, deriveOnce);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      // Raw, to send the forged header.
      const res = await new Client(t.app).request(
        "POST",
        "/api/auth/login",
        { email: person.email, authKey },
        { "x-forwarded-for": `203.0.113.${i}` },
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const locked = signInFrom("127.0.0.1", person, PASSWORD);
    await expect(locked).rejects.toMatchObject({ status: 429, code: "rate_limited" });
    t.clock.advance(11 * 60_000);
    const later = await signInFrom("127.0.0.1", person, PASSWORD);
    expect(later.user.id).toBe(person.id);
  });

  it("does not let guessing from one address lock the owner out from another", async () => {
    t.clock.advance(11 * 60_000);
    const person = await makePerson(t.app, "Owner");
    const guesses: number[] = [];
    for (let i = 0; i < 4; i++) {
      guesses.push(await statusOf(signInFrom("198.51.100.7", person, GUESS)));
    }
    expect(guesses).toEqual([401, 401, 401, 429]);
    expect(await statusOf(signInFrom("198.51.100.7", person, PASSWORD))).toBe(429);
    expect(await statusOf(signInFrom("203.0.113.50", person, PASSWORD))).toBe(200);
  });

  it("limits sign-ins per address across accounts", async () => {
    t.clock.advance(11 * 60_000);
    const { api } = new Client(t.app);
    // Any authKey is a wrong one for an e-mail that has no account.
    const authKey = await authKeyFor(api, "someone@example.org", GUESS, deriveOnce);
    const statuses: number[] = [];
    for (let i = 0; i < 16; i++) {
      const login = api.call(accountRoutes.login, {
        body: { email: `someone${i}@example.org`, authKey },
      });
      statuses.push(await statusOf(login));
    }
    expect(statuses.slice(0, 15).every((s) => s === 401)).toBe(true);
    expect(statuses[15]).toBe(429);
  });

  it("limits recovery-code guesses per account like sign-ins", async () => {
    t.clock.advance(11 * 60_000);
    const person = await makePerson(t.app, "Recovering");
    const { api } = new Client(t.app);
    const prove = async (code: string) => {
      const bytes = parseRecoveryCode(code);
      if (!bytes) throw new Error(`Not a recovery code: ${code}`);
      const { recoveryAuthKey } = await recoveryProof(bytes);
      return statusOf(
        api.call(accountRoutes.recoveryKeys, { body: { email: person.email, recoveryAuthKey } }),
      );
    };
    const guesses: number[] = [];
    for (let i = 0; i < 4; i++) guesses.push(await prove(formatRecoveryCode(randomBytes(20))));
    expect(guesses).toEqual([401, 401, 401, 429]);
    expect(await prove(person.recoveryCode)).toBe(429);
    t.clock.advance(11 * 60_000);
    expect(await prove(person.recoveryCode)).toBe(200);
  });

  it("slows guessing at an account from many addresses, and never locks its owner out", async () => {
    t.clock.advance(11 * 60_000);
    const person = await makePerson(t.app, "Hunted");
    // Three guesses an address, and thirty from everywhere before each guess waits longer.
    const statuses: number[] = [];
    for (let address = 0; address < 11; address++) {
      for (let i = 0; i < 4; i++) {
        statuses.push(await statusOf(signInFrom(`192.0.2.${address}`, person, GUESS)));
      }
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(33);
    expect(statuses.filter((s) => s === 429)).toHaveLength(11);
    // The owner's signed-in browser goes on as before, and a fresh address still lets them in.
    const me = await person.client.request("GET", "/api/me");
    expect(me.status).toBe(200);
    expect(await statusOf(signInFrom("198.51.100.200", person, PASSWORD))).toBe(200);
  });

  it("keeps an allowance for a browser its owner signed in on, which nobody else uses up", async () => {
    t.clock.advance(11 * 60_000);
    const person = await makePerson(t.app, "Home");
    expect(person.client.device).toMatch(/mend_device=/);
    const home = "203.0.113.77";
    const guesses: number[] = [];
    for (let i = 0; i < 4; i++) guesses.push(await statusOf(signInFrom(home, person, GUESS)));
    expect(guesses).toEqual([401, 401, 401, 429]);
    // The owner's own browser at the same address, its session long over, still gets in.
    const ownBrowser = new Client(t.app, {}, home);
    ownBrowser.device = person.client.device;
    const back = await signIn(
      ownBrowser.api,
      { email: person.email, password: PASSWORD },
      deriveOnce,
    );
    expect(back.user.id).toBe(person.id);
    // Signing out forgets the browser: its mark is cleared and no longer opens the allowance.
    const mark = ownBrowser.device;
    await ownBrowser.request("POST", "/api/auth/logout");
    expect(ownBrowser.device).toBeNull();
    const forgotten = new Client(t.app, {}, home);
    forgotten.device = mark;
    expect(
      await statusOf(
        signIn(forgotten.api, { email: person.email, password: PASSWORD }, deriveOnce),
      ),
    ).toBe(429);
  });

  it("says in Retry-After how long the wait truly is", async () => {
    t.clock.advance(11 * 60_000);
    const person = await makePerson(t.app, "Waiting");
    const authKey = await authKeyFor(new Client(t.app).api, person.email, GUESS, deriveOnce);
    const guess = () =>
      new Client(t.app, {}, "198.51.100.99").request("POST", "/api/auth/login", {
        email: person.email,
        authKey,
      });
    for (let i = 0; i < 3; i++) expect((await guess()).status).toBe(401);
    const refused = await guess();
    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toBe("600");
    t.clock.advance(4 * 60_000);
    const later = await guess();
    expect(later.headers["retry-after"]).toBe("360");
    expect(later.json()).toMatchObject({ error: { message: expect.stringContaining("6 minute") } });
  });
});
