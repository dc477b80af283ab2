import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Keyring } from "../../src/client/sealing.ts";
import { grantTherapist, newInviteLink, rotateSpaceKey } from "../../src/client/session.ts";
import { accountRoutes } from "../../src/contracts/account.ts";
import { coupleRoutes } from "../../src/contracts/couples.ts";
import { intensityRoutes } from "../../src/contracts/intensity.ts";
import { storyRoutes } from "../../src/contracts/story.ts";
import { stressorRoutes } from "../../src/contracts/stressors.ts";
import { therapistRoutes } from "../../src/contracts/therapists.ts";
import { ITEM_TABLES, type ItemTable } from "../../src/server/platform/access.ts";
import {
  joinSpace,
  makeCouple,
  makePerson,
  newItemId,
  type Person,
  startSpace,
} from "../support/factories.ts";
import { makeTestApp, type TestApp, testDatabaseKind } from "../support/test-app.ts";
import { makeTherapist } from "../support/therapists.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const leave = (person: Person, body: unknown = { confirm: "leave" }) =>
  person.client.request("DELETE", "/api/couple/membership", body);

function keys(person: Person): Keyring {
  if (!person.client.keyring) throw new Error(`${person.name} holds no keys`);
  return person.client.keyring;
}

/** Every byte SQLite keeps for this database: the file and its write-ahead log. */
function storedBytes(): string {
  const file = t.database.sqlitePath;
  if (!file) return "";
  const read = (path: string) => {
    try {
      return readFileSync(path).toString("latin1");
    } catch {
      return "";
    }
  };
  return read(file) + read(`${file}-wal`);
}

async function stressorEnvelope(id: string): Promise<string> {
  const row = await t.database.db
    .selectFrom("stressors")
    .select("text")
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return row.text;
}

