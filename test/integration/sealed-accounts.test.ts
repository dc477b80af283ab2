import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isApiError } from "../../src/client/api.ts";
import { openBoxes, recoveryProof, signupKeys } from "../../src/client/crypto/account-keys.ts";
import { b64, utf8 } from "../../src/client/crypto/encoding.ts";
import { seal } from "../../src/client/crypto/envelope.ts";
import { formatRecoveryCode, parseRecoveryCode } from "../../src/client/crypto/recovery-code.ts";
import type { Keyring } from "../../src/client/sealing.ts";
import {
  authKeyFor,
  changePassword,
  keyringFor,
  recover,
  signIn,
  signUp,
} from "../../src/client/session.ts";
import { accountRoutes } from "../../src/contracts/account.ts";
import { agreementRoutes } from "../../src/contracts/agreements.ts";
import { intensityRoutes } from "../../src/contracts/intensity.ts";
import { stressorRoutes } from "../../src/contracts/stressors.ts";
import { talkRoutes } from "../../src/contracts/talks.ts";
import { ITEM_ENVELOPE } from "../../src/contracts/words.ts";
import { KDF_DEFAULTS, KDF_FLOOR } from "../../src/domain/kdf.ts";
import { buildApp } from "../../src/server/app.ts";
import {
  type Couple,
  deriveOnce,
  makeAgreement,
  makeCouple,
  newItemId,
  PASSWORD,
  type Person,
  TEST_KDF,
} from "../support/factories.ts";
import { Client, makeTestApp, ownTables, type TestApp } from "../support/test-app.ts";

/**
 * The account side of sealed words, through the real HTTP API: what prelogin tells (and does not
 * tell), that the server holds keys only as boxes the password or the recovery code opens, that
 * a new password or a recovery leaves every sealed item as it was, and that the server refuses
 * what is not sealed as the item's visibility calls for.
 */
let t: TestApp;
let couple: Couple;
const NEW_PASSWORD = "a different and longer evening";

beforeAll(async () => {
  t = await makeTestApp();
  couple = await makeCouple(t.app);
});
afterAll(() => t.close());

/** What a failed call answered, as the client read it from the error body. */
async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (!isApiError(error)) throw error;
    return { status: error.status, code: error.code, message: error.message, fields: error.fields };
  }
  throw new Error("The call was expected to fail.");
}

function keyringOf(person: Person): Keyring {
  if (!person.client.keyring) throw new Error(`${person.name} has no keys open.`);
  return person.client.keyring;
}

/** The bytes of an account's two keys, to compare what two openings gave. */
function keyBytes(opened: Person["opened"]) {
  return {
    pkcs8: b64(opened.identity.pkcs8),
    publicKey: b64(opened.identity.publicKey),
    personal: b64(opened.personal),
  };
}

/** Every item envelope in the database, wherever it sits, as `table.column: value`. */
async function sealedValues(): Promise<string[]> {
  const found: string[] = [];
  for (const table of await ownTables(t.database)) {
    // biome-ignore lint/suspicious/noExplicitAny: every table, read whole, column by column
    const rows = await (t.database.db as any).selectFrom(table.name).selectAll().execute();
    for (const row of rows as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === "string" && ITEM_ENVELOPE.test(value)) {
          found.push(`${table.name}.${column}: ${value}`);
        }
      }
    }
  }
  return found.sort();
}

describe("prelogin", () => {
  const prelogin = (app: FastifyInstance, email: string) =>
    new Client(app).api.call(accountRoutes.prelogin, { body: { email } });

  it("answers an account's own parameters", async () => {
    expect(await prelogin(t.app, couple.a.email)).toEqual({ kdf: TEST_KDF });
  });

  it("answers an unknown e-mail with floor parameters that stay the same, after a restart too", async () => {
    const first = await prelogin(t.app, "nobody.here@example.org");
    expect(first.kdf).toEqual({ ...KDF_DEFAULTS, salt: expect.stringMatching(/^[\w-]{22}$/) });
    expect(first.kdf).toMatchObject(KDF_FLOOR);
    expect(await prelogin(t.app, "nobody.here@example.org")).toEqual(first);
    expect(await prelogin(t.app, "  Nobody.Here@Example.org ")).toEqual(first);

    // A second app on the same database: what a restart, or another process, would answer.
    const restarted = await buildApp({
      config: t.config,
      database: t.database,
      clock: t.clock,
      logger: false,
    });
    try {
      expect(await prelogin(restarted, "nobody.here@example.org")).toEqual(first);
    } finally {
      await restarted.close();
    }

    const other = await prelogin(t.app, "nobody.else@example.org");
    expect(other.kdf.salt).not.toBe(first.kdf.salt);
  });
});

