import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type Api, createApi, fetchTransport, isApiError } from "../../../src/client/api.ts";
import { signupKeys } from "../../../src/client/crypto/account-keys.ts";
import type { Keyring } from "../../../src/client/sealing.ts";
import {
  grantPartner,
  joinCouple,
  keyringFor,
  newInviteLink,
  openInviteLink,
  secretFromFragment,
  signUp,
  startCouple,
} from "../../../src/client/session.ts";
import { accountRoutes } from "../../../src/contracts/account.ts";
import { accountabilityRoutes } from "../../../src/contracts/accountability.ts";
import { agreementRoutes } from "../../../src/contracts/agreements.ts";
import { checkinRoutes } from "../../../src/contracts/checkins.ts";
import { coupleRoutes } from "../../../src/contracts/couples.ts";
import { ERROR_CODES } from "../../../src/contracts/errors.ts";
import { promiseRoutes } from "../../../src/contracts/promises.ts";
import { questionRoutes } from "../../../src/contracts/questions.ts";
import { reflectionRoutes } from "../../../src/contracts/reflections.ts";
import { milestoneRoutes, setbackRoutes } from "../../../src/contracts/setbacks.ts";
import { signalRoutes } from "../../../src/contracts/signals.ts";
import { storyRoutes } from "../../../src/contracts/story.ts";
import { stressorRoutes } from "../../../src/contracts/stressors.ts";
import { talkRoutes } from "../../../src/contracts/talks.ts";
import { addDaysToDay } from "../../../src/domain/dates.ts";
import { REFLECTION_PROMPTS } from "../../../src/domain/reflections.ts";
import { WEEKDAYS } from "../../../src/domain/schedule.ts";
import { accountService } from "../../../src/server/features/account/account.service.ts";
import { accountStore } from "../../../src/server/features/account/account.store.ts";
import { rateLimits } from "../../../src/server/platform/rate-limit.ts";
import { sessionStore } from "../../../src/server/platform/session.store.ts";
import {
  type Couple,
  deriveOnce,
  makeAgreement,
  makeCouple,
  makePerson,
  newItemId,
  PASSWORD,
  type Person,
  TEST_KDF,
} from "../../support/factories.ts";
import { makeTestApp, type TestApp } from "../../support/test-app.ts";

/**
 * Every "at most one" / "only once" rule of Mend, raced: each race sends its requests at the
 * same moment over real HTTP to a listening server (so on PostgreSQL they run side by side on
 * the pool's connections, not one after the other), a few rounds each. A race passes when its
 * answers are the answers of some one-after-the-other order of the same requests, every refusal
 * is a clean error of the rule's own code, and what is stored afterwards holds the rule.
 *
 * The rules, by feature:
 * - Couples: one couple per person; one open invite per couple (a new one replaces it); an
 *   invite is used once; at most two partners (a join and a new invite at once, and joins
 *   with every link a burst of new invites handed out).
 * - Phases: one pending move per couple, proposed once by one partner and confirmed once by
 *   the other; a pending move is answered once (not yet, withdrawn, or confirmed).
 * - Pause: one running pause per couple (calling it again replaces one's own); ending one's
 *   pause early happens once.
 * - Talk times: a proposal is answered once (accepted, declined, countered or withdrawn); one
 *   log per partner per talk window.
 * - Parking lot: a topic is discussed once.
 * - Agreements: a proposal is answered once; the same review sent twice is done once.
 * - Reflections: one reflection per partner per prompt; a draft is shared once, and stays as
 *   it was shared.
 * - Accountability: each shared version takes its own number; one working copy per partner.
 * - Questions: answered once (until asked again), asked again once per answer, let go once.
 * - Story: one rewrite per version of a paragraph; one signature per partner, counted for
 *   the story as it stood; a signature never stands beside a disagreement made at once.
 * - Promises: a proposal is answered once; one mark per due day; one view per due day; days
 *   off are answered once; a review retires it once.
 * - Check-ins: one per partner per week, closed once both are in.
 * - Setbacks: "repaired" is said once by each partner.
 * - Milestones and signals: one sighting per milestone and person; one snooze per signal and
 *   person.
 * - Account: one account per e-mail address; a reset link works once; the space key is
 *   granted to a partner once.
 * - Sealed items: an id names one item.
 * - Not raced here: one live therapist link (therapists.test.ts holds it). Naming a person in
 *   the circle of support is no "once" rule: the partner's answer stays open, as feelings about
 *   a confidant may change.
 */

const ROUNDS = 3;
/** Four requests per partner where both may act, eight from one where only one may. */
const EACH = 4;

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await makeTestApp();
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

interface Answer {
  who: string;
  status: number;
  body: unknown;
  /** What the client made of a success (words opened), for comparing with what is stored. */
  value: unknown;
}

/** Whoever sends a request: a signed-in person, or someone not signed in yet. */
interface Caller {
  name: string;
  client: { cookie: string | null; keyring: Keyring | null };
}
type Call = (api: Api) => Promise<unknown>;
type Entry = readonly [Caller, Call];

/**
 * Sends every call at the same moment: each is sealed first and waits at a gate, and the gate
 * opens once all have reached it, so the requests leave together on their own connections.
 */
async function race(entries: readonly Entry[]): Promise<Answer[]> {
  let open = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let waiting = entries.length;
  const arrive = () => {
    waiting -= 1;
    if (waiting === 0) open();
  };
  return Promise.all(
    entries.map(async ([person, call]) => {
      const wire = fetchTransport(base, { cookie: person.client.cookie });
      let arrived = false;
      let answer: Omit<Answer, "value"> = { who: person.name, status: 0, body: "never sent" };
      const api = createApi(
        async (request) => {
          if (!arrived) {
            arrived = true;
            arrive();
            await gate;
          }
          const reply = await wire(request);
          answer = { who: person.name, ...reply };
          return reply;
        },
        { keyring: () => person.client.keyring },
      );
      let value: unknown = null;
      try {
        value = await call(api);
      } catch (error) {
        if (!isApiError(error)) throw error;
      } finally {
        if (!arrived) arrive();
      }
      return { ...answer, value };
    }),
  );
}

