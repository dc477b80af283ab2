import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { talkRoutes } from "../../src/contracts/talks.ts";
import { PAGE_SIZE } from "../../src/domain/pages.ts";
import { makeCouple, newItemId } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

describe("lists that grow with a couple's history come in pages", () => {
  it("gives every open topic and the discussed ones page by page, each once, newest first", async () => {
    const { a, b } = await makeCouple(t.app);
    const discussedIds: string[] = [];
    const openIds: string[] = [];
    const settled = PAGE_SIZE * 2 + 7;
    for (let i = 0; i < settled + 4; i++) {
      const { item } = await a.client.api.call(talkRoutes.raiseTopic, {
        body: { id: newItemId(), topic: `Topic ${i}` },
      });
      if (i < settled) {
        // Two topics settled in the same instant: the id keeps them apart.
        if (i % 2 === 0) t.clock.advance(60_000);
        await b.client.api.call(talkRoutes.discussed, { params: { id: item.id } });
        discussedIds.push(item.id);
      } else openIds.push(item.id);
    }
    const first = await b.client.api.call(talkRoutes.parkingLot, { query: {} });
    const open = first.items.filter((i) => i.status === "open").map((i) => i.id);
    expect(open.sort()).toEqual(openIds.sort());
    const seen = first.items.filter((i) => i.status === "discussed");
    expect(seen).toHaveLength(PAGE_SIZE);
    let earlier = first.earlier;
    while (earlier) {
      const next = await b.client.api.call(talkRoutes.parkingLot, { query: { before: earlier } });
      expect(next.items.every((i) => i.status === "discussed")).toBe(true);
      seen.push(...next.items);
      earlier = next.earlier;
    }
    expect(seen.map((i) => i.id).sort()).toEqual([...discussedIds].sort());
    // Newest first; within one instant the database's own order of ids decides.
    const times = seen.map((i) => i.updatedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("refuses a cursor it never gave out, naming it", async () => {
    const { a } = await makeCouple(t.app);
    const res = await a.client.request("GET", "/api/parking-lot?before=yesterday");
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: { fields: { before: expect.any(String) } } });
  });
});
