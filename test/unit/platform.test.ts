import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/server/config.ts";
import {
  type Actor,
  relationTo,
  requireActionable,
  requireAuthor,
  scopeOf,
} from "../../src/server/platform/access.ts";
import { needsRehash } from "../../src/server/platform/passwords.ts";
import { redactUrl } from "../../src/server/platform/redact.ts";
import { describeDevice } from "../../src/server/platform/sessions.ts";

const actor = (
  userId: string,
  coupleId: string | null,
  role: Actor["role"] = "partner",
): Actor => ({
  userId,
  coupleId,
  role,
  keyVersion: coupleId === null ? null : 1,
  sessionId: "s",
  secondFactor: false,
});

describe("access scope", () => {
  it("lets a partner into their own couple, as a partner", () => {
    expect(scopeOf(actor("a", "c1"))).toMatchObject({
      viewerId: "a",
      coupleId: "c1",
      as: "partner",
    });
  });

  it("answers someone outside a couple, or not a partner, with the 404 of a missing couple", () => {
    for (const who of [actor("x", null), actor("t", "c1", "therapist")]) {
      expect(() => scopeOf(who)).toThrow(expect.objectContaining({ status: 404 }));
    }
  });

  it("sees the viewer as the author of their own items and as the partner of the rest", () => {
    const scope = scopeOf(actor("a", "c1"));
    expect(relationTo(scope, "a")).toBe("author");
    expect(relationTo(scope, "b")).toBe("partner");
  });

  it("lets partners change what they can read, and only the author change what is theirs", () => {
    const scope = scopeOf(actor("b", "c1"));
    const byA = { by: "a" };
    const authorOf = (item: { by: string }) => item.by;
    expect(requireActionable(scope, byA, authorOf, "It")).toBe(byA);
    expect(() => requireAuthor(scope, byA, authorOf, "It")).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    expect(() => requireActionable(scope, undefined, authorOf, "It")).toThrow(
      expect.objectContaining({ status: 404 }),
    );
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

  it("redacts a calendar feed's whole link, and only the feed's", () => {
    const token = "Q2FsZW5kYXJGZWVkVG9rZW5PZlRoaXJ0eVR3b0J5dGVz";
    expect(redactUrl(`/calendar/${token}.ics`)).toBe("/calendar/[redacted]");
    expect(redactUrl(`/calendar/${token}.ics/extra?x=1`)).toBe("/calendar/[redacted]");
    expect(redactUrl("/api/calendar/titles")).toBe("/api/calendar/titles");
    expect(redactUrl("/api/calendar")).toBe("/api/calendar");
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
