import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { agreementRoutes } from "../../src/contracts/agreements.ts";
import { coupleRoutes } from "../../src/contracts/couples.ts";
import { type Couple, makeCouple, newItemId } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

/**
 * Two partners, one with a screen left open: every answer names the suggestion it answers, so a
 * stale screen meets 409 and the current state instead of agreeing to what its person never saw.
 */
let t: TestApp;
let couple: Couple;
beforeEach(async () => {
  t ??= await makeTestApp();
  couple = await makeCouple(t.app);
});
afterAll(() => t.close());

const view = (who: Couple["a"]) => who.client.api.call(coupleRoutes.view);
const propose = (who: Couple["a"], seen: string | null) =>
  who.client.api.call(coupleRoutes.changePhase, { body: { to: "meaning", seen } });

describe("a phase move answered from a stale screen", () => {
  it("does not confirm a suggestion that was withdrawn meanwhile, nor make one of its own", async () => {
    const { a, b } = couple;
    await propose(a, null);
    const stale = (await view(b)).pendingPhase;
    if (!stale) throw new Error("B's screen shows A's suggestion");
    await a.client.api.call(coupleRoutes.cancelPendingPhase, { query: { id: stale.id } });

    await expect(
      b.client.api.call(coupleRoutes.changePhase, { body: { to: "meaning", seen: stale.id } }),
    ).rejects.toMatchObject({ status: 409, code: "changed_meanwhile" });
    const now = await view(b);
    expect(now.phase).toBe("stabilize");
    expect(now.pendingPhase).toBeNull();
    expect(now.phaseHistory).toHaveLength(1);
  });

  it("does not let 'suggest moving on' on a screen that showed nothing confirm the partner's", async () => {
    const { a, b } = couple;
    await propose(b, null);
    await expect(propose(a, null)).rejects.toMatchObject({
      status: 409,
      code: "changed_meanwhile",
    });
    const now = await view(a);
    expect(now.phase).toBe("stabilize");
    expect(now.pendingPhase?.proposedBy).toBe(b.id);
    // Seen, it can be confirmed: the history names who suggested and who agreed.
    const seen = now.pendingPhase?.id ?? null;
    await expect(propose(a, seen)).resolves.toEqual({ phase: "meaning" });
    expect((await view(a)).phaseHistory.at(-1)).toMatchObject({
      by: b.id,
      confirmedBy: a.id,
    });
  });

  it("refuses to end a suggestion other than the one the screen showed", async () => {
    const { a, b } = couple;
    await propose(a, null);
    const first = (await view(b)).pendingPhase?.id ?? "";
    await a.client.api.call(coupleRoutes.cancelPendingPhase, { query: { id: first } });
    await propose(a, null);
    await expect(
      b.client.api.call(coupleRoutes.cancelPendingPhase, { query: { id: first } }),
    ).rejects.toMatchObject({ status: 409, code: "changed_meanwhile" });
    expect((await view(b)).pendingPhase).not.toBeNull();
  });

  it("still confirms as the core call does, when the caller names nothing", async () => {
    const { a, b } = couple;
    await a.client.api.call(coupleRoutes.changePhase, { body: { to: "meaning" } });
    await expect(
      b.client.api.call(coupleRoutes.changePhase, { body: { to: "meaning" } }),
    ).resolves.toEqual({ phase: "meaning" });
  });
});

describe("'not yet'", () => {
  it("is shown to the one who suggested, until the couple moves", async () => {
    const { a, b } = couple;
    await propose(a, null);
    const pending = (await view(b)).pendingPhase;
    if (!pending) throw new Error("pending");
    t.clock.advance(60_000);
    await b.client.api.call(coupleRoutes.cancelPendingPhase, { query: { id: pending.id } });
    const seenByA = await view(a);
    expect(seenByA.pendingPhase).toBeNull();
    expect(seenByA.lastPhaseAnswer).toMatchObject({
      id: pending.id,
      to: "meaning",
      proposedBy: a.id,
      answer: "not-yet",
    });
    // A withdrawal is told as such, not as the partner's "not yet".
    await propose(b, null);
    const own = (await view(b)).pendingPhase?.id ?? "";
    await b.client.api.call(coupleRoutes.cancelPendingPhase, { query: { id: own } });
    expect((await view(a)).lastPhaseAnswer).toMatchObject({
      proposedBy: b.id,
      answer: "withdrawn",
    });

    await propose(a, null);
    await propose(b, (await view(b)).pendingPhase?.id ?? null);
    t.clock.advance(60_000);
    expect((await view(a)).lastPhaseAnswer).toBeNull();
  });
});

describe("an agreement review sent twice", () => {
  it("is kept once: the second answer is the first's, and the history holds one entry", async () => {
    const { a, b } = couple;
    const { agreement } = await a.client.api.call(agreementRoutes.propose, {
      body: { id: newItemId(), category: "talk", text: "We talk at the kitchen table." },
    });
    await b.client.api.call(agreementRoutes.accept, { params: { id: agreement.id } });
    const review = { id: newItemId(), outcome: "keep", note: "It helps." } as const;
    const first = await a.client.api.call(agreementRoutes.review, {
      params: { id: agreement.id },
      body: review,
    });
    t.clock.advance(60_000);
    const second = await a.client.api.call(agreementRoutes.review, {
      params: { id: agreement.id },
      body: review,
    });
    expect(second.agreement).toEqual(first.agreement);
    const { history } = await b.client.api.call(agreementRoutes.get, {
      params: { id: agreement.id },
    });
    expect(history.filter((event) => event.kind === "kept")).toHaveLength(1);

    // A new wording sent twice is one new proposal.
    const change = {
      id: newItemId(),
      outcome: "change",
      text: "At the table, not in bed.",
    } as const;
    const proposed = await a.client.api.call(agreementRoutes.review, {
      params: { id: agreement.id },
      body: change,
    });
    const again = await a.client.api.call(agreementRoutes.review, {
      params: { id: agreement.id },
      body: change,
    });
    expect(again.agreement.id).toBe(proposed.agreement.id);
    const { agreements } = await b.client.api.call(agreementRoutes.list);
    expect(agreements.filter((x) => x.replacesId === agreement.id)).toHaveLength(1);
  });
});