const times = (n: number, person: Caller, call: Call): Entry[] =>
  Array.from({ length: n }, () => [person, call] as const);
/** The same call by both partners, interleaved: a, b, a, b… */
const byBoth = ({ a, b }: Couple, call: (me: Person) => Call): Entry[] =>
  Array.from({ length: EACH }, () => [[a, call(a)] as const, [b, call(b)] as const]).flat();

/** The one error shape, with nothing else in it: no internals, no echo of the request. */
const CleanError = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string().min(1),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

/** "201", or "409 pause_running"; an answer outside the error shape says so, with its body. */
function outcome(answer: Answer): string {
  if (answer.status >= 200 && answer.status < 300) return String(answer.status);
  const clean = CleanError.safeParse(answer.body);
  if (clean.success) return `${answer.status} ${clean.data.error.code}`;
  return `${answer.status} outside the error shape: ${JSON.stringify(answer.body)}`;
}

function tally(answers: readonly Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) {
    const key = outcome(answer);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Each person's tally, in a stable order, for rules where who wins is up to the race. */
function tallies(answers: readonly Answer[]): Array<Record<string, number>> {
  const people = [...new Set(answers.map((a) => a.who))];
  return people
    .map((who) => tally(answers.filter((a) => a.who === who)))
    .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
}

/**
 * Exactly `exact` of the outcomes named there, and every other answer one of `others`: for races
 * where more than one order of the requests is fair, or where a loser may meet the state before
 * or after the winner's change (a 404 once it is gone, a 409 "changed meanwhile" as it goes).
 */
function expectOutcomes(
  answers: readonly Answer[],
  exact: Record<string, number>,
  others: readonly string[],
): void {
  const counts = tally(answers);
  const named = Object.fromEntries(Object.keys(exact).map((key) => [key, counts[key] ?? 0]));
  const unexpected = Object.keys(counts).filter((key) => !(key in exact) && !others.includes(key));
  expect({ named, unexpected }).toEqual({ named: exact, unexpected: [] });
}

const of = (answers: readonly Answer[], person: Caller) =>
  answers.filter((answer) => answer.who === person.name);

const successes = (answers: readonly Answer[]) =>
  answers.filter((a) => a.status >= 200 && a.status < 300);

async function rounds(work: (round: number) => Promise<void>): Promise<void> {
  for (let round = 0; round < ROUNDS; round++) await work(round);
}

/** Home and the couple view still answer, for both partners, after a race. */
async function expectHomeAnswers({ a, b }: Couple): Promise<void> {
  for (const person of [a, b]) {
    expect((await person.client.get("/api/couple")).status).toBe(200);
  }
}

const db = () => t.database.db;
const now = () => t.clock.now().toISOString();

async function runningPauses(coupleId: string): Promise<number> {
  const rows = await db()
    .selectFrom("pauses")
    .select("id")
    .where("couple_id", "=", coupleId)
    .where("ended_at", "is", null)
    .where("ends_at", ">", now())
    .execute();
  return rows.length;
}

async function openInvites(coupleId: string): Promise<number> {
  const rows = await db()
    .selectFrom("invites")
    .select("id")
    .where("couple_id", "=", coupleId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now())
    .execute();
  return rows.length;
}

async function memberCount(coupleId: string): Promise<number> {
  const rows = await db()
    .selectFrom("couple_members")
    .select("user_id")
    .where("couple_id", "=", coupleId)
    .execute();
  return rows.length;
}

const tokenOf = (link: string) => new URL(link).pathname.split("/").pop() ?? "";

/** A couple started by `a` whose partner has not joined yet, with the space key its link opens. */
async function startedBy(a: Person) {
  const started = await startCouple(a.client.api, a.opened, "hurt");
  a.client.keyring?.forgetSpace();
  const preview = await a.client.api.call(coupleRoutes.previewInvite, {
    params: { token: tokenOf(started.link) },
  });
  const spaceKey = await openInviteLink(preview, secretFromFragment(new URL(started.link).hash));
  if (!spaceKey) throw new Error("The invite link did not open its box.");
  return { coupleId: started.couple.id, link: started.link, spaceKey };
}

/** A join by `person` with `link`, sealed with the couple's key (as the link would give it). */
const joinWith =
  (person: Person, link: string, space: { coupleId: string; spaceKey: Uint8Array }): Call =>
  (api) =>
    joinCouple(
      api,
      person.opened,
      tokenOf(link),
      { coupleId: space.coupleId, keyVersion: 1 },
      space.spaceKey,
      "broke-trust",
    );

describe("couples", () => {
  it("gives each person one couple, however many they start at once", async () => {
    await rounds(async () => {
      const a = await makePerson(t.app, "Robin");
      const answers = await race(times(2 * EACH, a, (api) => startCouple(api, a.opened, "hurt")));
      expect(tally(answers)).toEqual({ "201": 1, "409 already_in_couple": 2 * EACH - 1 });
      const memberships = await db()
        .selectFrom("couple_members")
        .select("couple_id")
        .where("user_id", "=", a.id)
        .execute();
      expect(memberships).toHaveLength(1);
      expect((await a.client.get("/api/couple")).status).toBe(200);
    });
  });

  it("keeps one open invite when new ones are asked for at once, and only the newest works", async () => {
    await rounds(async () => {
      const a = await makePerson(t.app, "Robin");
      const space = await startedBy(a);
      const answers = await race(
        times(2 * EACH, a, async (api) => {
          const keyring = keyringFor(a.client.api, a.opened);
          return (await newInviteLink(api, keyring)).link;
        }),
      );
      expect(tally(answers)).toEqual({ "201": 2 * EACH });
      expect(await openInvites(space.coupleId)).toBe(1);
      const links = [space.link, ...answers.map((x) => String(x.value))];
      const previews = await Promise.all(
        links.map((link) => a.client.get(`/api/invites/${tokenOf(link)}`)),
      );
      expect(previews.map((p) => p.status).sort()).toEqual([
        200,
        ...Array<number>(links.length - 1).fill(404),
      ]);
    });
  });

  it("lets one person in by an invite that several use at once", async () => {
    await rounds(async () => {
      const a = await makePerson(t.app, "Robin");
      const space = await startedBy(a);
      const joiners = await Promise.all(
        Array.from({ length: 2 * EACH }, () => makePerson(t.app, "Kai")),
      );
      const answers = await race(
        joiners.map((person) => [person, joinWith(person, space.link, space)] as const),
      );
      // A joiner who read the invite before the winner's join meets the full couple instead.
      expectOutcomes(answers, { "200": 1 }, ["409 invite_used", "409 couple_full"]);
      expect(await memberCount(space.coupleId)).toBe(2);
      const view = await a.client.api.call(coupleRoutes.view);
      expect(view.partners).toHaveLength(2);
      expect(view.invitePending).toBe(false);
    });
  });

  it("answers a join and new invites at once as if one came first", async () => {
    await rounds(async () => {
      const a = await makePerson(t.app, "Robin");
      const b = await makePerson(t.app, "Kai");
      const space = await startedBy(a);
      const keyring = keyringFor(a.client.api, a.opened);
      const answers = await race([
        [b, joinWith(b, space.link, space)],
        ...times(EACH, a, (api) => newInviteLink(api, keyring)),
      ]);
      const joined = answers[0]?.status === 200;
      // Join first: the couple is full and no invite is made. Invites first: the link is gone.
      expect(tally(answers)).toEqual(
        joined ? { "200": 1, "409 couple_full": EACH } : { "404 not_found": 1, "201": EACH },
      );
      expect(await openInvites(space.coupleId)).toBe(joined ? 0 : 1);
      expect(await memberCount(space.coupleId)).toBe(joined ? 2 : 1);
    });
  });

  it("never lets a third person in, whatever links a burst of new invites handed out", async () => {
    await rounds(async () => {
      const a = await makePerson(t.app, "Robin");
      const space = await startedBy(a);
      const keyring = keyringFor(a.client.api, a.opened);
      const made = await race(
        times(EACH, a, async (api) => (await newInviteLink(api, keyring)).link),
      );
      const links = [space.link, ...successes(made).map((x) => String(x.value))];
      const joiners = await Promise.all(links.map(() => makePerson(t.app, "Kai")));
      const answers = await race(
        joiners.map((person, i) => [person, joinWith(person, links[i] ?? "", space)] as const),
      );
      expect(tally(answers)).toEqual({ "200": 1, "404 not_found": links.length - 1 });
      expect(await memberCount(space.coupleId)).toBe(2);
    });
  });
});

describe("phases", () => {
  const propose =
    (to: "meaning"): Call =>
    (api) =>
      api.call(coupleRoutes.changePhase, { body: { to } });

  it("holds one pending move when one partner proposes it many times at once", async () => {
    await rounds(async () => {
      const couple = await makeCouple(t.app);
      const answers = await race(times(2 * EACH, couple.a, propose("meaning")));
      expect(tally(answers)).toEqual({ "202": 1, "409 already_proposed": 2 * EACH - 1 });
      const view = await couple.b.client.api.call(coupleRoutes.view);
      expect(view.pendingPhase).toMatchObject({ to: "meaning", proposedBy: couple.a.id });
      const pending = await db()
        .selectFrom("phase_proposals")
        .select("id")
        .where("couple_id", "=", couple.coupleId)
        .where("resolved_at", "is", null)
        .execute();
      expect(pending).toHaveLength(1);
      await expectHomeAnswers(couple);
    });
  });

  it("moves forward once, proposed by one and confirmed by the other, when both ask at once", async () => {
    await rounds(async () => {
      const couple = await makeCouple(t.app);
      const answers = await race(byBoth(couple, () => propose("meaning")));
      expectOutcomes(answers, { "202": 1, "200": 1 }, ["409 already_proposed", "409 same_phase"]);
      const view = await couple.a.client.api.call(coupleRoutes.view);
      expect(view.phase).toBe("meaning");
      expect(view.pendingPhase).toBeNull();
      expect(view.phaseHistory.filter((h) => h.direction === "forward")).toHaveLength(1);
      await expectHomeAnswers(couple);
    });
  });

  it("answers a pending move once: not yet and withdrawn at once", async () => {
    await rounds(async () => {
      const couple = await makeCouple(t.app);
      await couple.a.client.api.call(coupleRoutes.changePhase, { body: { to: "meaning" } });
      const answers = await race(
        byBoth(couple, () => (api) => api.call(coupleRoutes.cancelPendingPhase)),
      );
      expectOutcomes(answers, { "204": 1 }, ["404 not_found", "409 proposal_gone"]);
      const view = await couple.a.client.api.call(coupleRoutes.view);
      expect(view.pendingPhase).toBeNull();
      expect(view.phase).toBe("stabilize");
    });
  });

  it("answers a pending move once: confirmed and withdrawn at once", async () => {
    await rounds(async () => {
      const couple = await makeCouple(t.app);
      await couple.a.client.api.call(coupleRoutes.changePhase, { body: { to: "meaning" } });
      const seen = (await couple.b.client.api.call(coupleRoutes.view)).pendingPhase?.id ?? "";
      const answers = await race([
        ...times(EACH, couple.b, (api) =>
          api.call(coupleRoutes.changePhase, { body: { to: "meaning", seen } }),
        ),
        ...times(EACH, couple.a, (api) =>
          api.call(coupleRoutes.cancelPendingPhase, { query: { id: seen } }),
        ),
      ]);
      const confirmed = of(answers, couple.b).some((x) => x.status === 200);
      // Confirmed first: the withdrawals find nothing pending. Withdrawn first: the
      // confirmations name a suggestion that is gone.
      expectOutcomes(of(answers, couple.b), { "200": confirmed ? 1 : 0 }, [
        "409 changed_meanwhile",
        "409 proposal_gone",
      ]);
      expectOutcomes(of(answers, couple.a), { "204": confirmed ? 0 : 1 }, [
        "404 not_found",
        "409 proposal_gone",
      ]);
      const view = await couple.a.client.api.call(coupleRoutes.view);
      expect(view.pendingPhase).toBeNull();
      expect(view.phase).toBe(confirmed ? "meaning" : "stabilize");
      await expectHomeAnswers(couple);
    });
  });
});

describe("the pause", () => {
  it("runs one pause per couple when both call one at once", async () => {
    await rounds(async () => {
      const couple = await makeCouple(t.app);
      const answers = await race(
        byBoth(couple, () => (api) => api.call(talkRoutes.startPause, { body: { minutes: 20 } })),
      );
      // Whoever came first may call it again (a new return time); the other waits.
      expect(tallies(answers)).toEqual([{ "201": EACH }, { "409 pause_running": EACH }]);
      expect(await runningPauses(couple.coupleId)).toBe(1);
      const winner = successes(answers)[0]?.who === couple.a.name ? couple.a : couple.b;
      const view = await winner.client.api.call(coupleRoutes.view);
      expect(view.activePause).toMatchObject({ byMe: true });
      await expectHomeAnswers(couple);
    });
  });

  it("ends one's own pause early once", async () => {
    await rounds(async () => {
      const couple = await makeCouple(t.app);
      await couple.a.client.api.call(talkRoutes.startPause, { body: { minutes: 20 } });
      const answers = await race(times(2 * EACH, couple.a, (api) => api.call(talkRoutes.endPause)));
      expect(tally(answers)).toEqual({ "204": 1, "404 not_found": 2 * EACH - 1 });
      expect(await runningPauses(couple.coupleId)).toBe(0);
    });
  });
});

/** A weekly talk time whose window begins an hour from now, in UTC, agreed by both. */
async function agreedTalkTime({ a, b }: Couple) {
  const startsAt = new Date(t.clock.now().getTime() + 3_600_000);
  const weekday = WEEKDAYS[(startsAt.getUTCDay() + 6) % 7] ?? "mon";
  const start = startsAt.toISOString().slice(11, 16);
  const { talkTime } = await a.client.api.call(talkRoutes.proposeTalkTime, {
    body: { weekday, start, minutes: 30, timeZone: "UTC" },
  });
  await b.client.api.call(talkRoutes.acceptTalkTime, { params: { id: talkTime.id } });
  return {
    id: talkTime.id,
    windowStart: startsAt.toISOString().replace(/:\d\d\.\d{3}Z$/, ":00.000Z"),
  };
}

describe("talk times and the parking lot", () => {
  it("answers a talk-time proposal once", async () => {
    const couple = await makeCouple(t.app);
    const { a, b } = couple;
    await rounds(async () => {
      const { talkTime } = await a.client.api.call(talkRoutes.proposeTalkTime, {
        body: { weekday: "sun", start: "18:00", minutes: 45, timeZone: "Europe/Berlin" },
      });
      const params = { id: talkTime.id };
      const answers = await race([
        ...times(2, b, (api) => api.call(talkRoutes.acceptTalkTime, { params })),
        [b, (api) => api.call(talkRoutes.declineTalkTime, { params })],
        [
          b,
          (api) =>
            api.call(talkRoutes.counterTalkTime, {
              params,
              body: { weekday: "mon", start: "19:00", minutes: 30, timeZone: "Europe/Berlin" },
            }),
        ],
        ...times(EACH, a, (api) => api.call(talkRoutes.withdrawTalkTime, { params })),
      ]);
      expect(tally(answers)).toEqual({ "200": 1, "409 talk_time_state": 2 * EACH - 1 });
      const { talkTimes } = await a.client.api.call(talkRoutes.talkTimes);
      const counters = talkTimes.filter((x) => x.replacesId === talkTime.id);
      const status = talkTimes.find((x) => x.id === talkTime.id)?.status;
      expect(counters).toHaveLength(status === "countered" ? 1 : 0);
      expect(status).not.toBe("proposed");
    });
  });

  it("keeps one log per partner for a talk window", async () => {
    await rounds(async () => {
      const couple = await makeCouple(t.app);
      const talk = await agreedTalkTime(couple);
      t.clock.advance(2 * 3_600_000);
      const answers = await race(
        byBoth(
          couple,
          () => (api) =>
            api.call(talkRoutes.logTalk, {
              params: { id: talk.id },
              body: {
                id: newItemId(),
                windowStart: talk.windowStart,
                went: "calm",
                intensityBefore: 4,
                intensityAfter: 3,
                visibility: "couple",
              },
            }),
        ),
      );
      expect(tallies(answers)).toEqual([
        { "201": 1, "409 already_logged": EACH - 1 },
        { "201": 1, "409 already_logged": EACH - 1 },
      ]);
      const { logs } = await couple.a.client.api.call(talkRoutes.talkLogs);
      expect(logs.map((log) => log.by).sort()).toEqual([couple.a.id, couple.b.id].sort());
    });
  });

  it("marks a parked topic discussed once", async () => {
    const couple = await makeCouple(t.app);
    await rounds(async () => {
      const { item } = await couple.a.client.api.call(talkRoutes.raiseTopic, {
        body: { id: newItemId(), topic: "The weekend at your sister's" },
      });
      const answers = await race(
        byBoth(couple, () => (api) => api.call(talkRoutes.discussed, { params: { id: item.id } })),
      );
      expect(tally(answers)).toEqual({ "200": 1, "409 topic_closed": 2 * EACH - 1 });
      const { items } = await couple.b.client.api.call(talkRoutes.parkingLot);
      expect(items.find((x) => x.id === item.id)?.status).toBe("discussed");
    });
  });
});

describe("agreements", () => {
  it("answers an agreement proposal once", async () => {
    const couple = await makeCouple(t.app);
    const { a, b } = couple;
    await rounds(async () => {
      const { id } = await makeAgreement(a);
      const params = { id };
      const answers = await race([
        ...times(2, b, (api) => api.call(agreementRoutes.accept, { params })),
        [b, (api) => api.call(agreementRoutes.decline, { params })],
        [
          b,
          (api) =>
            api.call(agreementRoutes.counter, {
              params,
              body: { id: newItemId(), text: "Only after dinner, and never after 20:00." },
            }),
        ],
        ...times(EACH, a, (api) => api.call(agreementRoutes.withdraw, { params })),
      ]);
      expect(tally(answers)).toEqual({ "200": 1, "409 agreement_state": 2 * EACH - 1 });
      const { history } = await a.client.api.call(agreementRoutes.get, { params });
      expect(history.map((h) => h.kind).filter((k) => k !== "proposed")).toHaveLength(1);
    });
  });

  it("does the same review once, however often it is sent at once", async () => {
    const couple = await makeCouple(t.app);
    const { a, b } = couple;
    await rounds(async (round) => {
      const { id } = await makeAgreement(a);
      await b.client.api.call(agreementRoutes.accept, { params: { id } });
      const reviewId = newItemId();
      const body =
        round % 2 === 0
          ? { id: reviewId, outcome: "keep" as const }
          : { id: reviewId, outcome: "retire" as const };
      const answers = await race(
        times(2 * EACH, a, (api) => api.call(agreementRoutes.review, { params: { id }, body })),
      );
      expect(tally(answers)).toEqual({ "200": 2 * EACH });
      const { history } = await a.client.api.call(agreementRoutes.get, { params: { id } });
      const reviews = history.filter((h) => h.kind === "kept" || h.kind === "retired");
      expect(reviews).toEqual([expect.objectContaining({ id: body.id })]);
    });
  });
});

const prompt = (round: number) => REFLECTION_PROMPTS[round % REFLECTION_PROMPTS.length]?.key ?? "";

describe("reflections and the accountability statement", () => {
  it("keeps one reflection per partner on a prompt", async () => {
    const couple = await makeCouple(t.app);
    await rounds(async (round) => {
      const answers = await race(
        byBoth(
          couple,
          (me) => (api) =>
            api.call(reflectionRoutes.write, {
              params: { id: newItemId() },
              body: { promptKey: prompt(round), body: `${me.name} on this`, visibility: "private" },
            }),
        ),
      );
      expect(tallies(answers)).toEqual([
        { "201": 1, "409 prompt_answered": EACH - 1 },
        { "201": 1, "409 prompt_answered": EACH - 1 },
      ]);
      const { reflections } = await couple.a.client.api.call(reflectionRoutes.list);
      expect(reflections.filter((r) => r.mine && r.promptKey === prompt(round))).toHaveLength(1);
    });
  });

  it("shares a draft once, and it stays as it was shared", async () => {
    const couple = await makeCouple(t.app);
    const { a } = couple;
    await rounds(async (round) => {
      const id = newItemId();
      const promptKey = prompt(round);
      await a.client.api.call(reflectionRoutes.write, {
        params: { id },
        body: { promptKey, body: "A first private try", visibility: "private" },
      });
      const answers = await race(
        Array.from(
          { length: 2 * EACH },
          (_, n) =>
            [
              a,
              (api: Api) =>
                api.call(reflectionRoutes.write, {
                  params: { id },
                  body: { promptKey, body: `Shared as version ${n}`, visibility: "couple" },
                }),
            ] as const,
        ),
      );
      expect(tally(answers)).toEqual({ "200": 1, "409 reflection_shared": 2 * EACH - 1 });
      const shared = successes(answers)[0]?.value as { reflection: { body: string } };
      const { reflections } = await a.client.api.call(reflectionRoutes.list);
      expect(reflections.find((r) => r.id === id)?.body).toBe(shared.reflection.body);
    });
  });

  it("gives each shared version of a statement its own number", async () => {
    await rounds(async () => {
      const { a } = await makeCouple(t.app);
      const answers = await race(
        Array.from(
          { length: 2 * EACH },
          (_, n) =>
            [
              a,
              (api: Api) =>
                api.call(accountabilityRoutes.share, {
                  body: {
                    id: newItemId(),
                    whatIDid: `What I did, told the ${n}th time`,
                    impact: "What it did to you",
                    whyNotSooner: "Why I did not say so sooner",
                  },
                }),
            ] as const,
        ),
      );
      expect(tally(answers)).toEqual({ "201": 2 * EACH });
      const { statements } = await a.client.api.call(accountabilityRoutes.overview);
      expect(statements[0]?.versions.map((v) => v.n).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 2 * EACH }, (_, i) => i + 1),
      );
    });
  });

  it("keeps one working copy per partner", async () => {
    const couple = await makeCouple(t.app);
    await rounds(async () => {
      const answers = await race(
        times(2 * EACH, couple.a, (api) =>
          api.call(accountabilityRoutes.saveDraft, {
            body: { id: newItemId(), whatIDid: "Still finding the words" },
          }),
        ),
      );
      expect(tally(answers)).toEqual({ "200": 2 * EACH });
      const { draft } = await couple.a.client.api.call(accountabilityRoutes.overview);
      const saved = answers.map((x) => (x.value as { draft: { id: string } }).draft.id);
      expect(saved).toContain(draft?.id);
      const rows = await db()
        .selectFrom("accountability_drafts")
        .select("id")
        .where("couple_id", "=", couple.coupleId)
        .execute();
      expect(rows).toHaveLength(1);
    });
  });
});