describe("leaving the couple space", () => {
  it("is refused to the only one in the couple, with what to do instead", async () => {
    const alone = await makePerson(t.app, "Alone");
    await startSpace(alone);
    const res = await leave(alone);
    expect(res.status).toBe(409);
    expect(res.json()).toMatchObject({
      error: { code: "partner_not_joined", message: expect.stringMatching(/Delete your account/) },
    });
    expect((await alone.client.get("/api/couple")).status).toBe(200);
  });

  it("asks for a plain confirmation", async () => {
    const { b } = await makeCouple(t.app, ["Asked", "Unsure"]);
    expect((await leave(b, {})).status).toBe(400);
    expect((await leave(b, { confirm: "yes" })).status).toBe(400);
    expect((await b.client.get("/api/couple")).status).toBe(200);
  });

  it("takes the leaver's private items, leaves the shared ones, and tells the partner", async () => {
    const { a, b } = await makeCouple(t.app, ["Staying", "Leaving"]);
    const privateId = newItemId();
    const sharedId = newItemId();
    await b.client.api.call(stressorRoutes.add, {
      body: { id: privateId, text: "Only mine, and it goes", plan: "keep", visibility: "private" },
    });
    await b.client.api.call(stressorRoutes.add, {
      body: { id: sharedId, text: "Ours, and it stays", plan: "pause", visibility: "couple" },
    });
    await b.client.api.call(intensityRoutes.record, {
      body: { id: newItemId(), value: 6, note: "A heavy day", visibility: "private" },
    });
    const privateEnvelope = await stressorEnvelope(privateId);
    if (testDatabaseKind() === "sqlite") expect(storedBytes()).toContain(privateEnvelope);

    t.clock.advance(60_000);
    const leftAt = t.clock.now().toISOString();
    const res = await leave(b);
    expect(res.status, res.raw).toBe(204);

    // Nothing only the leaver could read is left in any item table of the couple.
    const coupleId = (await a.client.api.call(coupleRoutes.view)).id;
    for (const table of Object.keys(ITEM_TABLES) as ItemTable[]) {
      const rows = await t.database.db
        .selectFrom(table)
        .select("id")
        .where("couple_id", "=", coupleId)
        .where(sql.ref(ITEM_TABLES[table]), "=", b.id)
        .where("visibility", "=", "private")
        .execute();
      expect(rows, table).toEqual([]);
    }
    if (testDatabaseKind() === "sqlite") expect(storedBytes()).not.toContain(privateEnvelope);

    // The shared item stays with the partner, words and all.
    const { stressors } = await a.client.api.call(stressorRoutes.list);
    expect(stressors.map((s) => [s.id, s.text])).toEqual([[sharedId, "Ours, and it stays"]]);

    const view = await a.client.api.call(coupleRoutes.view);
    expect(view.partners.map((p) => p.id)).toEqual([a.id]);
    expect(view.partnerLeft).toEqual({ name: "Leaving", at: leftAt, keyChangeOwed: true });
    // The support page's "your therapist" card, which also makes new keys, says the same.
    expect((await a.client.api.call(therapistRoutes.links)).keyChangeOwed).toBe(true);

    // The leaver is in no couple now, and still signed in.
    expect((await b.client.get("/api/couple")).status).toBe(404);
    expect((await b.client.get("/api/stressors")).status).toBe(404);
    const me = await b.client.api.call(accountRoutes.me);
    expect(me.couple).toBeNull();
    const grants = await t.database.db
      .selectFrom("space_grants")
      .select("version")
      .where("user_id", "=", b.id)
      .execute();
    expect(grants).toEqual([]);

    const { entries } = await a.client.api.call(therapistRoutes.audit);
    expect(entries.at(-1)).toMatchObject({ action: "partner-left", actor: { id: b.id } });
  });

  it("has the partner's browser make a new key for them alone, which the leaver never holds", async () => {
    const { a, b } = await makeCouple(t.app, ["Keeper", "Goer"]);
    expect((await leave(b)).status).toBe(204);

    expect(await rotateSpaceKey(a.client.api, keys(a), null)).toBe(2);
    const view = await a.client.api.call(coupleRoutes.view);
    expect(view.keys.version).toBe(2);
    expect(view.keys.grants.map((g) => g.version)).toEqual([1, 2]);
    expect(view.partnerLeft).toMatchObject({ name: "Goer", keyChangeOwed: false });
    expect((await a.client.api.call(therapistRoutes.links)).keyChangeOwed).toBe(false);
    const grantees = await t.database.db
      .selectFrom("space_grants")
      .select("user_id")
      .where("couple_id", "=", view.id)
      .where("version", "=", 2)
      .execute();
    expect(grantees.map((g) => g.user_id)).toEqual([a.id]);

    // What is written from now on is sealed with the new key, and still opens for the partner.
    await a.client.api.call(stressorRoutes.add, {
      body: { id: newItemId(), text: "After the change", plan: "keep", visibility: "couple" },
    });
    expect((await a.client.get("/api/stressors")).raw).toMatch(/m1\.s2\./);
    keys(a).forgetSpace();
    const { stressors } = await a.client.api.call(stressorRoutes.list);
    expect(stressors.map((s) => s.text)).toEqual(["After the change"]);
  });

  it("lets the leaver start a new couple space, and the partner invite someone new", async () => {
    const { a, b } = await makeCouple(t.app, ["Remains", "Mover"]);
    expect((await leave(b)).status).toBe(204);

    const { couple } = await startSpace(b);
    const fresh = await b.client.api.call(coupleRoutes.view);
    expect(fresh.id).toBe(couple.id);
    expect(fresh.partnerLeft ?? null).toBeNull();

    await rotateSpaceKey(a.client.api, keys(a), null);
    const newcomer = await makePerson(t.app, "Newcomer");
    const { link } = await newInviteLink(a.client.api, keys(a));
    await joinSpace(newcomer, link);
    const after = await a.client.api.call(coupleRoutes.view);
    expect(after.partners.map((p) => p.id).sort()).toEqual([a.id, newcomer.id].sort());
    expect(after.partnerLeft ?? null).toBeNull();
  });

  it("keeps the couple's therapist link, and shows the therapist nothing more of the leaver's", async () => {
    const { a, b, coupleId } = await makeCouple(t.app, ["Continues", "Departs"]);
    const therapist = await makeTherapist(t, "Dr. Steady");
    const { link } = await a.client.api.call(therapistRoutes.propose, {
      body: { email: therapist.email },
    });
    await b.client.api.call(therapistRoutes.consent, { params: { linkId: link.id } });
    await therapist.client.api.call(therapistRoutes.accept, { params: { linkId: link.id } });
    const [active] = (await a.client.api.call(therapistRoutes.links)).links;
    if (!active) throw new Error("no link");
    await grantTherapist(a.client.api, keys(a), active);
    const theirs = newItemId();
    const mine = newItemId();
    await b.client.api.call(storyRoutes.add, {
      body: { id: theirs, section: "learned", text: "What the leaver showed" },
    });
    await a.client.api.call(storyRoutes.add, {
      body: { id: mine, section: "learned", text: "What the partner showed" },
    });
    for (const [person, id] of [
      [b, theirs],
      [a, mine],
    ] as const) {
      await person.client.api.call(therapistRoutes.share, {
        body: { type: "paragraph", id, shared: true },
      });
    }
    const seenBefore = (await therapist.client.get(`/api/therapist/couples/${coupleId}`)).raw;
    expect(seenBefore).toContain(theirs);

    expect((await leave(b)).status).toBe(204);
    const seenAfter = await therapist.client.get(`/api/therapist/couples/${coupleId}`);
    expect(seenAfter.status).toBe(200);
    expect(seenAfter.raw).toContain(mine);
    expect(seenAfter.raw).not.toContain(theirs);
    const story = await a.client.api.call(storyRoutes.read);
    expect(story.paragraphs.find((p) => p.id === theirs)).toMatchObject({
      text: "What the leaver showed",
      sharedWithTherapist: false,
    });

    // The new key is the partner's alone; they may hand it to the therapist they kept.
    expect(await rotateSpaceKey(a.client.api, keys(a), null)).toBe(2);
    const [kept] = (await a.client.api.call(therapistRoutes.links)).links;
    if (!kept) throw new Error("the link did not stay");
    expect(kept).toMatchObject({ status: "active", endedAt: null, grantedVersions: [1] });
    expect(await grantTherapist(a.client.api, keys(a), kept)).toEqual([2]);
  });
});
