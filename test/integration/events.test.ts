import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountRoutes } from "../../src/contracts/account.ts";
import { talkRoutes } from "../../src/contracts/talks.ts";
import { makeCouple } from "../support/factories.ts";
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
      if (data) events.push(JSON.parse(data.slice(6)));
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
      (seen) => seen.length >= 3,
      async () => {
        const { pause } = await a.client.api.call(talkRoutes.startPause, { body: { minutes: 25 } });
        endsAt = pause.endsAt;
        setTimeout(() => void a.client.api.call(talkRoutes.endPause), 300);
      },
    );
    expect(events).toEqual([
      { activePause: null },
      { activePause: { byMe: false, endsAt } },
      { activePause: null },
    ]);
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
