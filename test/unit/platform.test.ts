import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/server/config.ts";
import { needsRehash } from "../../src/server/platform/passwords.ts";
import { type Actor, canAct, canRead } from "../../src/server/platform/policy.ts";
import { redactUrl } from "../../src/server/platform/redact.ts";
import { describeDevice } from "../../src/server/platform/sessions.ts";

const actor = (userId: string, coupleId: string | null): Actor => ({
  userId,
  coupleId,
  role: "partner",
  sessionId: "s",
});

describe("access policy", () => {
  const item = (visibility: "private" | "couple" | "therapist") => ({
    coupleId: "c1",
    authorId: "a",
    visibility,
  });

  it("lets only the author read a private item", () => {
    expect(canRead(actor("a", "c1"), item("private"))).toBe(true);
    expect(canRead(actor("b", "c1"), item("private"))).toBe(false);
  });

  it("lets both partners read shared items, and nobody from another couple", () => {
    for (const visibility of ["couple", "therapist"] as const) {
      expect(canRead(actor("b", "c1"), item(visibility))).toBe(true);
      expect(canRead(actor("x", "c2"), item(visibility))).toBe(false);
      expect(canRead(actor("x", null), item(visibility))).toBe(false);
    }
  });

  it("lets partners act only on what they can read", () => {
    expect(canAct(actor("b", "c1"), item("couple"))).toBe(true);
    expect(canAct(actor("b", "c1"), item("private"))).toBe(false);
    expect(canAct(actor("x", "c2"), item("couple"))).toBe(false);
  });
});

describe("configuration", () => {
  it("has working defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: "sqlite:./data/mend.sqlite",
      publicUrl: "http://localhost:3000",
      secureCookies: false,
      trustProxy: false,
    });
  });

  it("lists every wrong setting at once", () => {
    expect(() =>
      loadConfig({ PORT: "seventy", DATABASE_URL: "mysql://x", MEND_PUBLIC_URL: "nope" }),
    ).toThrow(ConfigError);
    try {
      loadConfig({ PORT: "seventy", DATABASE_URL: "mysql://x" });
    } catch (error) {
      expect(String(error)).toMatch(/PORT/);
      expect(String(error)).toMatch(/DATABASE_URL/);
    }
  });

  it("turns on secure cookies behind https", () => {
    expect(loadConfig({ MEND_PUBLIC_URL: "https://mend.example.org/" })).toMatchObject({
      publicUrl: "https://mend.example.org",
      secureCookies: true,
    });
  });
});

describe("small platform rules", () => {
  it("redacts secrets in paths and drops query strings", () => {
    expect(redactUrl("/api/invites/abc123/accept")).toBe("/api/invites/[redacted]/accept");
    expect(redactUrl("/join/tok?x=1")).toBe("/join/[redacted]");
    expect(redactUrl("/api/couple")).toBe("/api/couple");
  });

  it("asks for a rehash of weaker argon2 parameters", () => {
    expect(needsRehash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA")).toBe(false);
    expect(needsRehash("$argon2id$v=19$m=4096,t=3,p=1$c2FsdA$aGFzaA")).toBe(true);
    expect(needsRehash("$argon2i$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA")).toBe(true);
    expect(needsRehash("$2b$10$bcrypt")).toBe(true);
  });

  it("describes devices without keeping the user agent", () => {
    expect(
      describeDevice("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1"),
    ).toBe("Safari on iOS");
    expect(describeDevice(undefined)).toBe("A browser");
  });
});

describe("crisis resources from the operator", () => {
  const dir = mkdtempSync(join(tmpdir(), "mend-resources-"));
  const write = (name: string, content: string) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };

  it("defaults to a list that does not pretend to know the country", () => {
    const { crisisResources } = loadConfig({});
    expect(crisisResources.length).toBeGreaterThan(0);
    expect(crisisResources.map((r) => r.contact).join(" ")).toMatch(/112/);
  });

  it("reads the operator's JSON file", () => {
    const file = write(
      "ok.json",
      JSON.stringify([{ name: "Helpline", contact: "0800 000", description: "Day and night." }]),
    );
    expect(loadConfig({ MEND_CRISIS_RESOURCES_FILE: file }).crisisResources).toEqual([
      { name: "Helpline", contact: "0800 000", description: "Day and night." },
    ]);
  });

  it("refuses a broken or empty file with a clear message", () => {
    expect(() => loadConfig({ MEND_CRISIS_RESOURCES_FILE: write("bad.json", "{nope") })).toThrow(
      /could not be read as JSON/,
    );
    expect(() => loadConfig({ MEND_CRISIS_RESOURCES_FILE: write("empty.json", "[]") })).toThrow(
      /non-empty list/,
    );
    expect(() => loadConfig({ MEND_CRISIS_RESOURCES_FILE: join(dir, "missing.json") })).toThrow(
      ConfigError,
    );
  });
});
