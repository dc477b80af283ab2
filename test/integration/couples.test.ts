import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoupleView } from "../../src/contracts/couples.ts";
import { makeAgreement, makeCouple, makePerson } from "../support/factories.ts";
import { Client, makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const DAY = 86_400_000;

async function startCouple(name = "Ash") {
  const person = await makePerson(t.app, name);
  const res = await person.client.post("/api/couples", { stance: "both" });
  expect(res.status).toBe(201);
  const body = res.json<{
    couple: { id: string; phase: string };
    invite: { token: string; url: string };
  }>();
  return { person, ...body };
}

describe("starting a couple and inviting the partner", () => {
  it("creates a couple in Stabilize with a one-time invite link", async () => {
    const { couple, invite, person } = await startCouple();
    expect(couple.phase).toBe("stabilize");
    expect(invite.url).toBe(`http://localhost:3000/join/${invite.token}`);
    expect(invite.token.length).toBeGreaterThanOrEqual(43);
    const me = await person.client.get("/api/me");
    expect(me.json()).toMatchObject({ couple: { id: couple.id, phase: "stabilize" } });
    const again = await person.client.post("/api/couples", { stance: "hurt" });
    expect(again.status).toBe(409);
    const stored = await t.database.db.selectFrom("invites").select("token_hash").execute();
    expect(stored.some((row) => row.token_hash === invite.token)).toBe(false);
  });

  it("rejects a made-up stance with a field error", async () => {
    const person = await makePerson(t.app);
    const res = await person.client.post("/api/couples", { stance: "victim" });
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: { fields: { stance: expect.any(String) } } });
  });

  it("shows who invited, lets the partner join once, and then the couple is full", async () => {
    const { invite, person } = await startCouple("Quinn");
    const preview = await new Client(t.app).get(`/api/invites/${invite.token}`);
    expect(preview.json()).toMatchObject({ invitedBy: "Quinn" });

    const own = await person.client.post(`/api/invites/${invite.token}/accept`, { stance: "hurt" });
    expect(own.status).toBe(409);
    expect(own.json()).toMatchObject({ error: { code: "own_invite" } });

    const signedOut = await new Client(t.app).post(`/api/invites/${invite.token}/accept`, {
      stance: "hurt",
    });
    expect(signedOut.status).toBe(401);

    const partner = await makePerson(t.app, "Rene");
    const joined = await partner.client.post(`/api/invites/${invite.token}/accept`, {
      stance: "broke-trust",
    });
    expect(joined.status).toBe(200);
    expect(joined.json()).toMatchObject({ couple: { phase: "stabilize" } });

    const late = await makePerson(t.app, "Late");
    const reused = await late.client.post(`/api/invites/${invite.token}/accept`, {
      stance: "hurt",
    });
    expect(reused.status).toBe(409);
    expect(reused.json()).toMatchObject({ error: { code: "invite_used" } });
    expect((await new Client(t.app).get(`/api/invites/${invite.token}`)).status).toBe(404);
    const fresh = await person.client.post("/api/couple/invite");
    expect(fresh.status).toBe(409);
    expect(fresh.json()).toMatchObject({ error: { code: "couple_full" } });
  });

  it("answers 404 for unknown, replaced and expired links", async () => {
    const someone = await makePerson(t.app, "Jules");
    expect(
      (await someone.client.post("/api/invites/not-a-token/accept", { stance: "hurt" })).status,
    ).toBe(404);

    const { invite, person } = await startCouple("Sky");
    const renewed = await person.client.post("/api/couple/invite");
    expect(renewed.status).toBe(201);
    const replaced = await someone.client.post(`/api/invites/${invite.token}/accept`, {
      stance: "hurt",
    });
    expect(replaced.status).toBe(404);

    t.clock.advance(8 * DAY);
    const newToken = renewed.json<{ invite: { token: string } }>().invite.token;
    const expired = await someone.client.post(`/api/invites/${newToken}/accept`, {
      stance: "hurt",
    });
    expect(expired.status).toBe(404);
  });

  it("refuses a second couple for someone already in one", async () => {
    const { a } = await makeCouple(t.app);
    const { invite } = await startCouple("Pat");
    const res = await a.client.post(`/api/invites/${invite.token}/accept`, { stance: "hurt" });
    expect(res.status).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: "already_in_couple" } });
  });
});

