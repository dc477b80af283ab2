import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isApiError } from "../../src/client/api.ts";
import { signupKeys } from "../../src/client/crypto/account-keys.ts";
import { b64 } from "../../src/client/crypto/encoding.ts";
import { authKeyFor, changePassword, signIn, signUp } from "../../src/client/session.ts";
import { accountRoutes, SignupForm } from "../../src/contracts/account.ts";
import { deriveOnce, makePerson, PASSWORD, TEST_KDF } from "../support/factories.ts";
import { Client, makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
const NEW_PASSWORD = "a brand new sentence";
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

/** What a browser sends to sign up; the password itself stays on the client's side. */
async function signupBody(email: string, name: string) {
  const made = await signupKeys(PASSWORD, deriveOnce, TEST_KDF);
  return { email, name, authKey: made.authKey, kdf: made.kdf, keys: made.keys };
}

/** What a failed call answered, as the client read it. */
async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (!isApiError(error)) throw error;
    return { status: error.status, code: error.code, fields: error.fields };
  }
  throw new Error("The call was expected to fail.");
}

describe("sign-up, sign-in, sign-out", () => {
  it("signs up, sets an HttpOnly SameSite=Lax cookie, and knows who is signed in", async () => {
    const client = new Client(t.app);
    // Raw, to read the Set-Cookie header; the body is the one a browser would send.
    const res = await client.post("/api/auth/signup", await signupBody("  Jo@Example.org ", "Jo"));
    expect(res.status).toBe(201);
    expect(res.json()).toEqual({
      user: { id: expect.any(String), email: "jo@example.org", name: "Jo" },
      unlockKey: expect.stringMatching(/^[\w-]{43}$/),
    });
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/^mend_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect(await client.api.call(accountRoutes.me)).toEqual({
      user: { ...res.json<{ user: object }>().user, role: "partner" },
      needsSecondFactor: false,
      couple: null,
    });
  });

  it("refuses a taken e-mail with 409, whatever its case", async () => {
    const person = await makePerson(t.app, "Lee");
    const again = signUp(
      new Client(t.app).api,
      { email: person.email.toUpperCase(), name: "Other", password: PASSWORD },
      deriveOnce,
      TEST_KDF,
    );
    expect(await failure(again)).toMatchObject({ status: 409, code: "email_taken" });
  });

  it("names every invalid field, and takes no password where the derived key belongs", async () => {
    const body = await signupBody("not-an-email", "   ");
    const res = await new Client(t.app).post("/api/auth/signup", { ...body, authKey: PASSWORD });
    expect(res.status).toBe(400);
    const { error } = res.json<{ error: { code: string; fields: Record<string, string> } }>();
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields).sort()).toEqual(["authKey", "email", "name"]);
  });

  it("refuses common and over-long passwords in the browser, before any key is derived", () => {
    const form = (password: string) =>
      SignupForm.safeParse({ email: "form@example.org", name: "Form", password });
    expect(form("Password123").error?.issues[0]?.message).toMatch(/guess/);
    expect(form("x".repeat(129)).success).toBe(false);
    expect(form(`${"correct horse ".repeat(9)}ok`.slice(0, 128)).success).toBe(true);
  });

  it("rejects unknown fields, malformed JSON and non-JSON bodies without a 500", async () => {
    const client = new Client(t.app);
    const extra = await client.post("/api/auth/signup", {
      ...(await signupBody("extra@example.org", "Extra")),
      role: "therapist",
    });
    expect(extra.status).toBe(400);
    expect(extra.json()).toMatchObject({ error: { fields: { role: expect.any(String) } } });
    const broken = await client.request("POST", "/api/auth/login", "{not json", {
      "content-type": "application/json",
    });
    expect(broken.status).toBe(400);
    expect(broken.json()).toMatchObject({ error: { code: "invalid_json" } });
    const text = await client.request("POST", "/api/auth/login", "hello", {
      "content-type": "text/plain",
    });
    expect(text.status).toBe(400);
    expect(text.json()).toMatchObject({ error: { code: "invalid_input" } });
  });

  it("rotates the session at sign-in and revokes it at sign-out", async () => {
    const person = await makePerson(t.app, "Ari");
    const before = person.client.cookie;
    await signIn(person.client.api, { email: person.email, password: PASSWORD }, deriveOnce);
    expect(person.client.cookie).not.toBe(before);
    const stale = new Client(t.app);
    stale.cookie = before;
    expect(await failure(stale.api.call(accountRoutes.me))).toMatchObject({ status: 401 });

    const kept = person.client.cookie;
    expect((await person.client.api.call(accountRoutes.me)).user.id).toBe(person.id);
    await person.client.api.call(accountRoutes.logout);
    expect(person.client.cookie).toBeNull();
    const replay = new Client(t.app);
    replay.cookie = kept;
    expect(await failure(replay.api.call(accountRoutes.me))).toMatchObject({ status: 401 });
  });

  it("refuses a session ended by another process: at once for a write, within seconds for a read", async () => {
    const person = await makePerson(t.app, "Elsewhere");
    expect((await person.client.api.call(accountRoutes.me)).user.id).toBe(person.id);
    // What `mend reset-account` or a second Mend on the same database does: no request here.
    await t.database.db.deleteFrom("sessions").where("user_id", "=", person.id).execute();
    const endSome = person.client.api.call(accountRoutes.endSession, { params: { id: "s" } });
    expect(await failure(endSome)).toMatchObject({ status: 401 });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(await failure(person.client.api.call(accountRoutes.me))).toMatchObject({ status: 401 });
  });

  it("ends idle sessions", async () => {
    const person = await makePerson(t.app, "Idle");
    t.clock.advance(t.config.sessionIdleMs + 60_000);
    expect(await failure(person.client.api.call(accountRoutes.me))).toMatchObject({ status: 401 });
  });
});

