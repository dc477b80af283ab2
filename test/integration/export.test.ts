import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Api } from "../../src/client/api.ts";
import {
  type ExportDocument,
  exportEverything,
  NOT_PERSONAL_DATA,
} from "../../src/client/export.ts";
import { UNOPENED } from "../../src/client/sealing.ts";
import { agreementRoutes } from "../../src/contracts/agreements.ts";
import { ALL_ROUTES } from "../../src/contracts/api.ts";
import { hurtRoutes } from "../../src/contracts/hurt.ts";
import { intensityRoutes } from "../../src/contracts/intensity.ts";
import type { Route } from "../../src/contracts/route.ts";
import { stressorRoutes } from "../../src/contracts/stressors.ts";
import { talkRoutes } from "../../src/contracts/talks.ts";
import { PAGE_SIZE } from "../../src/domain/pages.ts";
import {
  type Couple,
  makeCouple,
  makePerson,
  newItemId,
  type Person,
} from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

/**
 * An export is made through the one client, as the browser makes it, and searched as the text
 * of the file a person would save: canary words planted by both partners, shared and private,
 * show up exactly where the person may read them.
 */
let t: TestApp;
let couple: Couple;
const canary = (label: string) => `${label}-${randomBytes(6).toString("hex")}`;
const planted = {
  ownPrivate: canary("own-private"),
  ownPrivateNote: canary("own-private-note"),
  ownShared: canary("own-shared"),
  ownAgreement: canary("own-agreement"),
  partnerShared: canary("partner-shared"),
  partnerPrivate: canary("partner-private"),
  partnerPrivateNote: canary("partner-private-note"),
  partnerPrivateHurt: canary("partner-private-hurt"),
};
const partnerPrivateIds: string[] = [];
const discussedTopics: string[] = [];

async function stressor(person: Person, text: string, visibility: "private" | "couple") {
  const id = newItemId();
  await person.client.api.call(stressorRoutes.add, {
    body: { id, text, plan: "keep", visibility },
  });
  return id;
}

/** The export as the file's text, and as parsed back from it. */
async function exportOf(person: Person, api: Api = person.client.api) {
  const document = await exportEverything(api, { now: t.clock.now(), timeZone: "Europe/Berlin" });
  const text = JSON.stringify(document);
  return { document: JSON.parse(text) as ExportDocument, text };
}

beforeAll(async () => {
  t = await makeTestApp();
  couple = await makeCouple(t.app, ["Robin", "Kai"]);
  const { a, b } = couple;
  await stressor(a, planted.ownPrivate, "private");
  await stressor(a, planted.ownShared, "couple");
  await a.client.api.call(intensityRoutes.record, {
    body: { id: newItemId(), value: 6, note: planted.ownPrivateNote, visibility: "private" },
  });
  await a.client.api.call(agreementRoutes.propose, {
    body: { id: newItemId(), category: "talk", text: planted.ownAgreement },
  });
  await stressor(b, planted.partnerShared, "couple");
  partnerPrivateIds.push(await stressor(b, planted.partnerPrivate, "private"));
  const { entry: note } = await b.client.api.call(intensityRoutes.record, {
    body: { id: newItemId(), value: 8, note: planted.partnerPrivateNote, visibility: "private" },
  });
  const { entry: hurt } = await b.client.api.call(hurtRoutes.record, {
    body: {
      id: newItemId(),
      words: ["numb"],
      broken: planted.partnerPrivateHurt,
      repairPossible: 2,
      visibility: "private",
    },
  });
  partnerPrivateIds.push(note.id, hurt.id);
  // One more discussed topic than a page holds, so the export has to ask for the earlier page.
  for (let i = 0; i <= PAGE_SIZE; i++) {
    const topic = canary(`topic-${i}`);
    const { item } = await b.client.api.call(talkRoutes.raiseTopic, {
      body: { id: newItemId(), topic },
    });
    await a.client.api.call(talkRoutes.discussed, { params: { id: item.id } });
    discussedTopics.push(topic);
    t.clock.advance(1_000);
  }
}, 60_000);
afterAll(() => t.close());

