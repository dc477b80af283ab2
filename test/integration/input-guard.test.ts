import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Couple, makeAgreement, makeCouple } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
let couple: Couple;
let base: string;
beforeAll(async () => {
  t = await makeTestApp();
  couple = await makeCouple(t.app);
  base = await t.app.listen({ host: "127.0.0.1", port: 0 });
});
afterAll(() => t.close());

const ERROR_SHAPE = {
  error: { code: expect.any(String), message: expect.any(String) },
};

/** Over a real socket: some refusals happen in Node's parser or the router, before any route. */
async function raw(path: string, init: RequestInit = {}) {
  const response = await fetch(`${base}${path}`, {
    ...init,
    headers: { cookie: couple.a.client.cookie ?? "", ...(init.headers ?? {}) },
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as unknown };
}

describe("input that cannot be stored, on either engine", () => {
  it("refuses a control character in any text with a 400 naming the field, and stores nothing", async () => {
    const agreement = await makeAgreement(couple.a);
    for (const note of ["\u0000", "before\u0000after", "\u001b[2J", "\ud800 half a pair"]) {
      const res = await couple.b.client.request("POST", `/api/agreements/${agreement.id}/accept`, {
        note,
      });
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({
        error: { code: "invalid_input", fields: { note: expect.any(String) } },
      });
    }
    const signup = await couple.a.client.request("POST", "/api/auth/prelogin", {
      email: "nul\u0000@example.org",
    });
    expect(signup.status).toBe(400);
    expect(signup.json()).toMatchObject({ error: { fields: { email: expect.any(String) } } });
    const after = await couple.a.client.request("GET", `/api/agreements/${agreement.id}`);
    expect(after.json()).toMatchObject({ agreement: { status: "proposed" } });
  });

  it("keeps tabs and line breaks, which are text", async () => {
    const res = await couple.a.client.request("POST", "/api/auth/prelogin", {
      email: "tab\t@example.org",
    });
    // Refused as an e-mail address, not as unstorable text.
    expect(res.json()).toMatchObject({
      error: { fields: { email: expect.not.stringContaining("control") } },
    });
  });

  it("answers an id that cannot be one with the 404 of an unknown id", async () => {
    for (const id of ["%00", "a%00b", "x".repeat(65), "%F0%9F%92%94", "a.b"]) {
      const res = await raw(`/api/agreements/${id}`);
      expect(res.status, id).toBe(404);
      expect(res.body).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    }
  });

  it("answers a bad escape and an overlong id in the one shape, echoing nothing", async () => {
    const marker = "m4rk3r".repeat(200);
    for (const path of [`/api/agreements/%zz${marker.slice(0, 20)}`, `/api/agreements/${marker}`]) {
      const res = await raw(path);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject(ERROR_SHAPE);
      expect(res.text).not.toContain("m4rk3r");
    }
  });

  it("refuses a 100 KB query string in the one shape", async () => {
    const res = await raw(`/api/agreements?q=${"q".repeat(100_000)}`);
    expect(res.status).toBe(431);
    expect(res.body).toEqual({ error: { code: "too_large", message: expect.any(String) } });
  });

  it("names no odd field back: an unknown key of any length is answered without repeating it", async () => {
    const key = "k".repeat(5_000);
    const res = await couple.a.client.request("POST", "/api/auth/prelogin", {
      email: "someone@example.org",
      [key]: 1,
    });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject(ERROR_SHAPE);
    expect(JSON.stringify(res.json())).not.toContain(key.slice(0, 100));
  });
});