describe("password change, devices and account deletion", () => {
  it("changing the password keeps this device signed in and signs out every other one", async () => {
    const person = await makePerson(t.app, "Mo");
    const other = new Client(t.app);
    await signIn(other.api, { email: person.email, password: PASSWORD }, deriveOnce);
    const change = (currentPassword: string) =>
      changePassword(
        person.client.api,
        { email: person.email, currentPassword, newPassword: NEW_PASSWORD, opened: person.opened },
        deriveOnce,
      );

    // The change-password form shows the answer next to the password the person typed.
    expect(await failure(change("this is not it"))).toMatchObject({
      status: 400,
      code: "wrong_password",
      fields: { currentAuthKey: expect.any(String) },
    });
    expect((await other.api.call(accountRoutes.me)).user.id).toBe(person.id);

    await change(PASSWORD);
    expect((await person.client.api.call(accountRoutes.me)).user.id).toBe(person.id);
    expect(await failure(other.api.call(accountRoutes.me))).toMatchObject({ status: 401 });
  });

  it("lists one's own sessions and ends one of them; another person's session is a 404", async () => {
    const person = await makePerson(t.app, "Dev");
    const phone = new Client(t.app, {
      "user-agent":
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36",
    });
    // Raw, because only raw requests carry the phone's User-Agent.
    const authKey = await authKeyFor(phone.api, person.email, PASSWORD, deriveOnce);
    expect((await phone.post("/api/auth/login", { email: person.email, authKey })).status).toBe(
      200,
    );
    const { sessions } = await person.client.api.call(accountRoutes.sessions);
    expect(sessions).toHaveLength(2);
    const phoneSession = sessions.find((s) => !s.current);
    if (!phoneSession) throw new Error("The phone's session is not listed.");
    expect(phoneSession.device).toBe("Chrome on Android");

    const endPhone = (client: Client) =>
      client.api.call(accountRoutes.endSession, { params: { id: phoneSession.id } });
    const stranger = await makePerson(t.app, "Stranger");
    expect(await failure(endPhone(stranger.client))).toMatchObject({ status: 404 });
    expect((await phone.api.call(accountRoutes.me)).user.id).toBe(person.id);

    await endPhone(person.client);
    expect(await failure(phone.api.call(accountRoutes.me))).toMatchObject({ status: 401 });
  });

  it("deletes an account only with its password, and everything with it", async () => {
    const person = await makePerson(t.app, "Gone");
    const { api } = person.client;
    const remove = async (password: string) =>
      api.call(accountRoutes.deleteAccount, {
        body: { authKey: await authKeyFor(api, person.email, password, deriveOnce) },
      });
    expect(await failure(remove("wrong password here"))).toMatchObject({
      status: 400,
      code: "wrong_password",
    });
    await remove(PASSWORD);
    expect(await failure(api.call(accountRoutes.me))).toMatchObject({ status: 401 });
    const login = signIn(
      new Client(t.app).api,
      { email: person.email, password: PASSWORD },
      deriveOnce,
    );
    expect(await failure(login)).toMatchObject({ status: 401 });
    const row = await t.database.db
      .selectFrom("users")
      .select("id")
      .where("id", "=", person.id)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });
});

