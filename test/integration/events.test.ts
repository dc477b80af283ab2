import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountRoutes } from "../../src/contracts/account.ts";
import { agreementRoutes } from "../../src/contracts/agreements.ts";
import { intensityRoutes } from "../../src/contracts/intensity.ts";
import { safetyRoutes } from "../../src/contracts/safety.ts";
import { talkRoutes } from "../../src/contracts/talks.ts";
import { makeCouple, newItemId } from "../support/factories.ts";
import { makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await makeTestApp({ MEND_EVENT_POLL_MS: "100" });
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

/** Reads server-sent events from a real HTTP stream until `until` holds, the stream ends, or 5 s pass. */
async function readEvents(
  cookie: string,
  until: (events: unknown[]) => boolean,
  act: () => Promise<void>,
) {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/events`, { headers: { cookie }, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
  const reader = res.body?.getReader();
  if (!reader) throw new Error("no body");
  const events: unknown[] = [];
  const decoder = new TextDecoder();
  let buffer = "";
  let acted = false;
  let ended = false;
  const deadline = Date.now() + 5_000;
  while (!until(events) && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) {
      ended = true;
      break;
    }
    buffer += decoder.decode(value, { stream: true });
    for (let i = buffer.indexOf("\n\n"); i >= 0; i = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      const data = block.split("\n").find((line) => line.startsWith("data: "));
      const name = block.split("\n").find((line) => line.startsWith("event: "));
      // Pause states as they are; the live channel's changes as { changed: [features] }.
      if (data && name === "event: changed") {
        events.push({ changed: (JSON.parse(data.slice(6)) as { features: string[] }).features });
      } else if (data) events.push(JSON.parse(data.slice(6)));
    }
    if (!acted && events.length > 0) {
      acted = true;
      await act();
    }
  }
  controller.abort();
  return { events, ended };
}

describe("live couple events", () => {
  it("tells the partner's open screen about a pause without any reason, and when it ends", async () => {
    const { a, b } = await makeCouple(t.app);
    let endsAt = "";
    const { events } = await readEvents(
      b.client.cookie ?? "",
      (seen) => seen.filter((e) => "activePause" in (e as object)).length >= 3,
      async () => {
        const { pause } = await a.client.api.call(talkRoutes.startPause, { body: { minutes: 25 } });
        endsAt = pause.endsAt;
        setTimeout(() => void a.client.api.call(talkRoutes.endPause), 300);
      },
    );
    expect(events.filter((e) => "activePause" in (e as object))).toEqual([
      { activePause: null },
      { activePause: { byMe: false, endsAt } },
      { activePause: null },
    ]);
    expect(events).toContainEqual({ changed: ["talks"] });
  });

  it("ends the stream when the session idles out, even with the screen left open", async () => {
    const { a } = await makeCouple(t.app);
    const { events, ended } = await readEvents(
      a.client.cookie ?? "",
      () => false,
      async () => {
        t.clock.advance(t.config.sessionIdleMs + 60_000);
      },
    );
    expect(events).toEqual([{ activePause: null }]);
    expect(ended).toBe(true);
  });

  it("ends the stream when the session is signed out", async () => {
    const { a } = await makeCouple(t.app);
    const cookie = a.client.cookie ?? "";
    const { events, ended } = await readEvents(
      cookie,
      () => false,
      async () => {
        await a.client.api.call(accountRoutes.logout);
      },
    );
    expect(events).toEqual([{ activePause: null }]);
    expect(ended).toBe(true);
  });
});

describe("the one live channel", () => {
  it("tells the partner's open screen which feature a shared change touched", async () => {
    const { a, b } = await makeCouple(t.app);
    const { events } = await readEvents(
      b.client.cookie ?? "",
      (seen) => seen.some((e) => "changed" in (e as object)),
      async () => {
        await a.client.api.call(agreementRoutes.propose, {
          body: { id: newItemId(), category: "talk", text: "We talk before nine." },
        });
      },
    );
    expect(events).toContainEqual({ changed: ["agreements"] });
  });

  it("says nothing of what the partner may not see: a private note, a safety check", async () => {
    const { a, b } = await makeCouple(t.app);
    const { events } = await readEvents(
      b.client.cookie ?? "",
      (seen) => seen.some((e) => "changed" in (e as object)),
      async () => {
        await a.client.api.call(intensityRoutes.record, {
          body: { id: newItemId(), value: 7, note: "mine alone", visibility: "private" },
        });
        await a.client.api.call(safetyRoutes.take, {
          body: { id: newItemId(), answers: { "safe-at-home": "yes" } },
        });
        // Long enough for a poll to have told anything it would tell, then one shared change.
        await new Promise((resolve) => setTimeout(resolve, 400));
        await a.client.api.call(talkRoutes.raiseTopic, {
          body: { id: newItemId(), topic: "the weekend" },
        });
      },
    );
    expect(events.filter((e) => "changed" in (e as object))).toEqual([{ changed: ["talks"] }]);
  });
});
