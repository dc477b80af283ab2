import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_ROUTES } from "../../src/contracts/api.ts";
import { SAFETY_QUESTIONS } from "../../src/domain/safety-check.ts";
import { windowsBetween } from "../../src/domain/schedule.ts";
import { makeCouple, makePerson, PASSWORD, type Person } from "../support/factories.ts";
import { Client, makeTestApp, type TestApp } from "../support/test-app.ts";

/**
 * Every API route × every relation. The routes come from the OpenAPI document the server
 * generates, so a new route that is missing here fails the suite. Linked therapists join the
 * relations with the therapist workspace; until then no therapist account can exist.
 *
 * One set of people serves every route (sign-ups are the slow part); each route gets fresh
 * items of its own. Routes that change the people themselves (sessions, passwords, accounts,
 * joining a couple, the couple's phase) are marked `freshPeople` and get their own.
 */
const RELATIONS = ["signedOut", "outsider", "lone", "partner", "self"] as const;
type Relation = (typeof RELATIONS)[number];

interface World {
  self: Person;
  partner: Person;
  outsider: Person;
  lone: Person;
  canary: string;
  /** Written only into the self's private items: nobody else may ever see it. */
  privateCanary: string;
  agreementId: string;
  topicId: string;
  stressorId: string;
  circleId: string;
  talkTimeId: string;
  lastWindowStart: string;
  safetyCheckId: string;
  inviteToken: string;
  selfSessionId: string;
}

interface Entry {
  /** What the world needs before the calls: an accepted agreement, a pending move, a pause. */
  setup?: "accepted" | "pendingPhase" | "pause" | "acceptedTalk";
  path: (w: World) => string;
  body?: (w: World, relation: Relation) => unknown;
  expect: Record<Relation, number>;
  /** Routes that answer everyone the same (health, config, invite preview). */
  public?: true;
  /** A stream that stays open when allowed: only refusals are tried here (events.test.ts does the rest). */
  stream?: true;
  /** The route changes who the people are or where their couple stands: new people for it. */
  freshPeople?: true;
}

const all = (status: number, signedOut = 401): Record<Relation, number> => ({
  signedOut,
  outsider: status,
  lone: status,
  partner: status,
  self: status,
});

const inCouple = (status: number, self = status, partner = status) => ({
  signedOut: 401,
  outsider: status,
  lone: 404,
  partner,
  self,
});
const onSelfItem = (partner: number, self: number) => ({
  signedOut: 401,
  outsider: 404,
  lone: 404,
  partner,
  self,
});

const talkTime = {
  weekday: "mon",
  start: "08:00",
  minutes: 30,
  timeZone: "Europe/Berlin",
} as const;

