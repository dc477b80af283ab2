import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Agreement } from "../../src/contracts/agreements.ts";
import { MAX_REVIEW_DAYS } from "../../src/domain/limits.ts";
import { makeAgreement, makeCouple } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const DAY = 86_400_000;
type One = { agreement: Agreement };

/** The UTC day `offset` days from the test clock's now, as agreements count review dates. */
function dayFromNow(offset: number): string {
  return new Date(t.clock.now().getTime() + offset * DAY).toISOString().slice(0, 10);
}

describe("agreements", () => {
  it("proposes with a default two-week review, and only the other partner can accept", async () => {
    const { a, b } = await makeCouple(t.app);
    const res = await a.client.post("/api/agreements", {
      category: "technology",
      text: "  Phones stay in the kitchen after 22:00.  ",
    });
    expect(res.status).toBe(201);
    const { agreement } = res.json<One>();
    expect(agreement).toMatchObject({
      category: "technology",
      text: "Phones stay in the kitchen after 22:00.",
      status: "proposed",
      proposedBy: a.id,
      reviewOn: null,
      dueForReview: false,
    });

    const own = await a.client.post(`/api/agreements/${agreement.id}/accept`);
    expect(own.status).toBe(409);
    const accepted = await b.client.post(`/api/agreements/${agreement.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.json<One>().agreement).toMatchObject({
      status: "accepted",
      reviewOn: dayFromNow(14),
    });
    const twice = await b.client.post(`/api/agreements/${agreement.id}/accept`);
    expect(twice.status).toBe(409);
  });

  it("starts the review clock at acceptance, keeping a chosen date that is still ahead", async () => {
    const { a, b } = await makeCouple(t.app);
    const pick = dayFromNow(18);
    const chosen = (
      await a.client.post("/api/agreements", {
        category: "money",
        text: "We share bank statements.",
        reviewOn: pick,
      })
    ).json<One>().agreement;
    expect(chosen.reviewOn).toBe(pick);
    const plain = await makeAgreement(a, "We eat together on Sundays.");
    const stale = (
      await a.client.post("/api/agreements", {
        category: "other",
        text: "We walk on Saturdays.",
        reviewOn: dayFromNow(3),
      })
    ).json<One>().agreement;

    t.clock.advance(5 * DAY);
    const kept = (await b.client.post(`/api/agreements/${chosen.id}/accept`)).json<One>().agreement;
    expect(kept.reviewOn).toBe(pick);
    const fromToday = (await b.client.post(`/api/agreements/${plain.id}/accept`)).json<One>()
      .agreement;
    expect(fromToday.reviewOn).toBe(dayFromNow(14));
    const renewed = (await b.client.post(`/api/agreements/${stale.id}/accept`)).json<One>()
      .agreement;
    expect(renewed.reviewOn).toBe(dayFromNow(14));
  });

  it("counters with new wording: the old one is countered, the new one is the other's proposal", async () => {
    const { a, b } = await makeCouple(t.app);
    const original = await makeAgreement(a);
    const res = await b.client.post(`/api/agreements/${original.id}/counter`, {
      text: "We talk about it on Tuesdays and Saturdays at 19:00.",
    });
    expect(res.status).toBe(200);
    const counter = res.json<One>().agreement;
    expect(counter).toMatchObject({ status: "proposed", proposedBy: b.id, category: "talk" });
    expect(counter.id).not.toBe(original.id);

    const list = (await a.client.get("/api/agreements")).json<{ agreements: Agreement[] }>()
      .agreements;
    expect(list.find((x) => x.id === original.id)?.status).toBe("countered");
    expect((await b.client.post(`/api/agreements/${counter.id}/accept`)).status).toBe(409);
    expect((await a.client.post(`/api/agreements/${counter.id}/accept`)).status).toBe(200);

    const detail = await a.client.get(`/api/agreements/${original.id}`);
    expect(
      detail
        .json<{ history: Array<{ kind: string; by: string }> }>()
        .history.map((h) => [h.kind, h.by]),
    ).toEqual([
      ["proposed", a.id],
      ["countered", b.id],
    ]);
  });

  it("declines and withdraws, each only by the right partner", async () => {
    const { a, b } = await makeCouple(t.app);
    const one = await makeAgreement(a, "We each take one evening a week for ourselves.");
    expect((await a.client.post(`/api/agreements/${one.id}/decline`)).status).toBe(409);
    expect(
      (await b.client.post(`/api/agreements/${one.id}/decline`)).json<One>().agreement.status,
    ).toBe("declined");
    const two = await makeAgreement(a, "We keep the weekend free of the topic.");
    expect((await b.client.post(`/api/agreements/${two.id}/withdraw`)).status).toBe(409);
    expect(
      (await a.client.post(`/api/agreements/${two.id}/withdraw`)).json<One>().agreement.status,
    ).toBe("withdrawn");
  });

  it("comes due for review, and is kept, changed or retired", async () => {
    const { a, b } = await makeCouple(t.app);
    const agreement = await makeAgreement(a);
    await b.client.post(`/api/agreements/${agreement.id}/accept`);
    t.clock.advance(14 * DAY);
    const due = (await a.client.get("/api/agreements")).json<{ agreements: Agreement[] }>()
      .agreements[0];
    expect(due?.dueForReview).toBe(true);

    const kept = await b.client.post(`/api/agreements/${agreement.id}/review`, {
      outcome: "keep",
      note: "It helps.",
    });
    expect(kept.json<One>().agreement).toMatchObject({ status: "accepted", dueForReview: false });

    const changed = await a.client.post(`/api/agreements/${agreement.id}/review`, {
      outcome: "change",
      text: "We talk about it after dinner, never after 21:30.",
    });
    const proposal = changed.json<One>().agreement;
    expect(proposal).toMatchObject({ status: "proposed", replacesId: agreement.id });
    await b.client.post(`/api/agreements/${proposal.id}/accept`);
    const after = (await a.client.get("/api/agreements")).json<{ agreements: Agreement[] }>()
      .agreements;
    expect(after.find((x) => x.id === agreement.id)?.status).toBe("replaced");
    expect(after.find((x) => x.id === proposal.id)?.status).toBe("accepted");

    const retired = await a.client.post(`/api/agreements/${proposal.id}/review`, {
      outcome: "retire",
    });
    expect(retired.json<One>().agreement.status).toBe("retired");
    const history = (await a.client.get(`/api/agreements/${agreement.id}`)).json<{
      history: Array<{ kind: string; note: string | null }>;
    }>().history;
    expect(history.map((h) => h.kind)).toEqual(["proposed", "accepted", "kept", "replaced"]);
    expect(history[2]?.note).toBe("It helps.");
  });

  it("validates category, text and review date, naming the field", async () => {
    const { a } = await makeCouple(t.app);
    const cases: Array<[unknown, string]> = [
      [{ category: "sex", text: "x" }, "category"],
      [{ category: "talk", text: "   " }, "text"],
      [{ category: "talk", text: "y".repeat(501) }, "text"],
      [{ category: "talk", text: "ok", reviewOn: "2026-02-30" }, "reviewOn"],
      [{ category: "talk", text: "ok", reviewOn: dayFromNow(0) }, "reviewOn"],
      [{ category: "talk", text: "ok", reviewOn: dayFromNow(-1) }, "reviewOn"],
      [{ category: "talk", text: "ok", reviewOn: dayFromNow(MAX_REVIEW_DAYS + 1) }, "reviewOn"],
      [{ category: "talk", text: 5 }, "text"],
      [{ category: "talk", text: "ok", status: "accepted" }, "status"],
    ];
    for (const [body, field] of cases) {
      const res = await a.client.post("/api/agreements", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.json<{ error: { fields: object } }>().error.fields)).toContain(field);
    }
    const listed = (await a.client.get("/api/agreements")).json<{ agreements: unknown[] }>()
      .agreements;
    expect(listed).toEqual([]);
  });

  it("leaves nothing half-written when a counter fails", async () => {
    const { a, b } = await makeCouple(t.app);
    const original = await makeAgreement(a);
    const bad = await b.client.post(`/api/agreements/${original.id}/counter`, {
      text: "A new wording",
      reviewOn: "2020-01-01",
    });
    expect(bad.status).toBe(400);
    const list = (await a.client.get("/api/agreements")).json<{ agreements: Agreement[] }>()
      .agreements;
    expect(list).toHaveLength(1);
    expect(list[0]?.status).toBe("proposed");
  });
});