describe("the question ledger", () => {
  const ask = async (asker: Person) =>
    (
      await asker.client.api.call(questionRoutes.ask, {
        body: { id: newItemId(), text: "Where were you that Thursday?" },
      })
    ).question;
  const answer =
    (id: string): Call =>
    (api) =>
      api.call(questionRoutes.answer, {
        params: { id },
        body: { id: newItemId(), text: "At the office, then at Sam's." },
      });

  it("takes one answer to a question", async () => {
    const couple = await makeCouple(t.app);
    await rounds(async () => {
      const question = await ask(couple.a);
      const answers = await race(times(2 * EACH, couple.b, answer(question.id)));
      expect(tally(answers)).toEqual({ "200": 1, "409 question_state": 2 * EACH - 1 });
      const { questions } = await couple.a.client.api.call(questionRoutes.list);
      expect(questions.find((q) => q.id === question.id)?.answers).toHaveLength(1);
    });
  });

  it("asks a question again once per answer", async () => {
    const couple = await makeCouple(t.app);
    await rounds(async () => {
      const question = await ask(couple.a);
      await answer(question.id)(couple.b.client.api);
      const answers = await race(
        times(2 * EACH, couple.a, (api) =>
          api.call(questionRoutes.askAgain, {
            params: { id: question.id },
            body: { id: newItemId() },
          }),
        ),
      );
      expect(tally(answers)).toEqual({ "200": 1, "409 question_state": 2 * EACH - 1 });
      const { questions } = await couple.a.client.api.call(questionRoutes.list);
      const asked = questions.find((q) => q.id === question.id);
      expect({ timesAsked: asked?.timesAsked, again: asked?.askedAgain.length }).toEqual({
        timesAsked: 2,
        again: 1,
      });
    });
  });

  it("lets a question go once", async () => {
    const couple = await makeCouple(t.app);
    await rounds(async () => {
      const question = await ask(couple.a);
      const answers = await race(
        times(2 * EACH, couple.a, (api) =>
          api.call(questionRoutes.letGo, { params: { id: question.id } }),
        ),
      );
      expect(tally(answers)).toEqual({ "200": 1, "409 question_state": 2 * EACH - 1 });
      const { questions } = await couple.a.client.api.call(questionRoutes.list);
      expect(questions.find((q) => q.id === question.id)?.state).toBe("let-go");
    });
  });
});

