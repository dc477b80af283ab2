import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementRoutes } from "../../src/contracts/agreements.ts";
import type { CallInput } from "../../src/contracts/route.ts";
import { MAX_REVIEW_DAYS } from "../../src/domain/limits.ts";
import { makeAgreement, makeCouple, newItemId } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const DAY = 86_400_000;
type ReviewBody = CallInput<typeof agreementRoutes.review>["body"];

/** The UTC day `offset` days from the test clock's now, as agreements count review dates. */
function dayFromNow(offset: number): string {
  return new Date(t.clock.now().getTime() + offset * DAY).toISOString().slice(0, 10);
}

describe("agreements", () => {
  it("proposes with a default two-week review, and only the other partner can accept", async () => {
    const { a, b } = await makeCouple(t.app);
    const id = newItemId();
    const { agreement } = await a.client.api.call(agreementRoutes.propose, {
      body: { id, category: "technology", text: "  Phones stay in the kitchen after 22:00.  " },
    });
    expect(agreement).toMatchObject({
      id,
      category: "technology",
      text: "Phones stay in the kitchen after 22:00.",
      status: "proposed",
      proposedBy: a.id,
      reviewOn: null,
      dueForReview: false,
    });

    const accept = (who: typeof a) =>
      who.client.api.call(agreementRoutes.accept, { params: { id } });
    await expect(accept(a)).rejects.toMatchObject({ status: 409, code: "agreement_state" });
    expect((await accept(b)).agreement).toMatchObject({
      status: "accepted",
      reviewOn: dayFromNow(14),
      text: "Phones stay in the kitchen after 22:00.",
    });
    await expect(accept(b)).rejects.toMatchObject({ status: 409, code: "agreement_state" });
  });

  it("refuses a second item under an id already taken", async () => {
    const { a, b } = await makeCouple(t.app);
    const first = await makeAgreement(a, "We keep one evening a week for us.");
    await expect(
      b.client.api.call(agreementRoutes.propose, {
        body: { id: first.id, category: "talk", text: "Something else entirely." },
      }),
    ).rejects.toMatchObject({ status: 409, code: "id_taken" });
    const { agreements } = await a.client.api.call(agreementRoutes.list);
    expect(agreements.map((x) => [x.id, x.text, x.proposedBy])).toEqual([
      [first.id, "We keep one evening a week for us.", a.id],
    ]);
  });

  it("starts the review clock at acceptance, keeping a chosen date that is still ahead", async () => {
    const { a, b } = await makeCouple(t.app);
    const propose = async (text: string, reviewOn: string) =>
      (
        await a.client.api.call(agreementRoutes.propose, {
          body: { id: newItemId(), category: "money", text, reviewOn },
        })
      ).agreement;
    const pick = dayFromNow(18);
    const chosen = await propose("We share bank statements.", pick);
    expect(chosen.reviewOn).toBe(pick);
    const plain = await makeAgreement(a, "We eat together on Sundays.");
    const stale = await propose("We walk on Saturdays.", dayFromNow(3));

    t.clock.advance(5 * DAY);
    const accept = async (id: string) =>
      (await b.client.api.call(agreementRoutes.accept, { params: { id } })).agreement.reviewOn;
    expect(await accept(chosen.id)).toBe(pick);
    expect(await accept(plain.id)).toBe(dayFromNow(14));
    expect(await accept(stale.id)).toBe(dayFromNow(14));
  });

  it("counters with new wording: the old one is countered, the new one is the other's proposal", async () => {
    const { a, b } = await makeCouple(t.app);
    const original = await makeAgreement(a);
    const id = newItemId();
    const { agreement: counter } = await b.client.api.call(agreementRoutes.counter, {
      params: { id: original.id },
      body: { id, text: "We talk about it on Tuesdays and Saturdays at 19:00." },
    });
    expect(counter).toMatchObject({
      id,
      status: "proposed",
      proposedBy: b.id,
      category: "talk",
      text: "We talk about it on Tuesdays and Saturdays at 19:00.",
    });

    const { agreements } = await a.client.api.call(agreementRoutes.list);
    expect(agreements.find((x) => x.id === original.id)).toMatchObject({
      status: "countered",
      text: original.text,
    });
    await expect(
      b.client.api.call(agreementRoutes.accept, { params: { id } }),
    ).rejects.toMatchObject({ status: 409, code: "agreement_state" });
    await a.client.api.call(agreementRoutes.accept, { params: { id } });

    const detail = await a.client.api.call(agreementRoutes.get, { params: { id: original.id } });
    expect(detail.history.map((h) => [h.kind, h.by])).toEqual([
      ["proposed", a.id],
      ["countered", b.id],
    ]);
  });

  it("declines and withdraws, each only by the right partner", async () => {
    const { a, b } = await makeCouple(t.app);
    const step = (who: typeof a, action: "decline" | "withdraw", id: string) =>
      who.client.api.call(agreementRoutes[action], { params: { id } });
    const one = await makeAgreement(a, "We each take one evening a week for ourselves.");
    await expect(step(a, "decline", one.id)).rejects.toMatchObject({
      status: 409,
      code: "agreement_state",
    });
    expect((await step(b, "decline", one.id)).agreement.status).toBe("declined");
    const two = await makeAgreement(a, "We keep the weekend free of the topic.");
    await expect(step(b, "withdraw", two.id)).rejects.toMatchObject({
      status: 409,
      code: "agreement_state",
    });
    expect((await step(a, "withdraw", two.id)).agreement.status).toBe("withdrawn");
  });

  it("comes due for review, and is kept, changed or retired", async () => {
    const { a, b } = await makeCouple(t.app);
    const agreement = await makeAgreement(a);
    await b.client.api.call(agreementRoutes.accept, { params: { id: agreement.id } });
    t.clock.advance(14 * DAY);
    const { agreements: due } = await a.client.api.call(agreementRoutes.list);
    expect(due[0]?.dueForReview).toBe(true);

    const review = (who: typeof a, id: string, body: ReviewBody) =>
      who.client.api.call(agreementRoutes.review, { params: { id }, body });
    const kept = await review(b, agreement.id, {
      id: newItemId(),
      outcome: "keep",
      note: "It helps.",
    });
    expect(kept.agreement).toMatchObject({ status: "accepted", dueForReview: false });

    const changed = await review(a, agreement.id, {
      id: newItemId(),
      outcome: "change",
      text: "We talk about it after dinner, never after 21:30.",
    });
    const proposal = changed.agreement;
    expect(proposal).toMatchObject({
      status: "proposed",
      replacesId: agreement.id,
      text: "We talk about it after dinner, never after 21:30.",
    });
    await b.client.api.call(agreementRoutes.accept, { params: { id: proposal.id } });
    const { agreements: after } = await a.client.api.call(agreementRoutes.list);
    expect(after.find((x) => x.id === agreement.id)?.status).toBe("replaced");
    expect(after.find((x) => x.id === proposal.id)?.status).toBe("accepted");

    const retired = await review(a, proposal.id, { id: newItemId(), outcome: "retire" });
    expect(retired.agreement.status).toBe("retired");
    const { history } = await a.client.api.call(agreementRoutes.get, {
      params: { id: agreement.id },
    });
    expect(history.map((h) => h.kind)).toEqual(["proposed", "accepted", "kept", "replaced"]);
    expect(history[2]?.note).toBe("It helps.");
  });

  it("validates category, text and review date, naming the field", async () => {
    const { a } = await makeCouple(t.app);
    // Text rules are checked in the browser before sealing, the rest by the server: both
    // reach the caller as the same field error.
    const cases: Array<[unknown, string]> = [
      [{ category: "sex", text: "x" }, "category"],
      [{ category: "talk", text: "   " }, "text"],
      [{ category: "talk", text: "y".repeat(501) }, "text"],
      [{ category: "talk", text: 5 }, "text"],
      [{ category: "talk", text: "ok", reviewOn: "2026-02-30" }, "reviewOn"],
      [{ category: "talk", text: "ok", reviewOn: dayFromNow(0) }, "reviewOn"],
      [{ category: "talk", text: "ok", reviewOn: dayFromNow(-1) }, "reviewOn"],
      [{ category: "talk", text: "ok", reviewOn: dayFromNow(MAX_REVIEW_DAYS + 1) }, "reviewOn"],
      [{ category: "talk", text: "ok", status: "accepted" }, "status"],
    ];
    for (const [body, field] of cases) {
      const sent = a.client.api.call(agreementRoutes.propose, {
        body: { id: newItemId(), ...(body as object) } as never,
      });
      await expect(sent, JSON.stringify(body)).rejects.toMatchObject({
        status: 400,
        fields: { [field]: expect.any(String) },
      });
    }

    // Only a client that skips sealing sends words as they are; the server takes none.
    const plaintext = await a.client.post("/api/agreements", {
      id: newItemId(),
      category: "talk",
      text: "We talk after dinner.",
    });
    expect(plaintext.status).toBe(400);
    expect(plaintext.json()).toMatchObject({ error: { fields: { text: expect.any(String) } } });

    expect((await a.client.api.call(agreementRoutes.list)).agreements).toEqual([]);
  });

  it("leaves nothing half-written when a counter fails", async () => {
    const { a, b } = await makeCouple(t.app);
    const original = await makeAgreement(a);
    const id = newItemId();
    const counter = (reviewOn: string) =>
      b.client.api.call(agreementRoutes.counter, {
        params: { id: original.id },
        body: { id, text: "A new wording", reviewOn },
      });
    await expect(counter("2020-01-01")).rejects.toMatchObject({
      status: 400,
      fields: { reviewOn: expect.any(String) },
    });
    const { agreements } = await a.client.api.call(agreementRoutes.list);
    expect(agreements.map((x) => [x.id, x.status])).toEqual([[original.id, "proposed"]]);
    // Not even the new item's id was kept: the same counter, corrected, goes through.
    expect((await counter(dayFromNow(10))).agreement).toMatchObject({ id, status: "proposed" });
  });
});