const MATRIX: Record<string, Entry> = {
  "GET /api/events": { path: () => "/api/events", expect: inCouple(200), stream: true },
  "POST /api/talk-times": {
    path: () => "/api/talk-times",
    body: () => talkTime,
    expect: inCouple(201),
  },
  "GET /api/talk-times": { path: () => "/api/talk-times", expect: inCouple(200) },
  "POST /api/talk-times/{id}/accept": {
    path: (w) => `/api/talk-times/${w.talkTimeId}/accept`,
    expect: onSelfItem(200, 409),
  },
  "POST /api/talk-times/{id}/decline": {
    path: (w) => `/api/talk-times/${w.talkTimeId}/decline`,
    expect: onSelfItem(200, 409),
  },
  "POST /api/talk-times/{id}/withdraw": {
    path: (w) => `/api/talk-times/${w.talkTimeId}/withdraw`,
    expect: onSelfItem(409, 200),
  },
  "POST /api/talk-times/{id}/counter": {
    path: (w) => `/api/talk-times/${w.talkTimeId}/counter`,
    body: () => ({ ...talkTime, start: "19:00" }),
    expect: onSelfItem(200, 409),
  },
  "POST /api/talk-times/{id}/end": {
    setup: "acceptedTalk",
    path: (w) => `/api/talk-times/${w.talkTimeId}/end`,
    expect: onSelfItem(200, 409),
  },
  "POST /api/talk-times/{id}/logs": {
    setup: "acceptedTalk",
    path: (w) => `/api/talk-times/${w.talkTimeId}/logs`,
    body: (w) => ({
      windowStart: w.lastWindowStart,
      went: "calm",
      intensityBefore: 6,
      intensityAfter: 4,
    }),
    expect: onSelfItem(201, 201),
  },
  "GET /api/talk-logs": { path: () => "/api/talk-logs", expect: inCouple(200) },
  "GET /api/safety-checks/questions": {
    path: () => "/api/safety-checks/questions",
    expect: all(200),
  },
  "GET /api/safety/resources": {
    path: () => "/api/safety/resources",
    expect: all(200, 200),
    public: true,
  },
  "POST /api/safety-checks": {
    path: () => "/api/safety-checks",
    body: () => ({ answers: SAFE_ANSWERS }),
    expect: all(201),
  },
  "GET /api/safety-checks": { path: () => "/api/safety-checks", expect: all(200) },
  "POST /api/couple/individual-mode": {
    path: () => "/api/couple/individual-mode",
    body: () => ({ on: true }),
    expect: inCouple(204),
  },
  "POST /api/couple/therapy": {
    path: () => "/api/couple/therapy",
    body: () => ({ status: "looking" }),
    expect: inCouple(200),
  },
  "POST /api/parking-lot": {
    path: () => "/api/parking-lot",
    body: () => ({ topic: "Holidays with family" }),
    expect: inCouple(201),
  },
  "GET /api/parking-lot": { path: () => "/api/parking-lot", expect: inCouple(200) },
  "POST /api/parking-lot/{id}/discussed": {
    path: (w) => `/api/parking-lot/${w.topicId}/discussed`,
    expect: onSelfItem(200, 409),
  },
  "POST /api/parking-lot/{id}/carry-over": {
    path: (w) => `/api/parking-lot/${w.topicId}/carry-over`,
    expect: onSelfItem(200, 200),
  },
  "POST /api/pauses": {
    path: () => "/api/pauses",
    body: () => ({ minutes: 20 }),
    // The partner goes first; their pause then runs, so the self may not override it.
    expect: inCouple(201, 409),
  },
  "POST /api/pauses/current/end": {
    setup: "pause",
    path: () => "/api/pauses/current/end",
    expect: onSelfItem(404, 204),
  },
  "POST /api/intensity": {
    path: () => "/api/intensity",
    body: () => ({ value: 4 }),
    expect: inCouple(201),
  },
  "GET /api/intensity": { path: () => "/api/intensity", expect: inCouple(200) },
  "POST /api/stressors": {
    path: () => "/api/stressors",
    body: () => ({ text: "Work deadlines", plan: "reduce" }),
    expect: inCouple(201),
  },
  "GET /api/stressors": { path: () => "/api/stressors", expect: inCouple(200) },
  "POST /api/stressors/{id}": {
    path: (w) => `/api/stressors/${w.stressorId}`,
    body: () => ({ plan: "pause" }),
    expect: onSelfItem(404, 200),
  },
  "DELETE /api/stressors/{id}": {
    path: (w) => `/api/stressors/${w.stressorId}`,
    expect: onSelfItem(404, 204),
  },
  "POST /api/circle": {
    path: () => "/api/circle",
    body: () => ({ name: "Sam", relation: "sibling" }),
    expect: inCouple(201),
  },
  "GET /api/circle": { path: () => "/api/circle", expect: inCouple(200) },
  "POST /api/circle/{id}/agree": {
    path: (w) => `/api/circle/${w.circleId}/agree`,
    expect: onSelfItem(200, 409),
  },
  "POST /api/circle/{id}/concern": {
    path: (w) => `/api/circle/${w.circleId}/concern`,
    body: () => ({ concern: "They take sides." }),
    expect: onSelfItem(200, 409),
  },
  "DELETE /api/circle/{id}": {
    path: (w) => `/api/circle/${w.circleId}`,
    expect: onSelfItem(404, 204),
  },
  "GET /api/config": { path: () => "/api/config", expect: all(200, 200), public: true },
  "POST /api/auth/signup": {
    path: () => "/api/auth/signup",
    body: () => ({
      email: `new.${randomBytes(4).toString("hex")}@example.org`,
      password: PASSWORD,
      name: "New",
    }),
    expect: all(201, 201),
    public: true,
  },
  "POST /api/auth/login": {
    freshPeople: true,
    path: () => "/api/auth/login",
    body: (w) => ({ email: w.lone.email, password: PASSWORD }),
    expect: all(200, 200),
    public: true,
  },
  "POST /api/auth/logout": {
    freshPeople: true,
    path: () => "/api/auth/logout",
    expect: all(204, 204),
    public: true,
  },
  "GET /api/me": { path: () => "/api/me", expect: all(200) },
  "POST /api/account/password": {
    freshPeople: true,
    path: () => "/api/account/password",
    body: () => ({ currentPassword: PASSWORD, newPassword: "another quiet long evening" }),
    expect: all(204),
  },
  "GET /api/account/sessions": { path: () => "/api/account/sessions", expect: all(200) },
  "DELETE /api/account/sessions/{id}": {
    freshPeople: true,
    path: (w) => `/api/account/sessions/${w.selfSessionId}`,
    expect: { signedOut: 401, outsider: 404, lone: 404, partner: 404, self: 204 },
  },
  "DELETE /api/account": {
    freshPeople: true,
    path: () => "/api/account",
    body: () => ({ password: PASSWORD }),
    expect: all(204),
  },
  "POST /api/couples": {
    freshPeople: true,
    path: () => "/api/couples",
    body: () => ({ stance: "hurt" }),
    expect: { signedOut: 401, outsider: 409, lone: 201, partner: 409, self: 409 },
  },
  "POST /api/couple/invite": {
    path: () => "/api/couple/invite",
    expect: { signedOut: 401, outsider: 409, lone: 404, partner: 409, self: 409 },
  },
  "GET /api/invites/{token}": {
    path: (w) => `/api/invites/${w.inviteToken}`,
    expect: all(200, 200),
    public: true,
  },
  "POST /api/invites/{token}/accept": {
    freshPeople: true,
    path: (w) => `/api/invites/${w.inviteToken}/accept`,
    body: () => ({ stance: "both" }),
    expect: { signedOut: 401, outsider: 409, lone: 200, partner: 409, self: 409 },
  },
  "GET /api/couple": {
    path: () => "/api/couple",
    expect: { signedOut: 401, outsider: 200, lone: 404, partner: 200, self: 200 },
  },
  "POST /api/couple/safe-enough": {
    path: () => "/api/couple/safe-enough",
    body: () => ({ safeEnough: true }),
    expect: { signedOut: 401, outsider: 204, lone: 404, partner: 204, self: 204 },
  },
  "POST /api/couple/phase": {
    freshPeople: true,
    path: () => "/api/couple/phase",
    body: () => ({ to: "meaning" }),
    expect: { signedOut: 401, outsider: 202, lone: 404, partner: 202, self: 200 },
  },
  "DELETE /api/couple/phase/pending": {
    freshPeople: true,
    setup: "pendingPhase",
    path: () => "/api/couple/phase/pending",
    expect: { signedOut: 401, outsider: 404, lone: 404, partner: 204, self: 404 },
  },
  "POST /api/agreements": {
    path: () => "/api/agreements",
    body: () => ({ category: "other", text: "We eat breakfast together." }),
    expect: { signedOut: 401, outsider: 201, lone: 404, partner: 201, self: 201 },
  },
  "GET /api/agreements": {
    path: () => "/api/agreements",
    expect: { signedOut: 401, outsider: 200, lone: 404, partner: 200, self: 200 },
  },
  "GET /api/agreements/{id}": {
    path: (w) => `/api/agreements/${w.agreementId}`,
    expect: { signedOut: 401, outsider: 404, lone: 404, partner: 200, self: 200 },
  },
  "POST /api/agreements/{id}/accept": {
    path: (w) => `/api/agreements/${w.agreementId}/accept`,
    expect: { signedOut: 401, outsider: 404, lone: 404, partner: 200, self: 409 },
  },
  "POST /api/agreements/{id}/decline": {
    path: (w) => `/api/agreements/${w.agreementId}/decline`,
    expect: { signedOut: 401, outsider: 404, lone: 404, partner: 200, self: 409 },
  },
  "POST /api/agreements/{id}/withdraw": {
    path: (w) => `/api/agreements/${w.agreementId}/withdraw`,
    expect: { signedOut: 401, outsider: 404, lone: 404, partner: 409, self: 200 },
  },
  "POST /api/agreements/{id}/counter": {
    path: (w) => `/api/agreements/${w.agreementId}/counter`,
    body: () => ({ text: "We talk on Sundays at 11:00." }),
    expect: { signedOut: 401, outsider: 404, lone: 404, partner: 200, self: 409 },
  },
  "POST /api/agreements/{id}/review": {
    setup: "accepted",
    path: (w) => `/api/agreements/${w.agreementId}/review`,
    body: () => ({ outcome: "keep" }),
    expect: { signedOut: 401, outsider: 404, lone: 404, partner: 200, self: 200 },
  },
};

