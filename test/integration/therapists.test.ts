import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Keyring } from "../../src/client/sealing.ts";
import {
  grantTherapist,
  readSharedCouple,
  rotateSpaceKey,
  signIn,
  signUpTherapist,
} from "../../src/client/session.ts";
import { hurtRoutes } from "../../src/contracts/hurt.ts";
import { intensityRoutes } from "../../src/contracts/intensity.ts";
import { signalRoutes } from "../../src/contracts/signals.ts";
import { storyRoutes } from "../../src/contracts/story.ts";
import { talkRoutes } from "../../src/contracts/talks.ts";
import { therapistRoutes } from "../../src/contracts/therapists.ts";
import { buildApp } from "../../src/server/app.ts";
import { auditOf, chainProblems } from "../../src/server/platform/audit.ts";
import {
  type Couple,
  deriveOnce,
  makeCouple,
  newItemId,
  PASSWORD,
  type Person,
} from "../support/factories.ts";
import { Client, makeTestApp, type TestApp } from "../support/test-app.ts";
import { inviteTherapist, makeTherapist, type Therapist, totpCode } from "../support/therapists.ts";

/**
 * The therapist workspace through HTTP: an operator's invite, the second factor, linking by both
 * partners and the therapist, a grant after the fingerprint, the couple view of what was shared
 * with the therapist alone, sealed notes, the audit chain the couple reads, and unlinking with a
 * new space key.
 */
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const PRIVATE_CANARY = "CANARY-private-intensity-note";
const COUPLE_CANARY = "CANARY-couple-intensity-note";
const SHARED_WORDS = "I felt the floor go from under me.";

function keys(person: Person): Keyring {
  if (!person.client.keyring) throw new Error(`${person.name} holds no keys`);
  return person.client.keyring;
}

async function linked(): Promise<{ couple: Couple; therapist: Therapist; linkId: string }> {
  const couple = await makeCouple(t.app);
  const therapist = await makeTherapist(t);
  const { link } = await couple.a.client.api.call(therapistRoutes.propose, {
    body: { email: therapist.email },
  });
  await couple.b.client.api.call(therapistRoutes.consent, { params: { linkId: link.id } });
  await therapist.client.api.call(therapistRoutes.accept, { params: { linkId: link.id } });
  return { couple, therapist, linkId: link.id };
}