describe("the couple view", () => {
  it("shows both partners but each stance only to its owner", async () => {
    const { a, b } = await makeCouple(t.app);
    const aView = (await a.client.get("/api/couple")).json<CoupleView>();
    const bView = (await b.client.get("/api/couple")).json<CoupleView>();
    expect(aView.partners.map((p) => p.name).sort()).toEqual(["Kai", "Robin"]);
    expect(aView.me.stance).toBe("hurt");
    expect(bView.me.stance).toBe("broke-trust");
    expect(JSON.stringify(bView)).not.toContain("hurt");
    expect(JSON.stringify(aView)).not.toContain("broke-trust");
  });

  it("keeps 'safe enough' private: the partner's view is byte-for-byte the same", async () => {
    const { a, b } = await makeCouple(t.app);
    const before = (await b.client.get("/api/couple")).raw;
    expect((await a.client.post("/api/couple/safe-enough", { safeEnough: true })).status).toBe(204);
    const after = (await b.client.get("/api/couple")).raw;
    expect(after).toBe(before);
    const mine = (await a.client.get("/api/couple")).json<CoupleView>();
    expect(mine.me.safeEnough).toBe(true);
    expect(mine.readiness.items.find((i) => i.key === "safe-enough")?.met).toBe(true);
  });

  it("computes readiness from the couple's agreements", async () => {
    const { a, b } = await makeCouple(t.app);
    const item = async () =>
      (await a.client.get("/api/couple"))
        .json<CoupleView>()
        .readiness.items.find((i) => i.key === "agreement-accepted");
    expect((await item())?.met).toBe(false);
    const agreement = await makeAgreement(a);
    expect((await item())?.met).toBe(false);
    await b.client.post(`/api/agreements/${agreement.id}/accept`);
    expect(await item()).toMatchObject({ met: true, detail: "1 agreement in place." });
  });

  it("answers 404 for someone without a couple and 401 when signed out", async () => {
    const alone = await makePerson(t.app);
    expect((await alone.client.get("/api/couple")).status).toBe(404);
    expect((await new Client(t.app).get("/api/couple")).status).toBe(401);
  });
});