const SAFE_ANSWERS = Object.fromEntries(
  SAFETY_QUESTIONS.map((q) => [q.key, q.options[0]?.value ?? ""]),
);

let t: TestApp;
let routes: string[];

beforeAll(async () => {
  t = await makeTestApp();
  const doc = (await new Client(t.app).get("/api/openapi.json")).json<{
    paths: Record<string, object>;
  }>();
  routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  );
  shared = await makePeople();
});
afterAll(() => t.close());

interface People {
  self: Person;
  partner: Person;
  outsider: Person;
  lone: Person;
  opener: Person;
}

async function makePeople(): Promise<People> {
  const { a: self, b: partner } = await makeCouple(t.app, ["Self", "Partner"]);
  const { a: outsider } = await makeCouple(t.app, ["Outsider", "OutsiderPartner"]);
  const lone = await makePerson(t.app, "Lone");
  const opener = await makePerson(t.app, "Opener");
  await opener.client.post("/api/couples", { stance: "hurt" });
  return { self, partner, outsider, lone, opener };
}

let shared: People;

async function makeWorld(setup: Entry["setup"], freshPeople = false): Promise<World> {
  // Hours apart, so that a pause called for one route has ended before the next.
  t.clock.advance(4 * 3_600_000);
  const canary = `CANARY${randomBytes(6).toString("hex")}`;
  const privateCanary = `SECRET${randomBytes(6).toString("hex")}`;
  const people = freshPeople ? await makePeople() : shared;
  const { self, partner, outsider, lone } = people;
  // A new link each time: links expire, and the hours between routes add up.
  const invite = (await people.opener.client.post("/api/couple/invite")).json<{
    invite: { token: string };
  }>();
  const agreement = (
    await self.client.post("/api/agreements", { category: "talk", text: `Private words ${canary}` })
  ).json<{ agreement: { id: string } }>().agreement;
  const post = async <T>(url: string, body: unknown): Promise<T> => {
    const res = await self.client.post(url, body);
    if (res.status !== 201) throw new Error(`${url}: ${res.raw}`);
    return res.json<T>();
  };
  const topic = await post<{ item: { id: string } }>("/api/parking-lot", {
    topic: `Topic ${canary}`,
  });
  const stressor = await post<{ stressor: { id: string } }>("/api/stressors", {
    text: `Stressor ${privateCanary}`,
    plan: "keep",
    visibility: "private",
  });
  await post("/api/intensity", { value: 7, note: `Note ${privateCanary}`, visibility: "private" });
  const person = await post<{ person: { id: string } }>("/api/circle", {
    name: `Friend ${canary}`,
    relation: "friend",
  });
  const talk = await post<{ talkTime: { id: string } }>("/api/talk-times", talkTime);
  const agreedAt = t.clock.now();
  if (setup === "acceptedTalk") {
    await partner.client.post(`/api/talk-times/${talk.talkTime.id}/accept`);
    // A week on, so that a window of the agreed talk time has been held.
    t.clock.advance(8 * 86_400_000);
  }
  const lastWindow = windowsBetween(talkTime, agreedAt, t.clock.now()).at(-1);
  const concerned = Object.fromEntries(
    SAFETY_QUESTIONS.map((q) => [q.key, q.options[1]?.value ?? ""]),
  );
  const check = await post<{ check: { id: string } }>("/api/safety-checks", { answers: concerned });
  if (setup === "pause") await post("/api/pauses", { minutes: 30 });
  if (setup === "accepted") await partner.client.post(`/api/agreements/${agreement.id}/accept`);
  if (setup === "pendingPhase") await self.client.post("/api/couple/phase", { to: "meaning" });
  const sessions = (await self.client.get("/api/account/sessions")).json<{
    sessions: Array<{ id: string }>;
  }>();
  return {
    self,
    partner,
    outsider,
    lone,
    canary,
    privateCanary,
    agreementId: agreement.id,
    topicId: topic.item.id,
    stressorId: stressor.stressor.id,
    circleId: person.person.id,
    talkTimeId: talk.talkTime.id,
    lastWindowStart: lastWindow?.startsAt.toISOString() ?? "",
    safetyCheckId: check.check.id,
    inviteToken: invite.invite.token,
    selfSessionId: sessions.sessions[0]?.id ?? "",
  };
}

