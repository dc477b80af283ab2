import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantTo, openOwnGrant } from "../../src/client/crypto/account-keys.ts";
import { b64 } from "../../src/client/crypto/encoding.ts";
import {
  authKeyFor,
  newInviteLink,
  openInviteLink,
  secretFromFragment,
} from "../../src/client/session.ts";
import { accountRoutes } from "../../src/contracts/account.ts";
import { agreementRoutes } from "../../src/contracts/agreements.ts";
import { circleRoutes } from "../../src/contracts/circle.ts";
import { coupleRoutes } from "../../src/contracts/couples.ts";
import type { Phase } from "../../src/domain/phases.ts";
import {
  deriveOnce,
  joinSpace,
  makeAgreement,
  makeCouple,
  makePerson,
  newItemId,
  PASSWORD,
  type Person,
  startSpace,
} from "../support/factories.ts";
import { Client, makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const DAY = 86_400_000;

async function started(name = "Ash") {
  const person = await makePerson(t.app, name);
  return { person, ...(await startSpace(person, "both")) };
}

const preview = (token: string) =>
  new Client(t.app).api.call(coupleRoutes.previewInvite, { params: { token } });

/** The space key a link's fragment opens, as the partner's browser would open it. */
async function keyOfLink(link: string) {
  const url = new URL(link);
  const token = url.pathname.split("/").pop() ?? "";
  const key = await openInviteLink(await preview(token), secretFromFragment(url.hash));
  return key && b64(key);
}

/** The current space key as the person's own grant opens it. */
async function keyOfGrant(person: Person) {
  const { coupleId, version, grants } = await person.client.api.call(coupleRoutes.keys);
  const grant = grants.find((g) => g.version === version)?.grant ?? "";
  return b64(await openOwnGrant(person.opened, coupleId, version, grant));
}

/** A well-formed acceptance, so that each refusal below is about the link or the caller alone. */
async function accept(client: Client, person: Person, token: string) {
  const grant = await grantTo(
    person.opened.identity.publicKey,
    "x",
    1,
    person.id,
    new Uint8Array(32),
  );
  return client.api.call(coupleRoutes.acceptInvite, {
    params: { token },
    body: { stance: "hurt", grant },
  });
}

const newLink = (person: Person) => {
  const keyring = person.client.keyring;
  if (!keyring) throw new Error(`${person.name}'s keys are not open`);
  return newInviteLink(person.client.api, keyring);
};

/** A move as the app makes it: a reason is sealed under an id of its own. */
const move = (person: Person, to: Phase, reason?: string) =>
  person.client.api.call(coupleRoutes.changePhase, {
    body: { to, ...(reason ? { reasonId: newItemId(), reason } : {}) },
  });

const deleteAccount = async (person: Person) =>
  person.client.api.call(accountRoutes.deleteAccount, {
    body: { authKey: await authKeyFor(person.client.api, person.email, PASSWORD, deriveOnce) },
  });

describe("starting a couple and inviting the partner", () => {
  it("creates a couple in Stabilize with a one-time invite link whose secret stays in the browser", async () => {
    const { couple, invite, link, person } = await started();
    expect(couple.phase).toBe("stabilize");
    expect(invite.url).toBe(`http://localhost:3000/join/${invite.token}`);
    expect(invite.token.length).toBeGreaterThanOrEqual(43);
    const secret = secretFromFragment(new URL(link).hash);
    expect(link).toBe(`${invite.url}#k=${secret}`);
    const me = await person.client.api.call(accountRoutes.me);
    expect(me.couple).toEqual({ id: couple.id, phase: "stabilize" });
    await expect(startSpace(person, "hurt")).rejects.toMatchObject({
      status: 409,
      code: "already_in_couple",
    });
    const stored = await t.database.db.selectFrom("invites").selectAll().execute();
    const raw = JSON.stringify(stored);
    expect(raw).not.toContain(invite.token);
    expect(raw).not.toContain(secret);
  });

  it("rejects a made-up stance with a field error", async () => {
    const person = await makePerson(t.app);
    await expect(startSpace(person, "victim" as never)).rejects.toMatchObject({
      status: 400,
      fields: { stance: expect.any(String) },
    });
  });

  it("shows who invited, lets the partner join once with the link's secret, and then the couple is full", async () => {
    const { couple, invite, link, person } = await started("Quinn");
    expect(await preview(invite.token)).toMatchObject({
      invitedBy: "Quinn",
      coupleId: couple.id,
      keyVersion: 1,
      inviteBox: expect.stringMatching(/^m1\.i\./),
    });
    const spaceKey = await keyOfLink(link);
    expect(spaceKey).toBe(await keyOfGrant(person));

    await expect(joinSpace(person, link, "hurt")).rejects.toMatchObject({
      status: 409,
      code: "own_invite",
    });
    await expect(accept(new Client(t.app), person, invite.token)).rejects.toMatchObject({
      status: 401,
    });

    const partner = await makePerson(t.app, "Rene");
    expect(await joinSpace(partner, link)).toEqual({
      couple: { id: couple.id, phase: "stabilize" },
    });
    expect(await keyOfGrant(partner)).toBe(spaceKey);

    const late = await makePerson(t.app, "Late");
    await expect(accept(late.client, late, invite.token)).rejects.toMatchObject({
      status: 409,
      code: "invite_used",
    });
    // The used link's box is gone: the space key is no longer to be had from it.
    await expect(preview(invite.token)).rejects.toMatchObject({ status: 404 });
    await expect(newLink(person)).rejects.toMatchObject({ status: 409, code: "couple_full" });
  });

  it("answers 404 for unknown, replaced and expired links", async () => {
    const someone = await makePerson(t.app, "Jules");
    await expect(accept(someone.client, someone, "not-a-token")).rejects.toMatchObject({
      status: 404,
    });

    const { invite, person } = await started("Sky");
    const renewed = await newLink(person);
    await expect(preview(invite.token)).rejects.toMatchObject({ status: 404 });
    await expect(accept(someone.client, someone, invite.token)).rejects.toMatchObject({
      status: 404,
    });
    expect(await keyOfLink(renewed.link)).toBe(await keyOfGrant(person));

    t.clock.advance(8 * DAY);
    await expect(preview(renewed.invite.token)).rejects.toMatchObject({ status: 404 });
    await expect(accept(someone.client, someone, renewed.invite.token)).rejects.toMatchObject({
      status: 404,
    });
  });

  it("refuses a second couple for someone already in one", async () => {
    const { a } = await makeCouple(t.app);
    const { link } = await started("Pat");
    await expect(joinSpace(a, link, "hurt")).rejects.toMatchObject({
      status: 409,
      code: "already_in_couple",
    });
  });
});

describe("the couple view", () => {
  it("shows both partners with their public keys, but each stance only to its owner", async () => {
    const { a, b } = await makeCouple(t.app);
    const aView = await a.client.api.call(coupleRoutes.view);
    const bView = await b.client.api.call(coupleRoutes.view);
    const byId = (x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id);
    const partners = [a, b]
      .map((p) => ({
        id: p.id,
        name: p.name,
        publicKey: b64(p.opened.identity.publicKey),
        hasSpaceKey: true,
      }))
      .sort(byId);
    expect([...aView.partners].sort(byId)).toEqual(partners);
    expect([...bView.partners].sort(byId)).toEqual(partners);
    expect(aView.me.stance).toBe("hurt");
    expect(bView.me.stance).toBe("broke-trust");
    expect(JSON.stringify(bView)).not.toContain('"hurt"');
    expect(JSON.stringify(aView)).not.toContain('"broke-trust"');
  });

  it("keeps 'safe enough' private: the partner's view is byte-for-byte the same", async () => {
    const { a, b } = await makeCouple(t.app);
    const before = (await b.client.get("/api/couple")).raw;
    await a.client.api.call(coupleRoutes.safeEnough, { body: { safeEnough: true } });
    const after = (await b.client.get("/api/couple")).raw;
    expect(after).toBe(before);
    const mine = await a.client.api.call(coupleRoutes.view);
    expect(mine.me.safeEnough).toBe(true);
    expect(mine.readiness.items.find((i) => i.key === "safe-enough")?.met).toBe(true);
  });

  it("computes readiness from the couple's agreements", async () => {
    const { a, b } = await makeCouple(t.app);
    const item = async () =>
      (await a.client.api.call(coupleRoutes.view)).readiness.items.find(
        (i) => i.key === "agreement-accepted",
      );
    expect((await item())?.met).toBe(false);
    const agreement = await makeAgreement(a);
    expect((await item())?.met).toBe(false);
    await b.client.api.call(agreementRoutes.accept, { params: { id: agreement.id } });
    expect(await item()).toMatchObject({ met: true, detail: "1 agreement in place." });
  });

  it("answers 404 for someone without a couple and 401 when signed out", async () => {
    const alone = await makePerson(t.app);
    await expect(alone.client.api.call(coupleRoutes.view)).rejects.toMatchObject({ status: 404 });
    await expect(new Client(t.app).api.call(coupleRoutes.view)).rejects.toMatchObject({
      status: 401,
    });
  });
});

describe("moving between phases", () => {
  it("moves forward only when both agree, and back at once with a reason", async () => {
    const { a, b } = await makeCouple(t.app);
    expect(await move(a, "meaning", "Calmer evenings now.")).toEqual({
      pending: { to: "meaning", proposedBy: a.id },
    });
    await expect(move(a, "meaning")).rejects.toMatchObject({
      status: 409,
      code: "already_proposed",
    });
    expect((await b.client.api.call(coupleRoutes.view)).pendingPhase).toMatchObject({
      to: "meaning",
      proposedBy: a.id,
      reason: "Calmer evenings now.",
    });

    expect(await move(b, "meaning")).toEqual({ phase: "meaning" });

    t.clock.advance(DAY);
    expect(await move(b, "stabilize", "A hard week.")).toEqual({ phase: "stabilize" });

    const view = await a.client.api.call(coupleRoutes.view);
    expect(view.phase).toBe("stabilize");
    expect(view.pendingPhase).toBeNull();
    expect(
      view.phaseHistory.map((h) => [h.from, h.to, h.direction, h.by, h.confirmedBy, h.reason]),
    ).toEqual([
      [null, "stabilize", "start", a.id, null, null],
      ["stabilize", "meaning", "forward", a.id, b.id, "Calmer evenings now."],
      ["meaning", "stabilize", "back", b.id, null, "A hard week."],
    ]);
  });

  it("takes a reason only sealed, and only with the id it was sealed under", async () => {
    const { a } = await makeCouple(t.app);
    const keyring = a.client.keyring;
    if (!keyring) throw new Error("a's keys are not open");
    // Sent without the id its context names, the reason could never be opened again.
    const { reasonId: _, ...withoutId } = (await keyring.sealBody(coupleRoutes.changePhase.body, {
      to: "meaning",
      reasonId: newItemId(),
      reason: "Calmer evenings now.",
    })) as Record<string, unknown>;
    const unnamed = await a.client.post("/api/couple/phase", withoutId);
    expect(unnamed.status).toBe(400);
    expect(unnamed.json()).toMatchObject({ error: { fields: { reasonId: expect.any(String) } } });

    const plaintext = await a.client.post("/api/couple/phase", {
      to: "meaning",
      reasonId: newItemId(),
      reason: "Calmer evenings now.",
    });
    expect(plaintext.status).toBe(400);
    expect(plaintext.json()).toMatchObject({ error: { fields: { reason: expect.any(String) } } });
    await expect(move(a, "meaning", " ")).rejects.toMatchObject({
      status: 400,
      fields: { reason: expect.any(String) },
    });
    expect((await a.client.api.call(coupleRoutes.view)).pendingPhase).toBeNull();
  });

  it("lets the other partner say 'not yet' and the proposer withdraw", async () => {
    const { a, b } = await makeCouple(t.app);
    const cancel = (person: Person) => person.client.api.call(coupleRoutes.cancelPendingPhase);
    await move(a, "meaning");
    await cancel(b);
    expect((await a.client.api.call(coupleRoutes.view)).pendingPhase).toBeNull();
    await expect(cancel(a)).rejects.toMatchObject({ status: 404 });
    await move(b, "meaning");
    await cancel(b);
    expect((await a.client.api.call(coupleRoutes.view)).phase).toBe("stabilize");
  });

  it("needs the partner to have joined before moving forward, and refuses the same phase", async () => {
    const { person } = await started("Solo");
    await expect(move(person, "meaning")).rejects.toMatchObject({
      status: 409,
      code: "partner_not_joined",
    });
    await expect(move(person, "stabilize")).rejects.toMatchObject({
      status: 409,
      code: "same_phase",
    });
    await expect(move(person, "done" as Phase)).rejects.toMatchObject({
      status: 400,
      fields: { to: expect.any(String) },
    });
  });

  it("a partner's own proposal of a different phase replaces the other's pending one", async () => {
    const { a, b } = await makeCouple(t.app);
    await move(a, "rebuild");
    expect(await move(b, "meaning")).toEqual({ pending: { to: "meaning", proposedBy: b.id } });
    expect(await move(a, "meaning")).toEqual({ phase: "meaning" });
  });
});

describe("leaving by deleting an account", () => {
  it("keeps the couple for the partner who stays, without the one who left", async () => {
    const { a, b } = await makeCouple(t.app);
    await makeAgreement(b, "I will say when I need a break instead of walking out.");
    await deleteAccount(b);
    const view = await a.client.api.call(coupleRoutes.view);
    expect(view.partners.map((p) => p.id)).toEqual([a.id]);
    expect((await a.client.api.call(agreementRoutes.list)).agreements).toEqual([]);
  });

  it("takes their words from what the couple keeps, so a later partner never reads them", async () => {
    const { a, b } = await makeCouple(t.app);
    const agreement = await makeAgreement(a, "We keep Sunday mornings for the two of us.");
    await b.client.api.call(agreementRoutes.accept, { params: { id: agreement.id } });
    await b.client.api.call(agreementRoutes.review, {
      params: { id: agreement.id },
      body: { id: newItemId(), outcome: "keep", note: "LEFTOVER-NOTE" },
    });
    await move(b, "meaning", "LEFTOVER-REASON");
    await move(a, "meaning");
    await move(b, "stabilize", "LEFTOVER-BACK");
    const { person } = await a.client.api.call(circleRoutes.add, {
      body: { id: newItemId(), name: "Noor", relation: "friend" },
    });
    await b.client.api.call(circleRoutes.concern, {
      params: { id: person.id },
      body: { concern: "LEFTOVER-CONCERN" },
    });
    await deleteAccount(b);

    // The next partner holds the same space key, so whatever was left would open for them.
    const next = await makePerson(t.app, "Next");
    await joinSpace(next, (await newLink(a)).link, "both");
    expect(await keyOfGrant(next)).toBe(await keyOfGrant(a));
    const detail = await next.client.api.call(agreementRoutes.get, {
      params: { id: agreement.id },
    });
    const circle = await next.client.api.call(circleRoutes.list);
    expect(detail.agreement.text).toBe("We keep Sunday mornings for the two of us.");
    expect(circle.people.map((p) => p.name)).toEqual(["Noor"]);
    const seen = JSON.stringify([
      await next.client.api.call(coupleRoutes.view),
      detail,
      circle,
      await a.client.api.call(coupleRoutes.view),
    ]);
    expect(seen).not.toContain("LEFTOVER");
  });
});