describe("sign-up and sign-in by authKey", () => {
  it("refuses key derivation below the floor, naming the fields, and keeps no account", async () => {
    const made = await signupKeys(PASSWORD, deriveOnce, TEST_KDF);
    const email = "weak.kdf@example.org";
    // A client of Mend never offers less than the floor; this is what a tampered one would send.
    const res = await new Client(t.app).post("/api/auth/signup", {
      email,
      name: "Weak",
      authKey: made.authKey,
      kdf: { ...made.kdf, memoryKiB: 1024, iterations: 1 },
      keys: made.keys,
    });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({
      error: {
        code: "invalid_input",
        fields: { "kdf.memoryKiB": expect.any(String), "kdf.iterations": expect.any(String) },
      },
    });
    const after = await new Client(t.app).api.call(accountRoutes.prelogin, { body: { email } });
    expect(after.kdf).toMatchObject(KDF_FLOOR);
  });

  it("answers a wrong password and an unknown e-mail with the same 401", async () => {
    const api = new Client(t.app).api;
    const guess = "not the password at all";
    const login = async (email: string) =>
      failure(
        api.call(accountRoutes.login, {
          body: { email, authKey: await authKeyFor(api, email, guess, deriveOnce) },
        }),
      );
    const wrong = await login(couple.a.email);
    const unknown = await login("nobody.at.all@example.org");
    expect(wrong).toMatchObject({ status: 401, code: "wrong_credentials" });
    expect(unknown).toEqual(wrong);
  });

  it("opens each account only with its own authKey, even one the server accepts elsewhere", async () => {
    // Test people share a salt and a password; these two have their own, as real people do.
    const own = async (name: string, password: string) => {
      const client = new Client(t.app);
      const email = `${name}.${randomBytes(4).toString("hex")}@example.org`;
      await signUp(client.api, { email, name, password }, deriveOnce);
      return { email, password };
    };
    const first = await own("ines", "a first and private sentence");
    const second = await own("jon", "a second and other sentence");
    const api = new Client(t.app).api;
    const keyOf = (who: { email: string; password: string }) =>
      authKeyFor(api, who.email, who.password, deriveOnce);
    await expect(
      api.call(accountRoutes.login, { body: { email: first.email, authKey: await keyOf(second) } }),
    ).rejects.toMatchObject({ status: 401, code: "wrong_credentials" });
    const signedIn = await api.call(accountRoutes.login, {
      body: { email: first.email, authKey: await keyOf(first) },
    });
    expect(signedIn.user.email).toBe(first.email);
  });

  it("hands back boxes the password opens, and an unlock key that lives only with the session", async () => {
    const { a } = couple;
    const device = new Client(t.app);
    const signedIn = await signIn(device.api, { email: a.email, password: PASSWORD }, deriveOnce);
    expect(signedIn.user).toEqual({ id: a.id, email: a.email, name: a.name });
    expect(keyBytes(signedIn.opened)).toEqual(keyBytes(a.opened));

    const keys = await device.api.call(accountRoutes.keys);
    expect(keys.unlockKey).toBe(signedIn.unlockKey);
    const row = await t.database.db
      .selectFrom("users")
      .select(["public_key", "identity_box", "personal_box"])
      .where("id", "=", a.id)
      .executeTakeFirstOrThrow();
    expect(keys).toMatchObject({
      publicKey: row.public_key,
      identity: row.identity_box,
      personal: row.personal_box,
    });
    const { masterKey } = await deriveOnce(PASSWORD, TEST_KDF);
    expect(keyBytes(await openBoxes(masterKey, keys, a.id))).toEqual(keyBytes(a.opened));
    // Each session has its own: the device that signed up holds another.
    const own = await a.client.api.call(accountRoutes.keys);
    expect(own.unlockKey).not.toBe(keys.unlockKey);

    await device.api.call(accountRoutes.logout);
    expect(await failure(device.api.call(accountRoutes.keys))).toMatchObject({ status: 401 });
    const left = await t.database.db
      .selectFrom("sessions")
      .select("id")
      .where("unlock_key", "=", signedIn.unlockKey)
      .execute();
    expect(left).toEqual([]);
  });
});