function clientFor(w: World, relation: Relation): Client {
  const client = new Client(t.app);
  client.cookie = relation === "signedOut" ? null : w[relation].client.cookie;
  return client;
}

describe("access matrix", () => {
  it("covers every route the server exposes, and nothing that does not exist", () => {
    expect([...routes].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it("serves every route the contracts declare, and no other", () => {
    const declared = ALL_ROUTES.map(
      (route) => `${route.method} ${route.path.replace(/:(\w+)/g, "{$1}")}`,
    );
    expect([...routes].sort()).toEqual(declared.sort());
  });

  for (const [route, entry] of Object.entries(MATRIX)) {
    it(`${route}: each relation gets exactly what it may`, async () => {
      const w = await makeWorld(entry.setup, entry.freshPeople);
      const [method, template] = route.split(" ") as [string, string];
      expect(template).toBeDefined();
      for (const relation of RELATIONS) {
        if (entry.stream && entry.expect[relation] === 200) continue;
        const client = clientFor(w, relation);
        const body = entry.body?.(w, relation);
        const res = await client.request(
          method as "GET",
          entry.path(w),
          body ?? (method === "GET" || method === "DELETE" ? undefined : {}),
        );
        expect(res.status, `${route} as ${relation}: ${res.raw}`).toBe(entry.expect[relation]);
        if (relation !== "self" && relation !== "partner" && !entry.public) {
          expect(res.raw, `${route} as ${relation} leaked couple data`).not.toContain(w.canary);
          expect(res.raw).not.toContain(w.agreementId);
        }
        if (relation !== "self") {
          expect(res.raw, `${route} as ${relation} leaked a private item`).not.toContain(
            w.privateCanary,
          );
          expect(res.raw).not.toContain(w.stressorId);
          expect(res.raw).not.toContain(w.safetyCheckId);
        }
        if (res.status === 404 || res.status === 401) {
          expect(res.json()).toMatchObject({ error: { code: expect.any(String) } });
        }
      }
    });
  }
});