describe("the shared story", () => {
  /** One paragraph both agree with, marked a moment ago, and the revision it stands at. */
  async function agreedStory({ a, b }: Couple) {
    const { paragraph } = await a.client.api.call(storyRoutes.add, {
      body: { id: newItemId(), section: "what-happened", text: "It began the spring you moved." },
    });
    for (const person of [a, b]) {
      await person.client.api.call(storyRoutes.mark, {
        params: { id: paragraph.id },
        body: { id: newItemId(), mark: "agree", version: paragraph.version },
      });
    }
    // Marks are ordered by their moment: the race's come after these.
    t.clock.advance(1_000);
    const story = await a.client.api.call(storyRoutes.read);
    expect(story.coherent).toBe(true);
    return { paragraph, revision: story.revision };
  }

  it("takes one rewrite of a paragraph's version", async () => {
    const couple = await makeCouple(t.app);
    await rounds(async () => {
      const { paragraph } = await couple.a.client.api.call(storyRoutes.add, {
        body: { id: newItemId(), section: "before", text: "We were tired, both of us." },
      });
      const answers = await race(
        byBoth(
          couple,
          (me) => (api) =>
            api.call(storyRoutes.edit, {
              params: { id: paragraph.id },
              body: { text: `As ${me.name} tells it`, version: paragraph.version },
            }),
        ),
      );
      expect(tally(answers)).toEqual({ "200": 1, "409 changed_meanwhile": 2 * EACH - 1 });
      const story = await couple.a.client.api.call(storyRoutes.read);
      const stored = story.paragraphs.find((p) => p.id === paragraph.id);
      const winner = successes(answers)[0]?.who;
      expect({ version: stored?.version, text: stored?.text }).toEqual({
        version: paragraph.version + 1,
        text: `As ${winner} tells it`,
      });
    });
  });

  it("is signed once by each partner when both sign at once", async () => {
    await rounds(async () => {
      const couple = await makeCouple(t.app);
      const { revision } = await agreedStory(couple);
      const answers = await race(
        byBoth(couple, () => (api) => api.call(storyRoutes.sign, { query: { revision } })),
      );
      expect(tally(answers)).toEqual({ "200": 2 * EACH });
      const story = await couple.b.client.api.call(storyRoutes.read);
      expect(story.signedBy.sort()).toEqual([couple.a.id, couple.b.id].sort());
      expect(story.signatures).toHaveLength(2);
      expect(story.signedAt).not.toBeNull();
      const { milestones } = await couple.a.client.api.call(milestoneRoutes.list);
      expect(milestones.filter((m) => m.key === "story-signed")).toHaveLength(1);
    });
  });

  it("never stands signed beside a disagreement made at the same moment", async () => {
    await rounds(async () => {
      const couple = await makeCouple(t.app);
      const { paragraph, revision } = await agreedStory(couple);
      await couple.b.client.api.call(storyRoutes.sign, { query: { revision } });
      const answers = await race([
        ...times(EACH, couple.a, (api) => api.call(storyRoutes.sign, { query: { revision } })),
        ...times(EACH, couple.b, (api) =>
          api.call(storyRoutes.mark, {
            params: { id: paragraph.id },
            body: { id: newItemId(), mark: "disagree", version: paragraph.version },
          }),
        ),
      ]);
      // A disagreement always stands; a signature only if it came first (and then stops counting).
      expectOutcomes(of(answers, couple.b), { "200": EACH }, []);
      expectOutcomes(of(answers, couple.a), {}, ["200", "409 changed_meanwhile"]);
      const story = await couple.a.client.api.call(storyRoutes.read);
      expect({ coherent: story.coherent, signedAt: story.signedAt, by: story.signedBy }).toEqual({
        coherent: false,
        signedAt: null,
        by: [],
      });
    });
  });
});