describe("a new password", () => {
  it("re-seals only the account's keys: every item stays byte for byte, and opens after", async () => {
    const { a, b } = await makeCouple(t.app, ["Changing", "Partner"]);
    const agreement = await makeAgreement(a, "We say when we need a break.");
    await a.client.api.call(talkRoutes.raiseTopic, {
      body: { id: newItemId(), topic: "The weekend at my parents'" },
    });
    const note = "I could not sleep after the call.";
    await a.client.api.call(intensityRoutes.record, {
      body: { id: newItemId(), value: 8, note, visibility: "private" },
    });
    const before = await sealedValues();
    for (const place of ["agreements.text", "parking_lot.topic", "intensity_entries.note"]) {
      expect(before.some((value) => value.startsWith(`${place}: `))).toBe(true);
    }
    const otherDevice = new Client(t.app);
    await signIn(otherDevice.api, { email: a.email, password: PASSWORD }, deriveOnce);

    const wrong = await failure(
      changePassword(
        a.client.api,
        {
          email: a.email,
          currentPassword: "this is not it at all",
          newPassword: NEW_PASSWORD,
          opened: a.opened,
        },
        deriveOnce,
      ),
    );
    expect(wrong).toMatchObject({ status: 400, code: "wrong_password" });

    await changePassword(
      a.client.api,
      { email: a.email, currentPassword: PASSWORD, newPassword: NEW_PASSWORD, opened: a.opened },
      deriveOnce,
    );
    expect((await a.client.api.call(accountRoutes.me)).user.id).toBe(a.id);
    expect(await failure(otherDevice.api.call(accountRoutes.me))).toMatchObject({ status: 401 });
    expect(await sealedValues()).toEqual(before);

    const again = new Client(t.app);
    const signedIn = await signIn(
      again.api,
      { email: a.email, password: NEW_PASSWORD },
      deriveOnce,
    );
    expect(keyBytes(signedIn.opened)).toEqual(keyBytes(a.opened));
    again.keyring = keyringFor(again.api, signedIn.opened);
    const { entries } = await again.api.call(intensityRoutes.overview);
    expect(entries.find((entry) => entry.mine)?.note).toBe(note);
    const { agreements } = await b.client.api.call(agreementRoutes.list);
    expect(agreements.map((x) => x.text)).toEqual([agreement.text]);

    const old = signIn(new Client(t.app).api, { email: a.email, password: PASSWORD }, deriveOnce);
    expect(await failure(old)).toMatchObject({ status: 401, code: "wrong_credentials" });
  });
});