describe("browser defences", () => {
  it("refuses state changes from another site, allows same-origin and origin-less calls", async () => {
    const client = new Client(t.app);
    const login = { email: "a@b.org", authKey: b64(randomBytes(32)) };
    const foreign = await client.request("POST", "/api/auth/login", login, {
      origin: "https://evil.example",
    });
    expect(foreign.status).toBe(403);
    const crossSite = await client.request("POST", "/api/auth/login", login, {
      "sec-fetch-site": "cross-site",
    });
    expect(crossSite.status).toBe(403);
    const same = await client.request("POST", "/api/auth/login", login, {
      origin: "http://localhost:3000",
      "sec-fetch-site": "same-origin",
    });
    expect(same.status).toBe(401);
    // A rebound DNS name sends a Host and an Origin that agree; only the public URL's counts.
    const rebound = await client.request("POST", "/api/auth/login", login, {
      host: "evil.example",
      origin: "http://evil.example",
      "sec-fetch-site": "same-origin",
    });
    expect(rebound.status).toBe(403);
    expect(rebound.json()).toMatchObject({ error: { code: "forbidden_origin" } });
  });

  it("sends strict security headers and no-store on API answers", async () => {
    const res = await new Client(t.app).get("/api/health");
    expect(res.json()).toEqual({ status: "ok" });
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["strict-transport-security"]).toBeUndefined();
  });

  it("answers unknown API paths with the one error shape", async () => {
    const res = await new Client(t.app).get("/api/nothing-here");
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: "not_found", message: expect.any(String) } });
  });
});

describe("behind HTTPS", () => {
  it("uses __Host- Secure cookies and HSTS", async () => {
    const secure = await makeTestApp({ MEND_PUBLIC_URL: "https://mend.example.org" });
    try {
      const res = await new Client(secure.app).post(
        "/api/auth/signup",
        await signupBody("secure@example.org", "Sec"),
      );
      expect(res.status).toBe(201);
      const cookie = String(res.headers["set-cookie"]);
      expect(cookie).toMatch(/^__Host-mend_session=/);
      expect(cookie).toMatch(/Secure/);
      expect(cookie).toMatch(/Path=\//);
      expect(res.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    } finally {
      await secure.close();
    }
  });
});

describe("authKey hashing", () => {
  it("stores argon2id of the authKey, never of the password, and upgrades a weaker hash at the next sign-in", async () => {
    const { hash, verify } = await import("@node-rs/argon2");
    const person = await makePerson(t.app, "Old");
    const storedHash = async () =>
      (
        await t.database.db
          .selectFrom("users")
          .select("password_hash")
          .where("id", "=", person.id)
          .executeTakeFirstOrThrow()
      ).password_hash;
    const stored = await storedHash();
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const authKey = b64((await deriveOnce(PASSWORD, TEST_KDF)).authKey);
    expect(await verify(stored, authKey)).toBe(true);
    expect(await verify(stored, PASSWORD)).toBe(false);

    const weak = await hash(authKey, { memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await t.database.db
      .updateTable("users")
      .set({ password_hash: weak })
      .where("id", "=", person.id)
      .execute();
    await signIn(new Client(t.app).api, { email: person.email, password: PASSWORD }, deriveOnce);
    const upgraded = await storedHash();
    expect(upgraded).toMatch(/m=19456,t=2/);
    expect(await verify(upgraded, authKey)).toBe(true);
  });
});
