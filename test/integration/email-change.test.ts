import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authKeyFor, signIn } from "../../src/client/session.ts";
import { accountRoutes } from "../../src/contracts/account.ts";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import {
  deriveOnce,
  makePerson,
  PASSWORD,
  type Person,
  signInAgain,
} from "../support/factories.ts";
import { type Received, TestSmtp } from "../support/smtp.ts";
import { Client, makeTestApp, type Reply, type TestApp } from "../support/test-app.ts";

/**
 * Changing the address one signs in with: at once without e-mail; with it, only through a link
 * the new address receives (at a real SMTP server), the old one told afterwards. People sign up
 * on a server without e-mail; a second server over the same database and clock sends it.
 */
const smtp = new TestSmtp();
let t: TestApp;
let mailing: FastifyInstance;
let counter = 0;

beforeAll(async () => {
  await smtp.start();
  t = await makeTestApp();
  const config = loadConfig({
    MEND_AUTH_RATE_LIMIT: "1000",
    MEND_WEB_DIR: "",
    MEND_SMTP_URL: smtp.url,
    MEND_MAIL_POLL_MS: "100",
  });
  mailing = await buildApp({ config, database: t.database, clock: t.clock, logger: false });
  await mailing.ready();
});
beforeEach(() => {
  smtp.received.length = 0;
});
afterAll(async () => {
  await mailing.close();
  await t.close();
  await smtp.stop();
});

const newAddress = () => `moved.${++counter}.${process.pid}@example.org`;

function sessionOn(app: FastifyInstance, person: Person): Client {
  const client = new Client(app);
  client.cookie = person.client.cookie;
  client.device = person.client.device;
  client.keyring = person.client.keyring;
  return client;
}

async function ask(client: Client, person: Person, email: string, password = PASSWORD) {
  const authKey = await authKeyFor(client.api, person.email, password, deriveOnce);
  return client.request("POST", "/api/account/email", { email, authKey });
}

async function letterTo(address: string): Promise<Received> {
  for (let waited = 0; waited < 10_000; waited += 25) {
    const found = smtp.received.find((m) => m.to.includes(address));
    if (found) return found;
    await sleep(25);
  }
  throw new Error(`no letter to ${address}`);
}

function tokenIn(message: Received): string {
  const token = /\/email\/([A-Za-z0-9_-]{43})/.exec(message.parts.get("text/plain") ?? "")?.[1];
  if (!token) throw new Error("no link in the letter");
  return token;
}

/** The key-derivation salt prelogin names for an address: the account's own, or a decoy. */
async function saltFor(app: FastifyInstance, email: string): Promise<string> {
  return (await new Client(app).api.call(accountRoutes.prelogin, { body: { email } })).kdf.salt;
}

const code = (reply: Reply) => reply.json<{ error: { code: string } }>().error.code;

describe("without e-mail", () => {
  it("changes the address at once; signing in takes the new one, and the old one opens nothing", async () => {
    const person = await makePerson(t.app, "Noor");
    const email = newAddress();
    const reply = await ask(person.client, person, email);
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ user: { id: person.id, email, name: "Noor" } });
    expect((await person.client.api.call(accountRoutes.me)).user.email).toBe(email);
    const again = await signInAgain(t.app, { ...person, email });
    expect((await again.api.call(accountRoutes.me)).user.id).toBe(person.id);
    await expect(
      signIn(new Client(t.app).api, { email: person.email, password: PASSWORD }, deriveOnce),
    ).rejects.toThrow();
  });

  it("refuses a taken address, a wrong password and the same address, each by name", async () => {
    const person = await makePerson(t.app, "Ola");
    const other = await makePerson(t.app, "Pia");
    const taken = await ask(person.client, person, other.email);
    expect(taken.status).toBe(409);
    expect(code(taken)).toBe("email_taken");
    const wrong = await ask(person.client, person, newAddress(), "not the password at all");
    expect(wrong.status).toBe(400);
    expect(code(wrong)).toBe("wrong_password");
    const same = await ask(person.client, person, person.email);
    expect(same.status).toBe(400);
    expect(JSON.stringify(same.body)).toContain("your address already");
    expect((await person.client.api.call(accountRoutes.me)).user.email).toBe(person.email);
  });
});

