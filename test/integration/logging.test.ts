import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import { Client, openTestDatabase } from "../support/test-app.ts";

/** Safety 12: a canary written into every field never shows up in the logs. */
describe("logs carry no content, passwords or tokens", () => {
  const lines: string[] = [];
  let close: () => Promise<void>;
  let client: Client;
  let partner: Client;

  beforeAll(async () => {
    const { database, drop } = await openTestDatabase();
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp({
      config: loadConfig({
        MEND_AUTH_RATE_LIMIT: "1000",
        MEND_WEB_DIR: "",
        MEND_LOG_LEVEL: "debug",
      }),
      database,
      logger: true,
      logStream: stream,
    });
    client = new Client(app);
    partner = new Client(app);
    close = async () => {
      await app.close();
      await drop();
    };
  });
  afterAll(() => close());

  it("never logs the canary, even in failing requests", async () => {
    const canary = "CANARYzq81";
    await client.post("/api/auth/signup", {
      email: `${canary}@example.org`.toLowerCase(),
      password: `${canary} long password`,
      name: canary,
    });
    await client.post("/api/auth/login", {
      email: `x${canary}@example.org`,
      password: `${canary}-wrong`,
    });
    const created = await client.post("/api/couples", { stance: "hurt" });
    const token = created.json<{ invite: { token: string } }>().invite.token;
    await partner.post("/api/auth/signup", {
      email: "p@example.org",
      password: "a long and quiet evening",
      name: "P",
    });
    await partner.get(`/api/invites/${token}`);
    await partner.post(`/api/invites/${token}/accept`, { stance: "broke-trust" });
    await client.post("/api/agreements", { category: "talk", text: `Agreement ${canary}` });
    await client.post("/api/agreements", { category: canary, text: canary });
    await client.post("/api/couple/phase", { to: "meaning", reason: canary });
    await client.post("/api/safety-checks", { answers: { [canary]: canary } });
    await client.post("/api/parking-lot", { topic: canary });
    await client.post("/api/intensity", { value: 9, note: canary, visibility: "private" });
    await client.post("/api/stressors", { text: canary, plan: "keep" });
    await client.post("/api/circle", { name: canary, relation: canary });
    await client.request("POST", "/api/agreements", `{"text":"${canary}`, {
      "content-type": "application/json",
    });

    const log = lines.join("");
    expect(lines.length).toBeGreaterThan(10);
    expect(log.toLowerCase()).not.toContain(canary.toLowerCase());
    expect(log).not.toContain(token);
    expect(log).toContain("/api/invites/[redacted]");
  });
});
