import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coupleRoutes } from "../../src/contracts/couples.ts";
import { intensityRoutes } from "../../src/contracts/intensity.ts";
import type { CallInput } from "../../src/contracts/route.ts";
import { makeCouple, newItemId, type Person } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const MINUTE = 60_000;
const DAY = 86_400_000;

type Entry = Omit<CallInput<typeof intensityRoutes.record>["body"], "id">;
const record = (person: Person, entry: Entry) =>
  person.client.api.call(intensityRoutes.record, { body: { id: newItemId(), ...entry } });

describe("intensity", () => {
  it("shares by default, keeps private entries private, and marks whose is whose", async () => {
    const { a, b } = await makeCouple(t.app);
    // Byte for byte: a private entry must not change even the sealed form of what b is sent.
    const partnerBefore = (await b.client.get("/api/intensity")).raw;
    const coupleBefore = (await b.client.get("/api/couple")).raw;
    const secret = await record(a, { value: 9, note: "Awful night", visibility: "private" });
    expect(secret.entry).toMatchObject({ value: 9, note: "Awful night", visibility: "private" });
    expect((await b.client.get("/api/intensity")).raw).toBe(partnerBefore);
    expect((await b.client.get("/api/couple")).raw).toBe(coupleBefore);

    t.clock.advance(MINUTE);
    await record(a, { value: 5 });
    t.clock.advance(MINUTE);
    await record(b, { value: 6, note: "Tired" });
    const seenByB = (await b.client.api.call(intensityRoutes.overview)).entries;
    expect(seenByB.map((e) => [e.value, e.mine])).toEqual([
      [5, false],
      [6, true],
    ]);
    expect(seenByB[0]?.visibility).toBeUndefined();
    expect(seenByB[1]).toMatchObject({ visibility: "couple", note: "Tired" });
    const seenByA = (await a.client.api.call(intensityRoutes.overview)).entries;
    expect(seenByA.map((e) => [e.value, e.note])).toEqual([
      [9, "Awful night"],
      [5, undefined],
      [6, "Tired"],
    ]);
  });

  it("takes a private note only sealed with the author's own key, and no note unsealed", async () => {
    const { a, b } = await makeCouple(t.app);
    const keyring = a.client.keyring;
    if (!keyring) throw new Error("a's keys are not open");
    // Sealed for the couple, then sent as private: the partner could open it.
    const shared = (await keyring.sealBody(intensityRoutes.record.body, {
      id: newItemId(),
      value: 4,
      note: "Only for me",
      visibility: "couple",
    })) as Record<string, unknown>;
    const misfiled = await a.client.post("/api/intensity", { ...shared, visibility: "private" });
    expect(misfiled.status).toBe(400);
    expect(misfiled.json()).toMatchObject({ error: { fields: { note: expect.any(String) } } });

    const plaintext = await a.client.post("/api/intensity", {
      id: newItemId(),
      value: 4,
      note: "Only for me",
    });
    expect(plaintext.status).toBe(400);
    expect(plaintext.json()).toMatchObject({ error: { fields: { note: expect.any(String) } } });

    for (const person of [a, b]) {
      expect((await person.client.api.call(intensityRoutes.overview)).entries).toEqual([]);
    }
  });

  it("accepts whole numbers from 0 to 10 only", async () => {
    const { a } = await makeCouple(t.app);
    for (const value of [-1, 11, 5.5, "7"]) {
      await expect(record(a, { value: value as number }), String(value)).rejects.toMatchObject({
        status: 400,
        fields: { value: expect.any(String) },
      });
    }
    expect((await record(a, { value: 0 })).entry.value).toBe(0);
    await expect(record(a, { value: 10, visibility: "nobody" as never })).rejects.toMatchObject({
      status: 400,
      fields: { visibility: expect.any(String) },
    });
  });
});

describe("intensity days", () => {
  it("are counted in the viewer's zone when given, and a wrong zone is named", async () => {
    const { a } = await makeCouple(t.app);
    const overview = (timeZone?: string) =>
      a.client.api.call(intensityRoutes.overview, { query: { timeZone } });
    expect((await overview("America/Chicago")).timeZone).toBe("America/Chicago");
    expect((await overview()).timeZone).toBe("UTC");
    await expect(overview("Nowhere/Land")).rejects.toMatchObject({
      status: 400,
      fields: { timeZone: expect.any(String) },
    });
  });
});

describe("intensity of the last days only", () => {
  it("leaves older entries out, keeps the trends, and names a wrong number of days", async () => {
    const { a, b } = await makeCouple(t.app);
    await record(a, { value: 8, note: "A week ago" });
    t.clock.advance(6 * DAY);
    await record(a, { value: 3, note: "Yesterday" });
    t.clock.advance(DAY);
    await record(a, { value: 2, note: "Today, for me", visibility: "private" });
    t.clock.advance(MINUTE);
    await record(b, { value: 4 });

    const overview = (person: Person, days?: number) =>
      person.client.api.call(intensityRoutes.overview, { query: days ? { days } : {} });
    const all = await overview(a);
    const lastTwo = await overview(a, 2);
    expect(all.entries.map((e) => e.note ?? e.value)).toEqual([
      "A week ago",
      "Yesterday",
      "Today, for me",
      4,
    ]);
    expect(lastTwo.entries.map((e) => e.note ?? e.value)).toEqual([
      "Yesterday",
      "Today, for me",
      4,
    ]);
    expect(lastTwo.trends).toEqual(all.trends);
    // The partner's last days are what the partner may see of them: never a private entry.
    expect((await overview(b, 2)).entries.map((e) => e.value)).toEqual([3, 4]);
    for (const days of [0, 121, 1.5]) {
      const sent = await a.client.get(`/api/intensity?days=${days}`);
      expect(sent.status, String(days)).toBe(400);
      expect(sent.json<{ error: { fields: Record<string, string> } }>().error.fields.days).toMatch(
        /number of days, from 1 to 120/,
      );
    }
  });
});

describe("intensity trend in readiness", () => {
  it("is met when each shared trend is low or easing over two weeks", async () => {
    t.clock.set("2026-05-01T08:00:00.000Z");
    const { a, b } = await makeCouple(t.app);
    for (let day = 0; day < 14; day++) {
      await record(a, { value: day < 7 ? 7 : 4 });
      await record(b, { value: 2 });
      t.clock.advance(DAY);
    }
    const { trends } = await a.client.api.call(intensityRoutes.overview);
    expect(trends.map((x) => [x.mine, x.status]).sort()).toEqual([
      [false, "low"],
      [true, "easing"],
    ]);
    const item = (await b.client.api.call(coupleRoutes.view)).readiness.items.find(
      (i) => i.key === "intensity-calming",
    );
    expect(item?.met).toBe(true);
  });
});
