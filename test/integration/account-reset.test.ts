import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passwordProof } from "../../src/client/crypto/account-keys.ts";
import { isUnopened, UNOPENED } from "../../src/client/sealing.ts";
import { grantPartner, keyringFor, resetWithLink, signIn } from "../../src/client/session.ts";
import { accountRoutes } from "../../src/contracts/account.ts";
import { coupleRoutes } from "../../src/contracts/couples.ts";
import { intensityRoutes } from "../../src/contracts/intensity.ts";
import { talkRoutes } from "../../src/contracts/talks.ts";
import { accountService } from "../../src/server/features/account/account.service.ts";
import { accountStore } from "../../src/server/features/account/account.store.ts";
import { rateLimits } from "../../src/server/platform/rate-limit.ts";
import { sessionStore } from "../../src/server/platform/session.store.ts";
import {
  type Couple,
  deriveOnce,
  makeCouple,
  newItemId,
  PASSWORD,
  TEST_KDF,
} from "../support/factories.ts";
import { Client, makeTestApp, type TestApp } from "../support/test-app.ts";

/**
 * Lost password and recovery code: the operator's one-time link restores sign-in with new keys.
 * What the person kept private stays sealed for good (shown as such, never as an error); what
 * the couple shares comes back when the partner grants it again.
 */
let t: TestApp;
let couple: Couple;
let operator: ReturnType<typeof accountService>;
const NEW_PASSWORD = "a new and different evening";

beforeAll(async () => {
  t = await makeTestApp();
  couple = await makeCouple(t.app);
  const { db } = t.database;
  operator = accountService(
    { clock: t.clock, config: t.config, limits: rateLimits(db) },
    accountStore(db),
    sessionStore(db),
  );
}, 60_000);
afterAll(() => t.close());

const tokenOf = (link: string) => link.split("/reset/")[1] ?? "";

describe("an account reset without the recovery code", () => {
  it("restores sign-in with new keys; private words stay sealed, shared ones come back by the partner", async () => {
    const { a, b } = couple;
    await a.client.api.call(intensityRoutes.record, {
      body: {
        id: newItemId(),
        value: 6,
        note: "only for me, before the reset",
        visibility: "private",
      },
    });
    const { item } = await a.client.api.call(talkRoutes.raiseTopic, {
      body: { id: newItemId(), topic: "shared before the reset" },
    });
    const oldSession = a.client;

    const link = await operator.createResetLink(a.email);
    expect(link).toMatch(/\/reset\/[\w-]{43}$/);
    const device = new Client(t.app);
    const reset = await resetWithLink(
      device.api,
      { token: tokenOf(link), newPassword: NEW_PASSWORD },
      deriveOnce,
    );
    device.keyring = keyringFor(device.api, reset.opened);
    expect(reset.recoveryCode).not.toBe(a.recoveryCode);
    // Every earlier session ended, and the link works once.
    await expect(oldSession.api.call(accountRoutes.me)).rejects.toMatchObject({ status: 401 });
    await expect(
      resetWithLink(
        new Client(t.app).api,
        { token: tokenOf(link), newPassword: NEW_PASSWORD },
        deriveOnce,
      ),
    ).rejects.toMatchObject({ status: 404 });
    const { authKey: oldKey } = await passwordProof(PASSWORD, TEST_KDF, deriveOnce);
    await expect(
      new Client(t.app).api.call(accountRoutes.login, {
        body: { email: a.email, authKey: oldKey },
      }),
    ).rejects.toMatchObject({ status: 401 });

    // The private note is marked, not an error; the shared topic waits for the partner.
    const mine = (await device.api.call(intensityRoutes.overview, {})).entries.filter(
      (e) => e.mine,
    );
    expect(mine.map((e) => e.note)).toEqual([UNOPENED.earlierKeys]);
    const before = (await device.api.call(talkRoutes.parkingLot)).items;
    expect(before.find((x) => x.id === item.id)?.topic).toBe(UNOPENED.notGranted);
    await expect(
      device.api.call(talkRoutes.raiseTopic, { body: { id: newItemId(), topic: "too soon" } }),
    ).rejects.toMatchObject({ status: 409, code: "not_granted" });

    const seenByB = await b.client.api.call(coupleRoutes.view);
    const reseted = seenByB.partners.find((p) => p.id === a.id);
    expect(reseted).toMatchObject({ hasSpaceKey: false, publicKey: expect.any(String) });
    expect(seenByB.partners.find((p) => p.id === b.id)?.hasSpaceKey).toBe(true);

    const keyring = b.client.keyring;
    if (!keyring || !reseted) throw new Error("the partner is unlocked and sees the reset");
    await grantPartner(b.client.api, keyring, reseted);
    await expect(grantPartner(b.client.api, keyring, reseted)).rejects.toMatchObject({
      status: 409,
      code: "already_granted",
    });

    device.keyring?.forgetSpace();
    const after = (await device.api.call(talkRoutes.parkingLot)).items;
    expect(after.find((x) => x.id === item.id)?.topic).toBe("shared before the reset");
    expect(after.some((x) => isUnopened(x.topic))).toBe(false);
    expect((await device.api.call(coupleRoutes.view)).me).toBeDefined();
    expect((await device.api.call(coupleRoutes.view)).partners.every((p) => p.hasSpaceKey)).toBe(
      true,
    );

    // And the new password is the one that signs in, with keys that open the same way.
    const again = new Client(t.app);
    const signedIn = await signIn(
      again.api,
      { email: a.email, password: NEW_PASSWORD },
      deriveOnce,
    );
    expect(signedIn.opened.identity.publicKey).toEqual(reset.opened.identity.publicKey);
  });

  it("lets no one else grant: not oneself, not another couple, not to a stranger", async () => {
    const other = await makeCouple(t.app, ["Lee", "Noa"]);
    const stranger = { id: other.a.id, publicKey: "" };
    const keyring = couple.b.client.keyring;
    if (!keyring) throw new Error("unlocked");
    const view = await couple.b.client.api.call(coupleRoutes.view);
    const self = view.partners.find((p) => p.id === couple.b.id);
    if (!self) throw new Error("listed");
    // To a person outside the couple: as if they did not exist.
    stranger.publicKey = self.publicKey;
    await expect(grantPartner(couple.b.client.api, keyring, stranger)).rejects.toMatchObject({
      status: 404,
    });
    await expect(grantPartner(couple.b.client.api, keyring, self)).rejects.toMatchObject({
      status: 404,
    });
  });

  it("has no link for an unknown e-mail", async () => {
    await expect(operator.createResetLink("nobody@example.org")).rejects.toMatchObject({
      status: 404,
    });
  });
});