describe("moving between phases", () => {
  it("moves forward only when both agree, and back at once with a reason", async () => {
    const { a, b } = await makeCouple(t.app);
    const proposed = await a.client.post("/api/couple/phase", {
      to: "meaning",
      reason: "Calmer evenings now.",
    });
    expect(proposed.status).toBe(202);
    expect(proposed.json()).toEqual({ pending: { to: "meaning", proposedBy: a.id } });

    const twice = await a.client.post("/api/couple/phase", { to: "meaning" });
    expect(twice.status).toBe(409);
    expect((await b.client.get("/api/couple")).json<CoupleView>().pendingPhase).toMatchObject({
      to: "meaning",
      proposedBy: a.id,
      reason: "Calmer evenings now.",
    });

    const confirmed = await b.client.post("/api/couple/phase", { to: "meaning" });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json()).toEqual({ phase: "meaning" });

    t.clock.advance(DAY);
    const back = await b.client.post("/api/couple/phase", {
      to: "stabilize",
      reason: "A hard week.",
    });
    expect(back.status).toBe(200);
    expect(back.json()).toEqual({ phase: "stabilize" });

    const view = (await a.client.get("/api/couple")).json<CoupleView>();
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

  it("lets the other partner say 'not yet' and the proposer withdraw", async () => {
    const { a, b } = await makeCouple(t.app);
    await a.client.post("/api/couple/phase", { to: "meaning" });
    expect((await b.client.delete("/api/couple/phase/pending")).status).toBe(204);
    expect((await a.client.get("/api/couple")).json<CoupleView>().pendingPhase).toBeNull();
    expect((await a.client.delete("/api/couple/phase/pending")).status).toBe(404);
    await b.client.post("/api/couple/phase", { to: "meaning" });
    expect((await b.client.delete("/api/couple/phase/pending")).status).toBe(204);
    expect((await a.client.get("/api/couple")).json<CoupleView>().phase).toBe("stabilize");
  });

  it("needs the partner to have joined before moving forward, and refuses the same phase", async () => {
    const { person } = await startCouple("Solo");
    const forward = await person.client.post("/api/couple/phase", { to: "meaning" });
    expect(forward.status).toBe(409);
    expect(forward.json()).toMatchObject({ error: { code: "partner_not_joined" } });
    const same = await person.client.post("/api/couple/phase", { to: "stabilize" });
    expect(same.status).toBe(409);
    const unknown = await person.client.post("/api/couple/phase", { to: "done" });
    expect(unknown.status).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { fields: { to: expect.any(String) } } });
  });

  it("a partner's own proposal of a different phase replaces the other's pending one", async () => {
    const { a, b } = await makeCouple(t.app);
    await a.client.post("/api/couple/phase", { to: "rebuild" });
    const counter = await b.client.post("/api/couple/phase", { to: "meaning" });
    expect(counter.status).toBe(202);
    const done = await a.client.post("/api/couple/phase", { to: "meaning" });
    expect(done.json()).toEqual({ phase: "meaning" });
  });
});

describe("leaving by deleting an account", () => {
  it("keeps the couple for the partner who stays, without the one who left", async () => {
    const { a, b } = await makeCouple(t.app);
    await makeAgreement(b, "I will say when I need a break instead of walking out.");
    expect(
      (await b.client.delete("/api/account", { password: "a long and quiet evening" })).status,
    ).toBe(204);
    const view = (await a.client.get("/api/couple")).json<CoupleView>();
    expect(view.partners.map((p) => p.id)).toEqual([a.id]);
    const list = await a.client.get("/api/agreements");
    expect(list.raw).not.toContain("walking out");
  });

  it("takes their words from what the couple keeps, so a later partner never reads them", async () => {
    const { a, b } = await makeCouple(t.app);
    const agreement = await makeAgreement(a, "We keep Sunday mornings for the two of us.");
    await b.client.post(`/api/agreements/${agreement.id}/accept`);
    await b.client.post(`/api/agreements/${agreement.id}/review`, {
      outcome: "keep",
      note: "LEFTOVER-NOTE",
    });
    await b.client.post("/api/couple/phase", { to: "meaning", reason: "LEFTOVER-REASON" });
    await a.client.post("/api/couple/phase", { to: "meaning" });
    await b.client.post("/api/couple/phase", { to: "stabilize", reason: "LEFTOVER-BACK" });
    const person = (await a.client.post("/api/circle", { name: "Noor", relation: "friend" })).json<{
      person: { id: string };
    }>().person;
    await b.client.post(`/api/circle/${person.id}/concern`, { concern: "LEFTOVER-CONCERN" });
    expect(
      (await b.client.delete("/api/account", { password: "a long and quiet evening" })).status,
    ).toBe(204);

    const invite = (await a.client.post("/api/couple/invite")).json<{ invite: { token: string } }>()
      .invite;
    const next = await makePerson(t.app, "Next");
    await next.client.post(`/api/invites/${invite.token}/accept`, { stance: "both" });
    const seen = [
      (await next.client.get("/api/couple")).raw,
      (await next.client.get(`/api/agreements/${agreement.id}`)).raw,
      (await next.client.get("/api/circle")).raw,
      (await a.client.get("/api/couple")).raw,
    ].join("\n");
    expect(seen).not.toContain("LEFTOVER");
  });
});