describe("downloading all my data", () => {
  it("holds the person's own private and shared words and the partner's shared ones, opened", async () => {
    const { a, coupleId } = couple;
    const { document, text } = await exportOf(a);
    expect(document.exportedAt).toBe(t.clock.now().toISOString());
    expect(document.person).toMatchObject({ id: a.id, email: a.email, name: "Robin" });
    expect(document.couple?.id).toBe(coupleId);
    for (const words of [
      planted.ownPrivate,
      planted.ownPrivateNote,
      planted.ownShared,
      planted.ownAgreement,
      planted.partnerShared,
    ]) {
      expect(text).toContain(words);
    }
    // Opened: no envelope is left for the person to open, and no key material is in the file.
    expect(text).not.toMatch(/m1\.(?:p|s\d+|m|r)\.[A-Za-z0-9_-]{16}\./);
    for (const marker of Object.values(UNOPENED)) expect(text).not.toContain(marker);
    expect(document.couple).not.toHaveProperty("keys");
  });

  it("never holds the partner's private items, neither their words nor their ids", async () => {
    const partners = await exportOf(couple.b);
    for (const id of partnerPrivateIds) expect(partners.text).toContain(id);
    expect(partners.text).toContain(planted.partnerPrivateHurt);
    const { text } = await exportOf(couple.a);
    for (const words of [
      planted.partnerPrivate,
      planted.partnerPrivateNote,
      planted.partnerPrivateHurt,
    ]) {
      expect(text).not.toContain(words);
    }
    for (const id of partnerPrivateIds) expect(text).not.toContain(id);
  });

  it("follows a paged list to its end", async () => {
    const { document } = await exportOf(couple.a);
    const topics = (document.items.parkingLot ?? []).map((item) => item.topic);
    expect(topics).toHaveLength(discussedTopics.length);
    expect(new Set(topics)).toEqual(new Set(discussedTopics));
  });

  it("keeps an agreement's history with it", async () => {
    const { document } = await exportOf(couple.a);
    const [detail] = document.items.agreements ?? [];
    expect(detail?.agreement.text).toBe(planted.ownAgreement);
    expect(detail?.history.length).toBeGreaterThan(0);
  });

  it("exports a person without a couple: their account, settings and safety checks, nothing of a couple", async () => {
    const lone = await makePerson(t.app, "Ari");
    const { document } = await exportOf(lone);
    expect(document.couple).toBeNull();
    expect(Object.keys(document.items).sort()).toEqual([
      "calendar",
      "reminders",
      "safetyChecks",
      "sessions",
    ]);
    expect(document.items.sessions).toHaveLength(1);
  });

  it("reads every read a partner may make, or names why one is not personal data", async () => {
    const called = new Set<Route>();
    const { api } = couple.a.client;
    const recording: Api = {
      call: ((route: Route, ...rest: unknown[]) => {
        called.add(route);
        return (api.call as (route: Route, ...rest: unknown[]) => Promise<unknown>)(route, ...rest);
      }) as Api["call"],
    };
    await exportOf(couple.a, recording);
    const reads = ALL_ROUTES.filter((route) => route.method === "GET");
    const forgotten = reads
      .filter((route) => !called.has(route) && !NOT_PERSONAL_DATA.has(route))
      .map((route) => route.path);
    expect(forgotten).toEqual([]);
    const both = [...called].filter((route) => NOT_PERSONAL_DATA.has(route)).map((r) => r.path);
    expect(both).toEqual([]);
    for (const [route, reason] of NOT_PERSONAL_DATA) {
      expect(route.method).toBe("GET");
      expect(reason.length).toBeGreaterThan(10);
    }
  });
});