describe("promises", () => {
  /** A daily promise by `b`, accepted by `a` today, and today in the couple's zone. */
  async function activePromise({ a, b }: Couple) {
    const { promise } = await b.client.api.call(promiseRoutes.create, {
      body: {
        id: newItemId(),
        text: "Text you when I leave work",
        noticeHow: "A message before 18:30",
        cadence: { kind: "daily" },
        kind: "ordinary",
      },
    });
    await a.client.api.call(promiseRoutes.accept, { params: { id: promise.id } });
    const { today } = await a.client.api.call(promiseRoutes.list);
    return { id: promise.id, today };
  }

  it("answers a promise proposal once", async () => {
    const couple = await makeCouple(t.app);
    const { a, b } = couple;
    await rounds(async () => {
      const { promise } = await b.client.api.call(promiseRoutes.create, {
        body: {
          id: newItemId(),
          text: "Put the phone away at dinner",
          noticeHow: "It stays in the hall",
          cadence: { kind: "daily" },
          kind: "ordinary",
        },
      });
      const params = { id: promise.id };
      const answers = await race([
        ...times(2, a, (api) => api.call(promiseRoutes.accept, { params })),
        ...times(2, a, (api) => api.call(promiseRoutes.decline, { params })),
        ...times(EACH, b, (api) => api.call(promiseRoutes.withdraw, { params })),
      ]);
      expect(tally(answers)).toEqual({ "200": 1, "409 promise_state": 2 * EACH - 1 });
      const { promises } = await a.client.api.call(promiseRoutes.list);
      expect(promises.find((p) => p.id === promise.id)?.status).not.toBe("proposed");
    });
  });

  it("keeps one mark per due day, the last one given", async () => {
    const couple = await makeCouple(t.app);
    await rounds(async () => {
      const promise = await activePromise(couple);
      const answers = await race(
        Array.from(
          { length: 2 * EACH },
          (_, n) =>
            [
              couple.b,
              (api: Api) =>
                api.call(promiseRoutes.mark, {
                  params: { id: promise.id },
                  body: { id: newItemId(), on: promise.today, mark: n % 2 ? "kept" : "missed" },
                }),
            ] as const,
        ),
      );
      expect(tally(answers)).toEqual({ "200": 2 * EACH });
      const marks = await db()
        .selectFrom("promise_marks")
        .select("mark")
        .where("promise_id", "=", promise.id)
        .where("on_day", "=", promise.today)
        .execute();
      expect(marks).toHaveLength(1);
    });
  });

  it("keeps one view per due day", async () => {
    const couple = await makeCouple(t.app);
    await rounds(async () => {
      const promise = await activePromise(couple);
      const answers = await race(
        Array.from(
          { length: 2 * EACH },
          (_, n) =>
            [
              couple.a,
              (api: Api) =>
                api.call(promiseRoutes.view, {
                  params: { id: promise.id },
                  body: { on: promise.today, view: n % 2 ? "saw-it" : "did-not-see" },
                }),
            ] as const,
        ),
      );
      expect(tally(answers)).toEqual({ "200": 2 * EACH });
      const views = await db()
        .selectFrom("promise_views")
        .select("view")
        .where("promise_id", "=", promise.id)
        .execute();
      expect(views).toHaveLength(1);
    });
  });

  it("answers days off once", async () => {
    const couple = await makeCouple(t.app);
    await rounds(async () => {
      const promise = await activePromise(couple);
      const { excusal } = await couple.b.client.api.call(promiseRoutes.excuse, {
        params: { id: promise.id },
        body: { id: newItemId(), from: promise.today, to: addDaysToDay(promise.today, 1) },
      });
      const params = { id: promise.id, eid: excusal.id };
      const answers = await race([
        ...times(EACH, couple.a, (api) => api.call(promiseRoutes.acceptExcusal, { params })),
        ...times(EACH, couple.a, (api) => api.call(promiseRoutes.declineExcusal, { params })),
      ]);
      expect(tally(answers)).toEqual({ "200": 1, "409 excusal_state": 2 * EACH - 1 });
    });
  });

  it("retires a promise at review once", async () => {
    const couple = await makeCouple(t.app);
    await rounds(async () => {
      const promise = await activePromise(couple);
      const answers = await race(
        byBoth(
          couple,
          () => (api) =>
            api.call(promiseRoutes.review, {
              params: { id: promise.id },
              body: { outcome: "retire" },
            }),
        ),
      );
      expect(tally(answers)).toEqual({ "200": 1, "409 promise_state": 2 * EACH - 1 });
    });
  });
});

