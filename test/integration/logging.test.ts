import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { b64 } from "../../src/client/crypto/encoding.ts";
import { keyringFor, signIn, signUp } from "../../src/client/session.ts";
import { agreementRoutes } from "../../src/contracts/agreements.ts";
import { circleRoutes } from "../../src/contracts/circle.ts";
import { coupleRoutes } from "../../src/contracts/couples.ts";
import { intensityRoutes } from "../../src/contracts/intensity.ts";
import { safetyRoutes } from "../../src/contracts/safety.ts";
import { stressorRoutes } from "../../src/contracts/stressors.ts";
import { talkRoutes } from "../../src/contracts/talks.ts";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import {
  deriveOnce,
  joinSpace,
  makePerson,
  newItemId,
  type Person,
  startSpace,
  TEST_KDF,
} from "../support/factories.ts";
import { Client, openTestDatabase } from "../support/test-app.ts";

/** Any envelope or key box: ciphertext has no place in the logs either. */
const ENVELOPE = /m1\.[a-z0-9]+\.[\w-]{16}\./;

/** Safety 12: a canary written into every field never shows up in the logs, nor any key. */
describe("logs carry no content, passwords, keys or tokens", () => {
  const lines: string[] = [];
  let close: () => Promise<void>;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    const { database, drop } = await openTestDatabase();
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    app = await buildApp({
      config: loadConfig({
        MEND_AUTH_RATE_LIMIT: "1000",
        MEND_WEB_DIR: "",
        MEND_LOG_LEVEL: "debug",
      }),
      database,
      logger: true,
      logStream: stream,
    });
    close = async () => {
      await app.close();
      await drop();
    };
  });
  afterAll(() => close());

  it("never logs the canary, even in failing requests", async () => {
    const canary = "CANARYzq81";
    const password = `${canary} long password`;
    const client = new Client(app);
    const email = `${canary}@example.org`.toLowerCase();
    const signedUp = await signUp(
      client.api,
      { email, name: canary, password },
      deriveOnce,
      TEST_KDF,
    );
    client.keyring = keyringFor(client.api, signedUp.opened);
    const person: Person = {
      client,
      id: signedUp.user.id,
      email,
      name: canary,
      opened: signedUp.opened,
      recoveryCode: signedUp.recoveryCode,
    };
    const authKey = b64((await deriveOnce(password, TEST_KDF)).authKey);
    const wrong = signIn(
      new Client(app).api,
      { email: `x${email}`, password: `${canary}-wrong` },
      deriveOnce,
    );
    await expect(wrong).rejects.toMatchObject({ status: 401 });

    const { invite, link } = await startSpace(person);
    await joinSpace(await makePerson(app, "P"), link);

    const { call } = client.api;
    await call(agreementRoutes.propose, {
      body: { id: newItemId(), category: "talk", text: `Agreement ${canary}` },
    });
    await call(coupleRoutes.changePhase, {
      body: { to: "meaning", reasonId: newItemId(), reason: canary },
    });
    await call(safetyRoutes.take, { body: { id: newItemId(), answers: { [canary]: canary } } });
    await call(talkRoutes.raiseTopic, { body: { id: newItemId(), topic: canary } });
    await call(intensityRoutes.record, {
      body: { id: newItemId(), value: 9, note: canary, visibility: "private" },
    });
    await call(stressorRoutes.add, { body: { id: newItemId(), text: canary, plan: "keep" } });
    await call(circleRoutes.add, { body: { id: newItemId(), name: canary, relation: canary } });

    // What a broken client might send instead: words unsealed, keys that are not keys.
    expect(
      (await client.post("/api/agreements", { id: newItemId(), category: canary, text: canary }))
        .status,
    ).toBe(400);
    expect(
      (await client.post("/api/intensity", { id: canary, value: 9, note: canary })).status,
    ).toBe(400);
    expect((await client.post("/api/auth/login", { email, authKey: canary })).status).toBe(400);
    const broken = await client.request("POST", "/api/agreements", `{"text":"${canary}`, {
      "content-type": "application/json",
    });
    expect(broken.status).toBe(400);

    const log = lines.join("");
    expect(lines.length).toBeGreaterThan(10);
    expect(log.toLowerCase()).not.toContain(canary.toLowerCase());
    expect(log).not.toMatch(ENVELOPE);
    for (const secret of [
      invite.token,
      authKey,
      signedUp.unlockKey,
      signedUp.recoveryCode,
      b64(signedUp.opened.personal),
    ]) {
      expect(log).not.toContain(secret);
    }
    expect(log).toContain("/api/invites/[redacted]");
  });

  it("writes one line per request, when it is answered, with its route and status", async () => {
    lines.length = 0;
    expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/api/couple" })).statusCode).toBe(401);
    const written = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(written.map((line) => [line.msg, line.req, line.res])).toEqual([
      ["request completed", { method: "GET", url: "/api/health" }, { statusCode: 200 }],
      ["request completed", { method: "GET", url: "/api/couple" }, { statusCode: 401 }],
    ]);
  });
});
