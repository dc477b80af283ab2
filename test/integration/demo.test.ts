import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PEOPLE, demoDays, seedDemo } from "../../src/cli/demo-seed.ts";
import { passwordKeys } from "../../src/client/crypto/keys.ts";
import { keyringFor, signIn } from "../../src/client/session.ts";
import { accountabilityRoutes } from "../../src/contracts/accountability.ts";
import { agreementRoutes } from "../../src/contracts/agreements.ts";
import type { CoupleView } from "../../src/contracts/couples.ts";
import { hurtRoutes } from "../../src/contracts/hurt.ts";
import { questionRoutes } from "../../src/contracts/questions.ts";
import { reflectionRoutes } from "../../src/contracts/reflections.ts";
import { storyRoutes } from "../../src/contracts/story.ts";
import { stressorRoutes } from "../../src/contracts/stressors.ts";
import { talkRoutes } from "../../src/contracts/talks.ts";
import { utcDay } from "../../src/domain/dates.ts";
import { Client, makeTestApp, type TestApp } from "../support/test-app.ts";

let t: TestApp;
let robin: Client;
let kai: Client;
beforeAll(async () => {
  t = await makeTestApp();
  await seedDemo(t.app, t.clock, t.clock.now());
  const signedIn = async (person: (typeof DEMO_PEOPLE)[number]) => {
    const client = new Client(t.app);
    const { opened } = await signIn(client.api, person, passwordKeys);
    client.keyring = keyringFor(client.api, opened);
    return client;
  };
  robin = await signedIn(DEMO_PEOPLE[0]);
  kai = await signedIn(DEMO_PEOPLE[1]);
}, 120_000);
afterAll(() => t.close());

describe("the demo couple", () => {
  it("has six weeks of Stabilize history through the real API", async () => {
    const couple = (await robin.get("/api/couple")).json<CoupleView>();
    expect(couple.partners.map((p) => p.name)).toEqual(["Robin", "Kai"]);
    expect(couple.phase).toBe("meaning");
    expect(couple.phaseHistory.map((move) => move.to)).toEqual(["stabilize", "meaning"]);
    expect(couple.therapy).toBe("started");
    const met = Object.fromEntries(couple.readiness.items.map((i) => [i.key, i.met]));
    expect(met).toMatchObject({
      "partner-joined": true,
      "statement-heard": false,
      "story-signed": false,
      "safe-enough": true,
    });

    const talk = (await kai.get("/api/talk-times")).json<{
      talkTimes: Array<{ status: string }>;
      next: unknown;
    }>();
    expect(talk.talkTimes.filter((x) => x.status === "accepted")).toHaveLength(2);
    expect(talk.next).not.toBeNull();
    const logs = (await kai.get("/api/talk-logs")).json<{ logs: unknown[] }>().logs;
    expect(logs.length).toBeGreaterThan(12);

    const agreements = (await kai.get("/api/agreements")).json<{
      agreements: Array<{ status: string }>;
    }>();
    expect(
      agreements.agreements.filter((a) => a.status === "accepted").length,
    ).toBeGreaterThanOrEqual(4);
    // Kept on time, as a couple who keeps them would: none overdue but the one whose month has
    // run out (others may fall due today, which is on time still).
    const today = utcDay(t.clock.now());
    const due = (await kai.api.call(agreementRoutes.list)).agreements.filter((x) => x.dueForReview);
    expect(due.filter((x) => x.reviewOn !== today).map((x) => x.text)).toEqual([
      "Phones stay face up in shared rooms, for both of us, for the next month.",
    ]);
    // Opened by Kai's own keys, as his browser would: the demo's words are sealed like anyone's.
    const parking = await kai.api.call(talkRoutes.parkingLot);
    // Seven topics of Stabilize, and one question kept for a talk in Make meaning.
    expect(parking.items.length).toBe(8);
    const waiting = parking.items.filter((i) => i.status === "open").map((i) => i.topic);
    expect(waiting).toContain("Planning something just for the two of us");
    expect(Math.max(...parking.items.map((i) => i.carriedOver))).toBeGreaterThanOrEqual(3);
  });

  it("shows intensity that eases with a hard week in the middle, and keeps private entries private", async () => {
    const mine = (await robin.get("/api/intensity")).json<{
      entries: Array<{ value: number; mine: boolean }>;
    }>();
    const seenByKai = (await kai.get("/api/intensity")).json<{
      entries: Array<{ value: number; mine: boolean }>;
    }>();
    const robinsOwn = mine.entries.filter((e) => e.mine);
    const robinsSeenByKai = seenByKai.entries.filter((e) => !e.mine);
    expect(robinsOwn).toHaveLength(demoDays(t.clock.now()));
    expect(robinsSeenByKai.length).toBeLessThan(robinsOwn.length);
    const values = robinsOwn.map((e) => e.value);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(values.slice(0, 7))).toBeGreaterThan(mean(values.slice(-7)));
    expect(mean(values.slice(18, 25))).toBeGreaterThan(mean(values.slice(11, 18)));
    const texts = async (who: Client) =>
      (await who.api.call(stressorRoutes.list)).stressors.map((x) => x.text);
    expect(await texts(robin)).toContain("Sleeping badly since it came out");
    expect(await texts(kai)).not.toContain("Sleeping badly since it came out");
    expect(await texts(kai)).toContain("Evening football twice a week");
  });

  it("has three weeks of Make meaning, every tool in use, and private words kept private", async () => {
    const reflections = await robin.api.call(reflectionRoutes.list);
    expect(reflections.pairs.map((pair) => pair.promptKey).sort()).toEqual([
      "before-distance",
      "unspoken-alone",
    ]);
    const kaisReflections = await kai.api.call(reflectionRoutes.list);
    expect(kaisReflections.partnerSharedOn).toEqual(["patterns-avoiding"]);
    expect(kaisReflections.reflections.some((r) => r.visibility === "private")).toBe(true);

    const { statements } = await robin.api.call(accountabilityRoutes.overview);
    expect(statements).toHaveLength(1);
    expect(statements[0]?.versions.map((v) => [v.n, v.responses.map((r) => r.heard)])).toEqual([
      [1, ["partly"]],
      [2, ["partly"]],
    ]);
    expect(statements[0]?.addenda).toHaveLength(1);

    const ledger = await robin.api.call(questionRoutes.list);
    expect(ledger.questions.map((q) => q.state).sort()).toEqual([
      "answered",
      "answered",
      "answered",
      "let-go",
      "open",
    ]);
    expect(Math.max(...ledger.questions.map((q) => q.timesAsked))).toBe(2);
    expect(ledger.weeks.length).toBeGreaterThanOrEqual(3);

    const story = await kai.api.call(storyRoutes.read);
    expect(story.paragraphs.map((p) => [p.section, p.version])).toEqual([
      ["before", 1],
      ["what-happened", 2],
      ["understanding", 1],
      ["learned", 1],
    ]);
    expect(story.coherent).toBe(false);

    const robinsHurt = await robin.api.call(hurtRoutes.list);
    const seenByKai = await kai.api.call(hurtRoutes.list);
    expect(robinsHurt.entries.filter((e) => e.mine)).toHaveLength(3);
    expect(seenByKai.entries.filter((e) => !e.mine).map((e) => e.words)).toEqual([
      ["sad", "uneasy"],
    ]);
    expect(JSON.stringify(seenByKai)).not.toContain("foolish");
  });
});