describe("check-ins, setbacks, milestones and signals", () => {
  it("takes one check-in per partner a week, and closes the week once both are in", async () => {
    await rounds(async () => {
      const couple = await makeCouple(t.app);
      const { currentWeek: week } = await couple.a.client.api.call(checkinRoutes.list);
      const answers = await race(
        byBoth(
          couple,
          (me) => (api) =>
            api.call(checkinRoutes.put, {
              params: { week },
              body: {
                id: newItemId(),
                safety: 6,
                connection: 5,
                trust: 4,
                intensity: 4,
                appreciation: `${me.name}: the walk on Saturday`,
                concern: `${me.name}: the late evenings`,
                wish: `${me.name}: dinner together`,
              },
            }),
        ),
      );
      // Each partner's first creates it; later ones change it until both are in, then refuse.
      for (const person of [couple.a, couple.b]) {
        expectOutcomes(of(answers, person), { "201": 1 }, ["200", "409 checkin_closed"]);
      }
      const { weeks } = await couple.a.client.api.call(checkinRoutes.list);
      const stored = weeks.find((w) => w.week === week);
      const replied = (who: Person) =>
        successes(answers)
          .filter((x) => x.who === who.name)
          .map((x) => (x.value as { checkin: { id: string } }).checkin.id);
      expect(replied(couple.a)).toContain(stored?.mine?.id);
      expect(replied(couple.b)).toContain(stored?.theirs?.id);
      const rows = await db()
        .selectFrom("checkins")
        .select("author_id")
        .where("couple_id", "=", couple.coupleId)
        .where("week", "=", week)
        .execute();
      expect(rows).toHaveLength(2);
    });
  });

  it("hears 'repaired' once from each partner", async () => {
    const couple = await makeCouple(t.app);
    await rounds(async () => {
      const { setback } = await couple.a.client.api.call(setbackRoutes.log, {
        body: { id: newItemId(), kind: "memory", text: "The song in the café" },
      });
      const answers = await race(
        byBoth(
          couple,
          () => (api) => api.call(setbackRoutes.repaired, { params: { id: setback.id } }),
        ),
      );
      expect(tallies(answers)).toEqual([
        { "200": 1, "409 setback_state": EACH - 1 },
        { "200": 1, "409 setback_state": EACH - 1 },
      ]);
      const { setbacks } = await couple.b.client.api.call(setbackRoutes.list);
      const repaired = setbacks.find((s) => s.id === setback.id);
      expect(repaired?.repairedBy).toHaveLength(2);
      expect(repaired?.repairedAt).not.toBeNull();
    });
  });

  it("notes a milestone seen once per person", async () => {
    const couple = await makeCouple(t.app);
    await rounds(async () => {
      const answers = await race(
        byBoth(
          couple,
          () => (api) => api.call(milestoneRoutes.seen, { params: { key: "first-full-week" } }),
        ),
      );
      expect(tally(answers)).toEqual({ "204": 2 * EACH });
      const rows = await db()
        .selectFrom("milestone_sightings")
        .select("user_id")
        .where("couple_id", "=", couple.coupleId)
        .execute();
      expect(rows).toHaveLength(2);
    });
  });

  it("keeps one snooze per signal and person", async () => {
    const couple = await makeCouple(t.app);
    await rounds(async () => {
      const answers = await race(
        Array.from(
          { length: 2 * EACH },
          (_, n) =>
            [
              couple.a,
              (api: Api) =>
                api.call(signalRoutes.snooze, {
                  params: { key: "same-argument" },
                  body: { days: [7, 14, 28][n % 3] ?? 7 },
                }),
            ] as const,
        ),
      );
      expect(tally(answers)).toEqual({ "200": 2 * EACH });
      const rows = await db()
        .selectFrom("signal_snoozes")
        .select("until")
        .where("couple_id", "=", couple.coupleId)
        .execute();
      expect(rows).toHaveLength(1);
    });
  });
});