describe("with e-mail", () => {
  it("mails the new address a link; the link moves the account and the old address hears of it", async () => {
    const person = await makePerson(t.app, "Rae");
    const before = person.email;
    const salt = await saltFor(mailing, before);
    const email = newAddress();
    const asked = await ask(sessionOn(mailing, person), person, email);
    expect(asked.status).toBe(202);
    expect(asked.raw).toBe("");
    // Nothing changes until the link is followed.
    expect((await person.client.api.call(accountRoutes.me)).user.email).toBe(before);

    const letter = await letterTo(email);
    expect(letter.headers.get("subject")).toBe("Confirm your new address");
    const stranger = new Client(mailing);
    const confirmed = await stranger.post("/api/account/email/confirm", { token: tokenIn(letter) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json()).toEqual({ email });
    expect((await person.client.api.call(accountRoutes.me)).user.email).toBe(email);
    const told = await letterTo(before);
    expect(told.headers.get("subject")).toBe("Your sign-in address was changed");
    expect(told.parts.get("text/plain")).toContain(email);
    expect(told.parts.get("text/plain")).toContain("/recover");

    // The keys did not move: the new address names the same salt, and signing in with it opens
    // the account while the session that asked keeps working.
    expect(await saltFor(mailing, email)).toBe(salt);
    const again = await signInAgain(mailing, { ...person, email });
    expect((await again.api.call(accountRoutes.me)).user).toMatchObject({ id: person.id, email });
    expect((await sessionOn(mailing, person).api.call(accountRoutes.me)).user.id).toBe(person.id);
    await expect(
      signIn(new Client(mailing).api, { email: before, password: PASSWORD }, deriveOnce),
    ).rejects.toThrow();

    const spent = await stranger.post("/api/account/email/confirm", { token: tokenIn(letter) });
    expect(spent.status).toBe(404);
    expect(JSON.stringify(spent.body)).toContain("no longer works");
  });

  it("answers the same for an address with an account, which is mailed that instead", async () => {
    const person = await makePerson(t.app, "Sol");
    const other = await makePerson(t.app, "Tam");
    const asked = await ask(sessionOn(mailing, person), person, other.email);
    expect(asked.status).toBe(202);
    expect(asked.raw).toBe("");
    const letter = await letterTo(other.email);
    expect(letter.headers.get("subject")).toBe("Confirm your new address");
    expect(letter.parts.get("text/plain")).toContain("already has an account");
    expect(letter.parts.get("text/plain")).not.toMatch(/\/email\//);
    expect((await person.client.api.call(accountRoutes.me)).user.email).toBe(person.email);
  });

  it("refuses a wrong password before anything is mailed, and a link nobody was sent", async () => {
    const person = await makePerson(t.app, "Ren");
    const email = newAddress();
    const wrong = await ask(sessionOn(mailing, person), person, email, "not the password at all");
    expect(wrong.status).toBe(400);
    expect(code(wrong)).toBe("wrong_password");
    const made = await new Client(mailing).post("/api/account/email/confirm", {
      token: "A".repeat(43),
    });
    expect(made.status).toBe(404);
    expect(code(made)).toBe("not_found");
    // A letter for the right ask arrives, and none ever went for the wrong one.
    const right = newAddress();
    await ask(sessionOn(mailing, person), person, right);
    await letterTo(right);
    expect(smtp.received.filter((m) => m.to.includes(email))).toEqual([]);
  });

  it("lets a link work for a day only, and never for an address taken meanwhile", async () => {
    const person = await makePerson(t.app, "Uma");
    const late = newAddress();
    await ask(sessionOn(mailing, person), person, late);
    const lateToken = tokenIn(await letterTo(late));
    const contested = newAddress();
    await ask(sessionOn(mailing, person), person, contested);
    const contestedToken = tokenIn(await letterTo(contested));

    // Someone else moves their account to the contested address before the link is followed.
    await makePerson(t.app, "Vic").then((vic) => ask(vic.client, vic, contested));
    const refused = await new Client(mailing).post("/api/account/email/confirm", {
      token: contestedToken,
    });
    expect(refused.status).toBe(409);
    expect(code(refused)).toBe("email_taken");

    t.clock.advance(25 * 60 * 60_000);
    const expired = await new Client(mailing).post("/api/account/email/confirm", {
      token: lateToken,
    });
    expect(expired.status).toBe(404);
    expect((await person.client.api.call(accountRoutes.me)).user.email).toBe(person.email);
  });

  it("spends the account's other links once one of them has moved it", async () => {
    const person = await makePerson(t.app, "Yan");
    const first = newAddress();
    await ask(sessionOn(mailing, person), person, first);
    const firstToken = tokenIn(await letterTo(first));
    const second = newAddress();
    await ask(sessionOn(mailing, person), person, second);
    const secondToken = tokenIn(await letterTo(second));
    const moved = await new Client(mailing).post("/api/account/email/confirm", {
      token: secondToken,
    });
    expect(moved.status).toBe(200);
    const older = await new Client(mailing).post("/api/account/email/confirm", {
      token: firstToken,
    });
    expect(older.status).toBe(404);
    expect((await person.client.api.call(accountRoutes.me)).user.email).toBe(second);
  });

  it("moves only the account the link was made for, whoever follows it", async () => {
    const person = await makePerson(t.app, "Wen");
    const bystander = await makePerson(t.app, "Xia");
    const email = newAddress();
    await ask(sessionOn(mailing, person), person, email);
    const token = tokenIn(await letterTo(email));
    const followed = await sessionOn(mailing, bystander).post("/api/account/email/confirm", {
      token,
    });
    expect(followed.status).toBe(200);
    expect((await person.client.api.call(accountRoutes.me)).user.email).toBe(email);
    expect((await bystander.client.api.call(accountRoutes.me)).user.email).toBe(bystander.email);
  });
});