describe("recovery with the code", () => {
  it("gives a new password and a new code; the old code, the old password and old sessions end", async () => {
    const { a } = await makeCouple(t.app, ["Forgot", "Partner"]);
    const note = "Nobody else needs to read this.";
    await a.client.api.call(intensityRoutes.record, {
      body: { id: newItemId(), value: 5, note, visibility: "private" },
    });
    const agreement = await makeAgreement(a, "We check in every Sunday.");

    const device = new Client(t.app);
    const recovered = await recover(
      device.api,
      { email: a.email, code: a.recoveryCode, newPassword: NEW_PASSWORD },
      deriveOnce,
    );
    expect(recovered.user.id).toBe(a.id);
    expect(recovered.recoveryCode).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(recovered.recoveryCode).not.toBe(a.recoveryCode);
    expect(keyBytes(recovered.opened)).toEqual(keyBytes(a.opened));

    device.keyring = keyringFor(device.api, recovered.opened);
    const { entries } = await device.api.call(intensityRoutes.overview);
    expect(entries.find((entry) => entry.mine)?.note).toBe(note);
    const { agreements } = await device.api.call(agreementRoutes.list);
    expect(agreements.map((x) => x.text)).toEqual([agreement.text]);
    expect(await failure(a.client.api.call(accountRoutes.me))).toMatchObject({ status: 401 });

    const api = new Client(t.app).api;
    const proveCode = async (email: string, code: string) => {
      const bytes = parseRecoveryCode(code);
      if (!bytes) throw new Error(`Not a recovery code: ${code}`);
      const { recoveryAuthKey } = await recoveryProof(bytes);
      return failure(api.call(accountRoutes.recoveryKeys, { body: { email, recoveryAuthKey } }));
    };
    const oldCode = await proveCode(a.email, a.recoveryCode);
    expect(oldCode).toMatchObject({ status: 401, code: "wrong_credentials" });
    expect(await proveCode(a.email, formatRecoveryCode(randomBytes(20)))).toEqual(oldCode);
    expect(await proveCode("nobody.recovers@example.org", recovered.recoveryCode)).toEqual(oldCode);

    const fresh = await signIn(
      new Client(t.app).api,
      { email: a.email, password: NEW_PASSWORD },
      deriveOnce,
    );
    expect(keyBytes(fresh.opened)).toEqual(keyBytes(a.opened));
    const old = signIn(new Client(t.app).api, { email: a.email, password: PASSWORD }, deriveOnce);
    expect(await failure(old)).toMatchObject({ status: 401 });
  });
});

/**
 * A client of Mend seals every marked field as it should; these are what a broken or hostile
 * one might send instead, so they go raw, one rule on one route each.
 */
describe("the server takes only envelopes that fit", () => {
  it("refuses plaintext in a sealed field, naming it", async () => {
    const res = await couple.a.client.post("/api/parking-lot", {
      id: newItemId(),
      topic: "The trip in May",
    });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: "invalid_input", fields: { topic: expect.stringMatching(/sealed/) } },
    });
  });

  it("refuses a private note sealed with the couple's key", async () => {
    const shared = (await keyringOf(couple.a).sealBody(intensityRoutes.record.body, {
      id: newItemId(),
      value: 7,
      note: "A hard evening",
      visibility: "couple",
    })) as Record<string, unknown>;
    expect(shared).toMatchObject({ note: expect.stringMatching(/^m1\.s1\./) });
    const res = await couple.a.client.post("/api/intensity", { ...shared, visibility: "private" });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({
      error: { fields: { note: expect.stringMatching(/personal key/) } },
    });
  });

  it("refuses an envelope that seals nothing", async () => {
    const space = await keyringOf(couple.a).spaceKeys();
    const key = space?.keys.get(space.version);
    if (!space || !key) throw new Error("The couple's key is not open.");
    const id = newItemId();
    const text = await seal(
      key,
      `s${space.version}`,
      `item|${space.coupleId}|agreement|${id}|text`,
      utf8(""),
    );
    const res = await couple.a.client.post("/api/agreements", { id, category: "talk", text });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({
      error: { fields: { text: expect.stringMatching(/empty/) } },
    });
  });

  it("refuses an item id the client did not make as the protocol says", async () => {
    const body = await keyringOf(couple.a).sealBody(stressorRoutes.add.body, {
      id: "item-1",
      text: "Work is loud this month",
      plan: "reduce",
    });
    const res = await couple.a.client.post("/api/stressors", body);
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: { fields: { id: expect.any(String) } } });
  });

  it("answers a reused item id with 409 and keeps the first item", async () => {
    const { api } = couple.a.client;
    const id = newItemId();
    await api.call(talkRoutes.raiseTopic, { body: { id, topic: "First topic" } });
    const again = api.call(talkRoutes.raiseTopic, { body: { id, topic: "Second topic" } });
    expect(await failure(again)).toMatchObject({ status: 409, code: "id_taken" });
    const { items } = await api.call(talkRoutes.parkingLot);
    expect(items.filter((item) => item.id === id).map((item) => item.topic)).toEqual([
      "First topic",
    ]);
  });
});
