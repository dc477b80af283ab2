import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePerson, PASSWORD } from "../support/factories.ts";
import { Client, makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe("sign-up, sign-in, sign-out", () => {
  it("signs up, sets an HttpOnly SameSite=Lax cookie, and knows who is signed in", async () => {
    const client = new Client(t.app);
    const res = await client.post("/api/auth/signup", {
      email: "  Jo@Example.org ",
      password: PASSWORD,
      name: "Jo",
    });
    expect(res.status).toBe(201);
    expect(res.json()).toEqual({
      user: { id: expect.any(String), email: "jo@example.org", name: "Jo" },
    });
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/^mend_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await client.get("/api/me");
    expect(me.status).toBe(200);
    expect(me.json()).toEqual({ user: res.json<{ user: unknown }>().user, couple: null });
  });

  it("refuses a taken e-mail with 409, whatever its case", async () => {
    const person = await makePerson(t.app, "Lee");
    const res = await new Client(t.app).post("/api/auth/signup", {
      email: person.email.toUpperCase(),
      password: PASSWORD,
      name: "Other",
    });
    expect(res.status).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: "email_taken" } });
  });

  it("names every invalid field", async () => {
    const res = await new Client(t.app).post("/api/auth/signup", {
      email: "not-an-email",
      password: "short",
      name: "   ",
    });
    expect(res.status).toBe(400);
    const { error } = res.json<{ error: { code: string; fields: Record<string, string> } }>();
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields).sort()).toEqual(["email", "name", "password"]);
  });

  it("refuses common passwords and over-long ones", async () => {
    const common = await new Client(t.app).post("/api/auth/signup", {
      email: "common@example.org",
      password: "Password123",
      name: "Common",
    });
    expect(common.status).toBe(400);
    expect(common.json()).toMatchObject({
      error: { fields: { password: expect.stringMatching(/guess/) } },
    });
    const long = await new Client(t.app).post("/api/auth/signup", {
      email: "long@example.org",
      password: "x".repeat(129),
      name: "Long",
    });
    expect(long.status).toBe(400);
    const longest = await new Client(t.app).post("/api/auth/signup", {
      email: "longest@example.org",
      password: `${"correct horse ".repeat(9)}ok`.slice(0, 128),
      name: "Longest",
    });
    expect(longest.status).toBe(201);
  });

  it("rejects unknown fields, malformed JSON and non-JSON bodies without a 500", async () => {
    const client = new Client(t.app);
    const extra = await client.post("/api/auth/signup", {
      email: "extra@example.org",
      password: PASSWORD,
      name: "Extra",
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

  it("gives the same 401 for a wrong password and an unknown e-mail", async () => {
    const person = await makePerson(t.app, "Noa");
    const wrong = await new Client(t.app).post("/api/auth/login", {
      email: person.email,
      password: "not the password at all",
    });
    const unknown = await new Client(t.app).post("/api/auth/login", {
      email: "nobody@example.org",
      password: "not the password at all",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.raw).toBe(unknown.raw);
  });

  it("rotates the session at sign-in and revokes it at sign-out", async () => {
    const person = await makePerson(t.app, "Ari");
    const before = person.client.cookie;
    const login = await person.client.post("/api/auth/login", {
      email: person.email,
      password: PASSWORD,
    });
    expect(login.status).toBe(200);
    expect(person.client.cookie).not.toBe(before);
    const stale = new Client(t.app);
    stale.cookie = before;
    expect((await stale.get("/api/me")).status).toBe(401);

    const kept = person.client.cookie;
    const out = await person.client.post("/api/auth/logout");
    expect(out.status).toBe(204);
    expect(person.client.cookie).toBeNull();
    const replay = new Client(t.app);
    replay.cookie = kept;
    expect((await replay.get("/api/me")).status).toBe(401);
  });

  it("ends idle sessions", async () => {
    const person = await makePerson(t.app, "Idle");
    t.clock.advance(t.config.sessionIdleMs + 60_000);
    expect((await person.client.get("/api/me")).status).toBe(401);
  });
});

describe("password change, devices and account deletion", () => {
  it("changing the password signs out every other session", async () => {
    const person = await makePerson(t.app, "Mo");
    const other = new Client(t.app);
    await other.post("/api/auth/login", { email: person.email, password: PASSWORD });
    expect((await other.get("/api/me")).status).toBe(200);

    const wrong = await person.client.post("/api/account/password", {
      currentPassword: "this is not it",
      newPassword: "a brand new sentence",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json()).toMatchObject({
      error: { fields: { currentPassword: expect.any(String) } },
    });

    const changed = await person.client.post("/api/account/password", {
      currentPassword: PASSWORD,
      newPassword: "a brand new sentence",
    });
    expect(changed.status).toBe(204);
    expect((await person.client.get("/api/me")).status).toBe(200);
    expect((await other.get("/api/me")).status).toBe(401);
    const oldLogin = await new Client(t.app).post("/api/auth/login", {
      email: person.email,
      password: PASSWORD,
    });
    expect(oldLogin.status).toBe(401);
  });

  it("lists one's own sessions and ends one of them; another person's session is a 404", async () => {
    const person = await makePerson(t.app, "Dev");
    const phone = new Client(t.app, {
      "user-agent":
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36",
    });
    await phone.post("/api/auth/login", { email: person.email, password: PASSWORD });
    const list = await person.client.get("/api/account/sessions");
    const sessions = list.json<{
      sessions: Array<{ id: string; device: string; current: boolean }>;
    }>().sessions;
    expect(sessions).toHaveLength(2);
    const phoneSession = sessions.find((s) => !s.current);
    expect(phoneSession?.device).toBe("Chrome on Android");

    const stranger = await makePerson(t.app, "Stranger");
    expect((await stranger.client.delete(`/api/account/sessions/${phoneSession?.id}`)).status).toBe(
      404,
    );
    expect((await phone.get("/api/me")).status).toBe(200);

    expect((await person.client.delete(`/api/account/sessions/${phoneSession?.id}`)).status).toBe(
      204,
    );
    expect((await phone.get("/api/me")).status).toBe(401);
  });

  it("deletes an account only with its password, and everything with it", async () => {
    const person = await makePerson(t.app, "Gone");
    const wrong = await person.client.delete("/api/account", { password: "wrong password here" });
    expect(wrong.status).toBe(400);
    const ok = await person.client.delete("/api/account", { password: PASSWORD });
    expect(ok.status).toBe(204);
    expect((await person.client.get("/api/me")).status).toBe(401);
    const login = await new Client(t.app).post("/api/auth/login", {
      email: person.email,
      password: PASSWORD,
    });
    expect(login.status).toBe(401);
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
    const foreign = await client.request(
      "POST",
      "/api/auth/login",
      { email: "a@b.org", password: "x" },
      {
        origin: "https://evil.example",
      },
    );
    expect(foreign.status).toBe(403);
    const crossSite = await client.request(
      "POST",
      "/api/auth/login",
      { email: "a@b.org", password: "x" },
      {
        "sec-fetch-site": "cross-site",
      },
    );
    expect(crossSite.status).toBe(403);
    const same = await client.request(
      "POST",
      "/api/auth/login",
      { email: "a@b.org", password: "xxxxxxxxxxxx" },
      {
        origin: "http://localhost:3000",
        "sec-fetch-site": "same-origin",
      },
    );
    expect(same.status).toBe(401);
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
      const res = await new Client(secure.app).post("/api/auth/signup", {
        email: "secure@example.org",
        password: PASSWORD,
        name: "Sec",
      });
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

describe("password hashing", () => {
  it("stores argon2id and upgrades a weaker hash at the next sign-in", async () => {
    const { hash } = await import("@node-rs/argon2");
    const person = await makePerson(t.app, "Old");
    const stored = await t.database.db
      .selectFrom("users")
      .select("password_hash")
      .where("id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const weak = await hash(PASSWORD, { memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await t.database.db
      .updateTable("users")
      .set({ password_hash: weak })
      .where("id", "=", person.id)
      .execute();
    const login = await new Client(t.app).post("/api/auth/login", {
      email: person.email,
      password: PASSWORD,
    });
    expect(login.status).toBe(200);
    const upgraded = await t.database.db
      .selectFrom("users")
      .select("password_hash")
      .where("id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(upgraded.password_hash).toMatch(/m=19456,t=2/);
  });
});