describe("therapist accounts", () => {
  it("come only from an operator's one-time link, and need the second factor first", async () => {
    const email = `solo.${process.pid}@example.org`;
    const token = await inviteTherapist(t, email);
    const visitor = new Client(t.app);
    const preview = await visitor.get(`/api/therapists/invites/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.json()).toMatchObject({ email });

    const made = await signUpTherapist(
      visitor.api,
      { token, email, name: "Dr. Solo", password: PASSWORD },
      deriveOnce,
    );
    expect(made.user.role).toBe("therapist");
    expect(made.totp.uri).toMatch(/^otpauth:\/\/totp\/.+secret=/);
    expect(made.totp.recoveryCodes).toHaveLength(8);

    const me = (await visitor.get("/api/me")).json<{ needsSecondFactor: boolean }>();
    expect(me.needsSecondFactor).toBe(true);
    const before = await visitor.get("/api/therapist/couples");
    expect(before.status).toBe(401);
    expect(before.json()).toMatchObject({ error: { code: "second_factor_required" } });

    const wrong = await visitor.post("/api/auth/totp", { code: "000000" });
    expect(wrong.status).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: "wrong_code" } });
    const right = await visitor.post("/api/auth/totp", {
      code: totpCode(made.totp.secret, t.clock.now()),
    });
    expect(right.status).toBe(204);
    expect((await visitor.get("/api/therapist/couples")).json()).toEqual({ couples: [] });

    // The link is used up; a second sign-up with it finds nothing.
    expect((await visitor.get(`/api/therapists/invites/${token}`)).status).toBe(404);
  });

  it("accept a code from the step before or after, and each recovery code once", async () => {
    const therapist = await makeTherapist(t, "Dr. Drift", { secondFactor: false });
    const late = totpCode(therapist.totpSecret, new Date(t.clock.now().getTime() - 30_000));
    expect((await therapist.client.post("/api/auth/totp", { code: late })).status).toBe(204);

    const second = await makeTherapist(t, "Dr. Codes", { secondFactor: false });
    const code = second.recoveryCodes[0] ?? "";
    expect((await second.client.post("/api/auth/totp", { code })).status).toBe(204);
    const other = new Client(t.app);
    await signIn(other.api, { email: second.email, password: PASSWORD }, deriveOnce);
    expect((await other.post("/api/auth/totp", { code })).status).toBe(401);
    expect(
      (await other.post("/api/auth/totp", { code: second.recoveryCodes[1] ?? "" })).status,
    ).toBe(204);
  });

  it("take each six-digit code once: one seen over a shoulder opens nothing", async () => {
    const therapist = await makeTherapist(t, "Dr. Once");
    const used = totpCode(therapist.totpSecret, t.clock.now());
    const thief = new Client(t.app);
    await signIn(thief.api, { email: therapist.email, password: PASSWORD }, deriveOnce);
    expect((await thief.post("/api/auth/totp", { code: used })).status).toBe(401);
    t.clock.advance(30_000);
    const next = totpCode(therapist.totpSecret, t.clock.now());
    expect((await thief.post("/api/auth/totp", { code: next })).status).toBe(204);
  });

  it("end after eight idle hours, sooner than a partner's", async () => {
    const therapist = await makeTherapist(t, "Dr. Idle");
    const { a } = await makeCouple(t.app);
    t.clock.advance(9 * 3_600_000);
    try {
      expect((await therapist.client.get("/api/me")).status).toBe(401);
      expect((await a.client.get("/api/me")).status).toBe(200);
    } finally {
      t.clock.advance(-9 * 3_600_000);
    }
  });

  it("are refused for a link made for another address, and partners never reach their routes", async () => {
    const token = await inviteTherapist(t, `meant.${process.pid}@example.org`);
    const visitor = new Client(t.app);
    await expect(
      signUpTherapist(
        visitor.api,
        { token, email: `other.${process.pid}@example.org`, name: "Dr. Wrong", password: PASSWORD },
        deriveOnce,
      ),
    ).rejects.toMatchObject({ status: 400, fields: { email: expect.any(String) } });

    const { a } = await makeCouple(t.app);
    for (const path of ["/api/therapist/couples", "/api/therapist/invitations"]) {
      expect((await a.client.get(path)).status).toBe(404);
    }
    const therapist = await makeTherapist(t);
    expect((await therapist.client.get("/api/couple")).status).toBe(404);
    expect((await therapist.client.get("/api/intensity")).status).toBe(404);
  });
});

describe("linking a therapist", () => {
  it("takes one partner's proposal, the other's consent and the therapist's acceptance", async () => {
    const couple = await makeCouple(t.app);
    const therapist = await makeTherapist(t);
    const { a, b } = couple;

    // Nobody is linked: "and your therapist" cannot be chosen yet, by any client.
    const tooSoon = await a.client.request("POST", "/api/signals/answers", {
      id: newItemId(),
      kind: "pushed-to-move-on",
      visibility: "therapist",
    });
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.json()).toMatchObject({ error: { code: "link_state" } });

    const unknown = await a.client.post("/api/couple/therapists", { email: "nobody@example.org" });
    expect(unknown.status).toBe(404);

    const { link } = await a.client.api.call(therapistRoutes.propose, {
      body: { email: therapist.email },
    });
    expect(link).toMatchObject({ status: "proposed", therapist: { id: therapist.id } });
    const twice = await b.client.post("/api/couple/therapists", { email: therapist.email });
    expect(twice.status).toBe(409);

    const own = await a.client.post(`/api/couple/therapists/${link.id}/consent`);
    expect(own.status).toBe(409);
    expect(own.json()).toMatchObject({ error: { code: "link_state" } });
    const early = await therapist.client.post(`/api/therapist/invitations/${link.id}/accept`);
    expect(early.status).toBe(409);
    expect((await therapist.client.get(`/api/therapist/couples/${couple.coupleId}`)).status).toBe(
      404,
    );

    await b.client.api.call(therapistRoutes.consent, { params: { linkId: link.id } });
    const { invitations } = await therapist.client.api.call(therapistRoutes.invitations);
    expect(invitations).toEqual([
      expect.objectContaining({
        linkId: link.id,
        partners: expect.arrayContaining([{ name: "Robin" }, { name: "Kai" }]),
      }),
    ]);
    // Consented, not accepted: still nothing.
    expect((await therapist.client.get(`/api/therapist/couples/${couple.coupleId}`)).status).toBe(
      404,
    );
    const grantEarly = await a.client.post(`/api/couple/therapists/${link.id}/grant`, {
      version: 1,
      grant: `g1.${"A".repeat(43)}.${"B".repeat(16)}.${"C".repeat(64)}`,
    });
    expect(grantEarly.status).toBe(409);

    await therapist.client.api.call(therapistRoutes.accept, { params: { linkId: link.id } });
    const view = await therapist.client.api.call(therapistRoutes.couple, {
      params: { id: couple.coupleId },
    });
    expect(view.items).toEqual([]);
    expect(view.keys.grants).toEqual([]);

    // Another couple's therapist link opens nothing of this couple.
    const stranger = await linked();
    expect(
      (await stranger.therapist.client.get(`/api/therapist/couples/${couple.coupleId}`)).status,
    ).toBe(404);
  });

  it("lets the therapist read only what was shared with them, with the space key granted", async () => {
    const { couple, therapist, linkId } = await linked();
    const { a, b } = couple;
    await a.client.api.call(intensityRoutes.record, {
      body: { id: newItemId(), value: 7, note: PRIVATE_CANARY, visibility: "private" },
    });
    await a.client.api.call(intensityRoutes.record, {
      body: { id: newItemId(), value: 6, note: COUPLE_CANARY, visibility: "couple" },
    });
    await b.client.api.call(hurtRoutes.record, {
      body: {
        id: newItemId(),
        words: ["grief"],
        broken: SHARED_WORDS,
        repairPossible: 4,
        visibility: "therapist",
      },
    });
    const paragraph = newItemId();
    await a.client.api.call(storyRoutes.add, {
      body: { id: paragraph, section: "before", text: "We had stopped talking at dinner." },
    });
    await a.client.api.call(therapistRoutes.share, {
      body: { type: "paragraph", id: paragraph, shared: true },
    });
    // Only the author shares their own item.
    const notTheirs = await b.client.request("PUT", "/api/couple/therapist-sharing", {
      type: "paragraph",
      id: paragraph,
      shared: false,
    });
    expect(notTheirs.status).toBe(404);

    const raw = await therapist.client.get(`/api/therapist/couples/${couple.coupleId}`);
    expect(raw.raw).not.toContain(PRIVATE_CANARY);
    const view = raw.json<{ items: Array<{ type: string }> }>();
    expect(view.items.map((i) => i.type).sort()).toEqual(["hurt", "paragraph"]);

    // Before the grant the words do not open; a grant sealed to another key is refused.
    const [links] = [(await a.client.api.call(therapistRoutes.links)).links];
    const link = links.find((l) => l.id === linkId);
    if (!link) throw new Error("no link");
    const stale = await a.client.post(`/api/couple/therapists/${linkId}/grant`, {
      version: 1,
      grant: `g1.${"A".repeat(43)}.${"B".repeat(16)}.${"C".repeat(64)}`,
      publicKey: "A".repeat(43),
    });
    expect(stale.status).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: "wrong_key" } });

    expect(await grantTherapist(a.client.api, keys(a), link)).toEqual([1]);
    expect(await grantTherapist(b.client.api, keys(b), link)).toEqual([]);
    const opened = await readSharedCouple(therapist.client.api, therapist.opened, couple.coupleId);
    const hurt = opened.items.find((i) => i.type === "hurt");
    const story = opened.items.find((i) => i.type === "paragraph");
    expect(hurt).toMatchObject({ broken: SHARED_WORDS, words: ["grief"] });
    expect(story).toMatchObject({ text: "We had stopped talking at dinner." });
    expect(JSON.stringify(opened)).not.toContain(COUPLE_CANARY);
  });

  it("keeps the therapist's notes sealed with their own key and away from the partners", async () => {
    const { couple, therapist } = await linked();
    const { note } = await therapist.client.api.call(therapistRoutes.addNote, {
      params: { id: couple.coupleId },
      body: { id: newItemId(), text: "Robin looked relieved when Kai named the lie." },
    });
    const raw = await therapist.client.get(`/api/therapist/couples/${couple.coupleId}/notes`);
    expect(raw.raw).toMatch(/"text":"m1\.p\./);
    const { notes } = await therapist.client.api.call(therapistRoutes.notes, {
      params: { id: couple.coupleId },
    });
    expect(notes).toEqual([{ id: note.id, at: note.at, text: note.text }]);
    for (const partner of [couple.a, couple.b]) {
      expect(
        (await partner.client.get(`/api/therapist/couples/${couple.coupleId}/notes`)).status,
      ).toBe(404);
    }
  });

  it("writes every step and every therapist read into a chain the couple can verify", async () => {
    const { couple, therapist } = await linked();
    await therapist.client.api.call(therapistRoutes.caseload);
    await therapist.client.api.call(therapistRoutes.couple, { params: { id: couple.coupleId } });
    const { entries } = await couple.b.client.api.call(therapistRoutes.audit);
    expect(entries.map((e) => e.action)).toEqual([
      "invite-created",
      "partner-joined",
      "therapist-proposed",
      "therapist-consented",
      "therapist-accepted",
      "therapist-read",
      "therapist-read",
    ]);
    expect(entries.at(-1)).toMatchObject({ actor: { id: therapist.id, role: "therapist" } });
    expect(entries[0]?.prev).toBe("");
    expect(chainProblems(await auditOf(t.database.db, couple.coupleId))).toEqual([]);
    // Another couple reads only its own chain.
    const other = await makeCouple(t.app);
    const theirs = (await other.a.client.api.call(therapistRoutes.audit)).entries;
    expect(theirs.map((e) => e.action)).toEqual(["invite-created", "partner-joined"]);
    expect(JSON.stringify(theirs)).not.toContain(therapist.id);
  });

  it("ends at once when either partner unlinks, and the new space key leaves the therapist out", async () => {
    const { couple, therapist, linkId } = await linked();
    const { a, b } = couple;
    const links = (await a.client.api.call(therapistRoutes.links)).links;
    const link = links[0];
    if (!link) throw new Error("no link");
    await grantTherapist(a.client.api, keys(a), link);

    const paragraph = newItemId();
    await a.client.api.call(storyRoutes.add, {
      body: { id: paragraph, section: "learned", text: "We go quiet when we are afraid." },
    });
    await a.client.api.call(therapistRoutes.share, {
      body: { type: "paragraph", id: paragraph, shared: true },
    });
    const sharedNow = await a.client.api.call(storyRoutes.read);
    expect(sharedNow.paragraphs.find((p) => p.id === paragraph)?.sharedWithTherapist).toBe(true);

    expect((await b.client.delete(`/api/couple/therapists/${linkId}`)).status).toBe(204);
    // What was shared with this therapist is the two partners' alone again, not the next one's.
    const afterwards = await b.client.api.call(storyRoutes.read);
    expect(afterwards.paragraphs.find((p) => p.id === paragraph)).toMatchObject({
      sharedWithTherapist: false,
      text: "We go quiet when we are afraid.",
    });
    expect((await therapist.client.get(`/api/therapist/couples/${couple.coupleId}`)).status).toBe(
      404,
    );
    expect((await therapist.client.api.call(therapistRoutes.caseload)).couples).toEqual([]);

    // Until a browser makes the new key, both partners' screens are told it is owed.
    expect((await a.client.api.call(therapistRoutes.links)).keyChangeOwed).toBe(true);
    const aloneOnly = await b.client.post("/api/couple/keys", {
      version: 2,
      grants: [{ userId: b.id, grant: `g1.${"A".repeat(43)}.${"B".repeat(16)}.${"C".repeat(64)}` }],
    });
    expect(aloneOnly.status).toBe(400);
    const withTherapist = await b.client.post("/api/couple/keys", {
      version: 2,
      grants: [
        { userId: b.id, grant: `g1.${"A".repeat(43)}.${"B".repeat(16)}.${"C".repeat(64)}` },
        { userId: therapist.id, grant: `g1.${"A".repeat(43)}.${"B".repeat(16)}.${"C".repeat(64)}` },
      ],
    });
    expect(withTherapist.status).toBe(400);
    const aPublic = (await a.client.get("/api/couple"))
      .json<{
        partners: Array<{ id: string; publicKey: string }>;
      }>()
      .partners.find((p) => p.id === b.id);
    expect(await rotateSpaceKey(a.client.api, keys(a), aPublic ?? null)).toBe(2);
    expect((await b.client.api.call(therapistRoutes.links)).keyChangeOwed).toBe(false);
    const fake = `g1.${"A".repeat(43)}.${"B".repeat(16)}.${"C".repeat(64)}`;
    const stale = await b.client.post("/api/couple/keys", {
      version: 2,
      grants: [
        { userId: b.id, grant: fake },
        { userId: a.id, grant: fake },
      ],
    });
    expect(stale.status).toBe(409);

    // New words are sealed with version 2, which both partners open and the therapist never held.
    b.client.keyring?.forgetSpace();
    await a.client.api.call(intensityRoutes.record, {
      body: { id: newItemId(), value: 3, note: "After the change", visibility: "couple" },
    });
    const overview = await b.client.get("/api/intensity");
    expect(overview.raw).toMatch(/m1\.s2\./);
    const { entries } = await a.client.api.call(therapistRoutes.audit);
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(["key-granted", "therapist-unlinked", "key-rotated"]),
    );
  });

  it("shows the therapist only what each sharing partner said for more than themselves", async () => {
    const { couple, therapist, linkId } = await linked();
    const { a, b } = couple;
    // A topic carried over three times holds "the same argument" for both partners.
    const { item } = await a.client.api.call(talkRoutes.raiseTopic, {
      body: { id: newItemId(), topic: "The holidays" },
    });
    for (let i = 0; i < 3; i++) {
      await b.client.api.call(talkRoutes.carryOver, { params: { id: item.id } });
    }
    // Kai tells Robin he feels pushed; Robin keeps hers to herself; only Robin shares her view.
    await b.client.api.call(signalRoutes.answer, {
      body: { id: newItemId(), kind: "pushed-to-move-on", visibility: "couple" },
    });
    await a.client.api.call(signalRoutes.answer, {
      body: { id: newItemId(), kind: "pushed-to-move-on", visibility: "private" },
    });
    await a.client.api.call(signalRoutes.share, { body: { shared: true } });
    const view = await therapist.client.api.call(therapistRoutes.couple, {
      params: { id: couple.coupleId },
    });
    expect(view.signals.map((s) => s.key)).toEqual(["same-argument"]);
    expect(JSON.stringify(view.signals)).not.toMatch(/pushed/);

    // An unlink ends the sharing too: a next therapist sees signals only once shared anew.
    await a.client.delete(`/api/couple/therapists/${linkId}`);
    const next = await makeTherapist(t, "Dr. Next");
    const { link } = await b.client.api.call(therapistRoutes.propose, {
      body: { email: next.email },
    });
    await a.client.api.call(therapistRoutes.consent, { params: { linkId: link.id } });
    await next.client.api.call(therapistRoutes.accept, { params: { linkId: link.id } });
    const [seen] = (await next.client.api.call(therapistRoutes.caseload)).couples;
    expect(seen?.signals).toEqual([]);
  });

  it("ends a link whatever step it reaches at the same moment", async () => {
    for (let round = 0; round < 8; round++) {
      const couple = await makeCouple(t.app);
      const therapist = await makeTherapist(t);
      const { link } = await couple.a.client.api.call(therapistRoutes.propose, {
        body: { email: therapist.email },
      });
      await couple.b.client.api.call(therapistRoutes.consent, { params: { linkId: link.id } });
      const [unlinked] = await Promise.all([
        couple.b.client.delete(`/api/couple/therapists/${link.id}`),
        therapist.client.post(`/api/therapist/invitations/${link.id}/accept`),
      ]);
      expect(unlinked.status).toBe(204);
      const { links } = await couple.a.client.api.call(therapistRoutes.links);
      expect(links.find((l) => l.id === link.id)?.status).toBe("ended");
      expect((await therapist.client.get(`/api/therapist/couples/${couple.coupleId}`)).status).toBe(
        404,
      );
    }
  });

  it("holds one live link per couple when both partners propose at once", async () => {
    const couple = await makeCouple(t.app);
    const therapist = await makeTherapist(t);
    const answers = await Promise.all(
      [couple.a, couple.b, couple.a, couple.b].map((p) =>
        p.client.post("/api/couple/therapists", { email: therapist.email }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
  });

  it("refuses to start on an audit chain changed after it was written", async () => {
    const { couple } = await linked();
    await t.database.db
      .updateTable("audit_entries")
      .set({ target: "link:someone-else" })
      .where("couple_id", "=", couple.coupleId)
      .where("seq", "=", 1)
      .execute();
    await expect(
      buildApp({ config: t.config, database: t.database, clock: t.clock, logger: false }),
    ).rejects.toThrow(/audit chain of couple .* is broken/);
    await t.database.db
      .deleteFrom("audit_entries")
      .where("couple_id", "=", couple.coupleId)
      .execute();
  });
});