describe("accounts and keys", () => {
  const operator = () =>
    accountService(
      { clock: t.clock, config: t.config, limits: rateLimits(t.database.db) },
      accountStore(t.database.db),
      sessionStore(t.database.db),
    );

  it("makes one account per e-mail address", async () => {
    await rounds(async () => {
      const email = `same.${randomUUID()}@example.org`;
      const signedOut: Caller = { name: "Sam", client: { cookie: null, keyring: null } };
      const answers = await race(
        times(2 * EACH, signedOut, (api) =>
          signUp(api, { email, name: "Sam", password: PASSWORD }, deriveOnce, TEST_KDF),
        ),
      );
      expect(tally(answers)).toEqual({ "201": 1, "409 email_taken": 2 * EACH - 1 });
      const users = await db()
        .selectFrom("users")
        .select("id")
        .where("email", "=", email)
        .execute();
      expect(users).toHaveLength(1);
    });
  });

  it("uses a reset link once, and grants the partner the space key once", async () => {
    await rounds(async () => {
      const couple = await makeCouple(t.app);
      const link = await operator().createResetLink(couple.a.email);
      const made = await signupKeys("a new and different evening", deriveOnce, TEST_KDF);
      const body = {
        token: link.split("/reset/")[1] ?? "",
        authKey: made.authKey,
        kdf: made.kdf,
        keys: made.keys,
      };
      const resets = await race(
        times(2 * EACH, couple.a, (api) =>
          api.call(accountRoutes.reset, { body }, { expectUnauthorized: true }),
        ),
      );
      expect(tally(resets)).toEqual({ "200": 1, "404 not_found": 2 * EACH - 1 });

      const partner = (await couple.b.client.api.call(coupleRoutes.view)).partners.find(
        (p) => p.id === couple.a.id,
      );
      const keyring = couple.b.client.keyring;
      if (!partner || !keyring) throw new Error("The partner and the keyring are there.");
      expect(partner.hasSpaceKey).toBe(false);
      const grants = await race(
        times(2 * EACH, couple.b, (api) => grantPartner(api, keyring, partner)),
      );
      expect(tally(grants)).toEqual({ "204": 1, "409 already_granted": 2 * EACH - 1 });
      const { rows } = await sql<{ n: number }>`
        select count(*) as n from space_grants
        where couple_id = ${couple.coupleId} and user_id = ${couple.a.id}`.execute(db());
      expect(Number(rows[0]?.n)).toBe(1);
    });
  });

  it("names one item by one id", async () => {
    const couple = await makeCouple(t.app);
    await rounds(async () => {
      const id = newItemId();
      const answers = await race(
        byBoth(
          couple,
          (me) => (api) =>
            api.call(stressorRoutes.add, {
              body: {
                id,
                text: `${me.name}: the move at work`,
                plan: "reduce",
                visibility: "couple",
              },
            }),
        ),
      );
      expect(tally(answers)).toEqual({ "201": 1, "409 id_taken": 2 * EACH - 1 });
    });
  });
});
