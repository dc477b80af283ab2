import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  grantTo,
  inviteFor,
  newItemId,
  newSpace,
  openBoxes,
  openOwnGrant,
  passwordProof,
  recoveryProof,
  rewrapKeys,
  signupKeys,
} from "../../src/client/crypto/account-keys.ts";
import { b64 } from "../../src/client/crypto/encoding.ts";
import { parseRecoveryCode } from "../../src/client/crypto/recovery-code.ts";
import type { Keyring } from "../../src/client/sealing.ts";
import { newInviteLink } from "../../src/client/session.ts";
import { accountRoutes } from "../../src/contracts/account.ts";
import { accountabilityRoutes } from "../../src/contracts/accountability.ts";
import { agreementRoutes } from "../../src/contracts/agreements.ts";
import { ALL_ROUTES } from "../../src/contracts/api.ts";
import { checkinRoutes } from "../../src/contracts/checkins.ts";
import { circleRoutes } from "../../src/contracts/circle.ts";
import { coupleRoutes } from "../../src/contracts/couples.ts";
import { hurtRoutes } from "../../src/contracts/hurt.ts";
import { intensityRoutes } from "../../src/contracts/intensity.ts";
import { promiseRoutes } from "../../src/contracts/promises.ts";
import { questionRoutes } from "../../src/contracts/questions.ts";
import { reflectionRoutes } from "../../src/contracts/reflections.ts";
import { pathOf, type Route } from "../../src/contracts/route.ts";
import { safetyRoutes } from "../../src/contracts/safety.ts";
import { setbackRoutes } from "../../src/contracts/setbacks.ts";
import { signalRoutes } from "../../src/contracts/signals.ts";
import { storyRoutes } from "../../src/contracts/story.ts";
import { stressorRoutes } from "../../src/contracts/stressors.ts";
import { talkRoutes } from "../../src/contracts/talks.ts";
import { wordsIn } from "../../src/contracts/words.ts";
import { addDaysToDay } from "../../src/domain/dates.ts";
import { SAFETY_QUESTIONS } from "../../src/domain/safety-check.ts";
import { windowsBetween } from "../../src/domain/schedule.ts";
import {
  deriveOnce,
  makeAgreement,
  makeCouple,
  makePerson,
  PASSWORD,
  type Person,
  startSpace,
  TEST_KDF,
} from "../support/factories.ts";
import { Client, makeTestApp, type Reply, type TestApp } from "../support/test-app.ts";

/**
 * Every API route × every relation. The routes come from the OpenAPI document the server
 * generates and from the contracts, so a new route that is missing here fails the suite. Linked
 * therapists join the relations with the therapist workspace; until then no therapist account
 * can exist.
 *
 * One set of people serves every route (sign-ups are the slow part); each route gets fresh
 * items of its own. Routes that change the people themselves (sessions, passwords, keys,
 * accounts, joining a couple, the couple's phase) are marked `freshPeople` and get their own.
 *
 * Words are sealed, so what could leak is the envelopes and the ids: every reply is searched for
 * the self's envelopes (from everything the self can read) and for the ids of the self's items.
 */
const RELATIONS = ["signedOut", "outsider", "lone", "partner", "self"] as const;
type Relation = (typeof RELATIONS)[number];
type Member = Exclude<Relation, "signedOut">;

interface World {
  self: Person;
  partner: Person;
  outsider: Person;
  lone: Person;
  /** Sealed with the self's personal key (kid p): nobody else may ever receive one. */
  privateEnvelopes: string[];
  /** Sealed with the couple's space key: nobody outside the couple may receive one. */
  sharedEnvelopes: string[];
  agreementId: string;
  topicId: string;
  /** The self's private items. */
  stressorId: string;
  intensityId: string;
  safetyCheckId: string;
  circleId: string;
  talkTimeId: string;
  lastWindowStart: string;
  selfSessionId: string;
  /** Make meaning: the self's private reflection draft, private hurt entry and working copy. */
  draftReflectionId: string;
  hurtId: string;
  statementDraftId: string;
  /** The self's reflection shared on a prompt the partner shared on too. */
  sharedReflectionId: string;
  versionId: string;
  questionId: string;
  paragraphId: string;
  /** Rebuild: the self's promises (one waiting, one accepted), days off asked, a setback. */
  proposedPromiseId: string;
  activePromiseId: string;
  excusalId: string;
  setbackId: string;
  /** The self's private "I feel pushed to move on". */
  supportAnswerId: string;
  /** Today in the couple's zone, and this week. */
  today: string;
  currentWeek: string;
  /** The self's check-in for last week, which the partner has not answered: not theirs to see. */
  unrevealedEnvelopes: string[];
  /** The opener's invite, with the space key its link's fragment opens. */
  invite: { token: string; coupleId: string; version: number; spaceKey: Uint8Array };
}

interface Entry {
  /** What the world needs before the calls: an accepted agreement, a pending move, a pause. */
  setup?:
    | "accepted"
    | "pendingPhase"
    | "pause"
    | "acceptedTalk"
    | "answeredQuestion"
    | "coherentStory";
  params?: (w: World) => Record<string, string>;
  /** The body as the caller's browser writes it, before its words are sealed. */
  body?: (w: World, relation: Relation) => unknown;
  expect: Record<Relation, number>;
  /** Routes that answer everyone the same (health, config, invite preview). */
  public?: true;
  /** A stream that stays open when allowed: only refusals are tried here (events.test.ts does the rest). */
  stream?: true;
  /** The route changes who the people are or where their couple stands: new people for it. */
  freshPeople?: true;
  /** What a successful reply must hold for this caller, beyond not leaking. */
  check?: (w: World, relation: Relation, reply: Reply) => Promise<void>;
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
/** Only the holder of the self's recovery code gets anywhere; a session stands in for nothing. */
const holderOnly = (signedOut: number) => ({
  signedOut,
  outsider: 401,
  lone: 401,
  partner: 401,
  self: 200,
});

const talkTime = {
  weekday: "mon",
  start: "08:00",
  minutes: 30,
  timeZone: "Europe/Berlin",
} as const;
const NEW_PASSWORD = "another quiet long evening";

const person = (w: World, relation: Relation): Person => {
  if (relation === "signedOut") throw new Error("a signed-out caller is nobody in the world");
  return w[relation];
};
/** Whose keys a caller's body is made with: the signed-out caller borrows the self's. */
const maker = (w: World, relation: Relation): Person =>
  relation === "signedOut" ? w.self : w[relation];

function keyringOf(someone: Person): Keyring {
  if (!someone.client.keyring) throw new Error(`${someone.name} holds no keys`);
  return someone.client.keyring;
}

/** Every test person's authKey: they share one password and, through TEST_KDF, one salt. */
const authKey = async () => (await passwordProof(PASSWORD, TEST_KDF, deriveOnce)).authKey;

async function recoveryAuthKeyOf(someone: Person): Promise<string> {
  const code = parseRecoveryCode(someone.recoveryCode);
  if (!code) throw new Error(`${someone.name} has no recovery code`);
  return (await recoveryProof(code)).recoveryAuthKey;
}

/** The grants a reply hands the caller must be theirs alone, and open with their identity. */
async function ownGrantsOnly(
  w: World,
  relation: Relation,
  reply: Reply,
  keys: { coupleId: string; grants: Array<{ version: number; grant: string }> },
) {
  const caller = person(w, relation);
  const rows = await t.database.db
    .selectFrom("space_grants")
    .select(["couple_id", "user_id", "version", "grant_box"])
    .orderBy("version")
    .execute();
  const own = rows.filter((row) => row.user_id === caller.id);
  expect(own.length).toBeGreaterThan(0);
  expect(keys.coupleId).toBe(own[0]?.couple_id);
  expect(keys.grants).toEqual(own.map((row) => ({ version: row.version, grant: row.grant_box })));
  for (const other of rows.filter((row) => row.user_id !== caller.id)) {
    expect(reply.raw, `${relation} was handed another person's grant`).not.toContain(
      other.grant_box,
    );
  }
  for (const { version, grant } of keys.grants) {
    await expect(openOwnGrant(caller.opened, keys.coupleId, version, grant)).resolves.toHaveLength(
      32,
    );
  }
}

/** A body for recovering the self's account, proved by the code `holder` has. */
async function recoveryBody(w: World, holder: Person) {
  return { email: w.self.email, recoveryAuthKey: await recoveryAuthKeyOf(holder) };
}

const MATRIX: Record<string, Entry> = {
  "GET /api/events": { expect: inCouple(200), stream: true },
  "POST /api/talk-times": { body: () => talkTime, expect: inCouple(201) },
  "GET /api/talk-times": { expect: inCouple(200) },
  "POST /api/talk-times/{id}/accept": {
    params: (w) => ({ id: w.talkTimeId }),
    expect: onSelfItem(200, 409),
  },
  "POST /api/talk-times/{id}/decline": {
    params: (w) => ({ id: w.talkTimeId }),
    expect: onSelfItem(200, 409),
  },
  "POST /api/talk-times/{id}/withdraw": {
    params: (w) => ({ id: w.talkTimeId }),
    expect: onSelfItem(409, 200),
  },
  "POST /api/talk-times/{id}/counter": {
    params: (w) => ({ id: w.talkTimeId }),
    body: () => ({ ...talkTime, start: "19:00" }),
    expect: onSelfItem(200, 409),
  },
  "POST /api/talk-times/{id}/end": {
    setup: "acceptedTalk",
    params: (w) => ({ id: w.talkTimeId }),
    expect: onSelfItem(200, 409),
  },
  "POST /api/talk-times/{id}/logs": {
    setup: "acceptedTalk",
    params: (w) => ({ id: w.talkTimeId }),
    body: (w) => ({
      id: newItemId(),
      windowStart: w.lastWindowStart,
      went: "calm",
      intensityBefore: 6,
      intensityAfter: 4,
      note: "Calmer than last week.",
    }),
    expect: onSelfItem(201, 201),
  },
  "GET /api/talk-logs": { expect: inCouple(200) },
  "GET /api/safety-checks/questions": { expect: all(200) },
  "GET /api/safety-checks/resources": { expect: all(200, 200), public: true },
  "POST /api/safety-checks": {
    body: () => ({ id: newItemId(), answers: SAFE_ANSWERS }),
    expect: all(201),
  },
  "GET /api/safety-checks": { expect: all(200) },
  "POST /api/couple/individual-mode": { body: () => ({ on: true }), expect: inCouple(204) },
  "POST /api/couple/therapy": { body: () => ({ status: "looking" }), expect: inCouple(200) },
  "POST /api/parking-lot": {
    body: () => ({ id: newItemId(), topic: "Holidays with family" }),
    expect: inCouple(201),
  },
  "GET /api/parking-lot": { expect: inCouple(200) },
  "POST /api/parking-lot/{id}/discussed": {
    params: (w) => ({ id: w.topicId }),
    expect: onSelfItem(200, 409),
  },
  "POST /api/parking-lot/{id}/carry-over": {
    params: (w) => ({ id: w.topicId }),
    expect: onSelfItem(200, 200),
  },
  "POST /api/parking-lot/{id}/agenda": {
    // Either partner chooses what the talk is about; nobody outside the couple can.
    params: (w) => ({ id: w.topicId }),
    body: () => ({ on: true }),
    expect: onSelfItem(200, 200),
  },
  "POST /api/parking-lot/{id}/edit": {
    // Only its author rewrites a topic; to the partner it is someone else's words.
    params: (w) => ({ id: w.topicId }),
    body: () => ({ topic: "Said more gently now." }),
    expect: onSelfItem(404, 200),
  },
  "DELETE /api/parking-lot/{id}": {
    freshPeople: true,
    params: (w) => ({ id: w.topicId }),
    expect: onSelfItem(404, 204),
  },
  "POST /api/pauses": {
    body: () => ({ minutes: 20 }),
    // The partner goes first; their pause then runs, so the self may not override it.
    expect: inCouple(201, 409),
  },
  "POST /api/pauses/current/end": { setup: "pause", expect: onSelfItem(404, 204) },
  "POST /api/intensity": {
    body: () => ({ id: newItemId(), value: 4, note: "Tired, not angry." }),
    expect: inCouple(201),
  },
  "GET /api/intensity": { expect: inCouple(200) },
  "POST /api/stressors": {
    body: () => ({ id: newItemId(), text: "Work deadlines", plan: "reduce" }),
    expect: inCouple(201),
  },
  "GET /api/stressors": { expect: inCouple(200) },
  "POST /api/stressors/{id}": {
    params: (w) => ({ id: w.stressorId }),
    body: () => ({ plan: "pause" }),
    expect: onSelfItem(404, 200),
  },
  "DELETE /api/stressors/{id}": {
    params: (w) => ({ id: w.stressorId }),
    expect: onSelfItem(404, 204),
  },
  "POST /api/circle": {
    body: () => ({ id: newItemId(), name: "Sam", relation: "sibling" }),
    expect: inCouple(201),
  },
  "GET /api/circle": { expect: inCouple(200) },
  "POST /api/circle/{id}/agree": {
    params: (w) => ({ id: w.circleId }),
    expect: onSelfItem(200, 409),
  },
  "POST /api/circle/{id}/concern": {
    params: (w) => ({ id: w.circleId }),
    body: () => ({ concern: "They take sides." }),
    expect: onSelfItem(200, 409),
  },
  "DELETE /api/circle/{id}": {
    params: (w) => ({ id: w.circleId }),
    expect: onSelfItem(404, 204),
  },
  "GET /api/config": { expect: all(200, 200), public: true },
  "POST /api/auth/prelogin": {
    body: (w) => ({ email: w.lone.email }),
    expect: all(200, 200),
    public: true,
  },
  "POST /api/auth/signup": {
    body: async () => {
      const made = await signupKeys(PASSWORD, deriveOnce, TEST_KDF);
      const email = `new.${randomBytes(4).toString("hex")}@example.org`;
      return { email, name: "New", authKey: made.authKey, kdf: made.kdf, keys: made.keys };
    },
    expect: all(201, 201),
    public: true,
  },
  "POST /api/auth/login": {
    freshPeople: true,
    body: async (w) => ({ email: w.lone.email, authKey: await authKey() }),
    expect: all(200, 200),
    public: true,
  },
  "GET /api/auth/keys": {
    expect: all(200),
    // Each session is handed its own person's boxes, which open with that person's password.
    check: async (w, relation, reply) => {
      const caller = person(w, relation);
      const keys = reply.json<{ publicKey: string; identity: string; personal: string }>();
      expect(keys.publicKey).toBe(b64(caller.opened.identity.publicKey));
      const { masterKey } = await passwordProof(PASSWORD, TEST_KDF, deriveOnce);
      const opened = await openBoxes(masterKey, keys, caller.id);
      expect(opened.personal).toEqual(caller.opened.personal);
    },
  },
  "POST /api/auth/recovery-keys": {
    // Signed out with the self's code is what recovery is for; signed in with one's own code
    // for the self's e-mail, the partner and the others get nothing.
    body: (w, relation) => recoveryBody(w, maker(w, relation)),
    expect: holderOnly(200),
    check: async (w, _relation, reply) => {
      const code = parseRecoveryCode(w.self.recoveryCode);
      if (!code) throw new Error("the self has no recovery code");
      const { recoveryKey } = await recoveryProof(code);
      const boxes = reply.json<{ identity: string; personal: string }>();
      const opened = await openBoxes(recoveryKey, boxes, w.self.id);
      expect(opened.personal).toEqual(w.self.opened.personal);
    },
  },
  "POST /api/auth/recover": {
    freshPeople: true,
    // Signed out, a stranger's code (the lone person's): with the self's code it would be spent
    // before the self's own turn. Recovery-keys shows the code working for a signed-out holder.
    body: async (w, relation) => {
      const holder = relation === "signedOut" ? w.lone : w[relation];
      const next = await rewrapKeys(holder.opened, NEW_PASSWORD, deriveOnce);
      const recovery = await next.newRecovery();
      return {
        ...(await recoveryBody(w, holder)),
        authKey: next.authKey,
        kdf: next.kdf,
        keys: { ...next.keys, recovery: recovery.boxes },
      };
    },
    expect: holderOnly(401),
  },
  "POST /api/auth/reset": {
    // Only an operator's link resets an account; no session, the self's included, stands in.
    body: async () => {
      const made = await signupKeys(NEW_PASSWORD, deriveOnce, TEST_KDF);
      return { token: "x".repeat(43), authKey: made.authKey, kdf: made.kdf, keys: made.keys };
    },
    expect: all(404, 404),
    public: true,
  },
  "POST /api/auth/forgot": {
    // This matrix runs without SMTP: everyone hears that the instance sends no e-mail, about
    // any address (mail.test.ts asks with e-mail on).
    body: (w) => ({ email: w.self.email }),
    expect: all(404, 404),
    public: true,
  },
  "POST /api/auth/signup/verify": {
    // Without SMTP, as "forgot": the same refusal for every address; signup-verification.test.ts
    // asks with e-mail on.
    body: (w) => ({ email: w.self.email }),
    expect: all(404, 404),
    public: true,
  },
  "POST /api/auth/signup/link": {
    // A link nobody was mailed opens nothing, whoever asks.
    body: () => ({ token: "x".repeat(43) }),
    expect: all(404, 404),
    public: true,
  },
  "POST /api/auth/logout": { freshPeople: true, expect: all(204, 204), public: true },
  "GET /api/me": { expect: all(200) },
  "POST /api/auth/password": {
    freshPeople: true,
    body: async (w, relation) => {
      const next = await rewrapKeys(maker(w, relation).opened, NEW_PASSWORD, deriveOnce);
      return {
        currentAuthKey: await authKey(),
        authKey: next.authKey,
        kdf: next.kdf,
        keys: next.keys,
      };
    },
    expect: all(204),
  },
  "PUT /api/account/name": {
    freshPeople: true,
    body: () => ({ name: "Another Name" }),
    expect: all(200),
    check: async (w, relation, reply) => {
      expect(reply.json<{ user: { id: string; name: string } }>().user).toEqual(
        expect.objectContaining({ id: person(w, relation).id, name: "Another Name" }),
      );
    },
  },
  "POST /api/account/email": {
    // Without SMTP the caller's own address changes at once; email-change.test.ts does the rest.
    freshPeople: true,
    body: async () => ({
      email: `moved.${randomBytes(4).toString("hex")}@example.org`,
      authKey: await authKey(),
    }),
    expect: all(200),
    check: async (w, relation, reply) => {
      expect(reply.json<{ user: { id: string } }>().user.id).toBe(person(w, relation).id);
    },
  },
  "POST /api/account/email/confirm": {
    // A link nobody was mailed moves nothing, whoever follows it.
    body: () => ({ token: "x".repeat(43) }),
    expect: all(404, 404),
    public: true,
  },
  "GET /api/account/sessions": { expect: all(200) },
  "DELETE /api/account/sessions/{id}": {
    freshPeople: true,
    params: (w) => ({ id: w.selfSessionId }),
    expect: { signedOut: 401, outsider: 404, lone: 404, partner: 404, self: 204 },
  },
  "DELETE /api/account": {
    freshPeople: true,
    body: async () => ({ authKey: await authKey() }),
    expect: all(204),
  },
  "POST /api/couples": {
    freshPeople: true,
    body: async (w, relation) => {
      const space = await newSpace(maker(w, relation).opened);
      return { id: space.coupleId, stance: "hurt", grant: space.grant, inviteBox: space.inviteBox };
    },
    expect: { signedOut: 401, outsider: 409, lone: 201, partner: 409, self: 409 },
  },
  "POST /api/couple/invite": {
    // A well-formed box: the server cannot tell whose space key one holds.
    body: async (w) => ({
      inviteBox: (await inviteFor(w.invite.coupleId, w.invite.version, w.invite.spaceKey))
        .inviteBox,
    }),
    expect: { signedOut: 401, outsider: 409, lone: 404, partner: 409, self: 409 },
  },
  "GET /api/invites/{token}": {
    params: (w) => ({ token: w.invite.token }),
    expect: all(200, 200),
    public: true,
  },
  "POST /api/invites/{token}/accept": {
    freshPeople: true,
    params: (w) => ({ token: w.invite.token }),
    body: async (w, relation) => {
      const joiner = maker(w, relation);
      const { coupleId, version, spaceKey } = w.invite;
      const grant = await grantTo(
        joiner.opened.identity.publicKey,
        coupleId,
        version,
        joiner.id,
        spaceKey,
      );
      return { stance: "both", grant };
    },
    expect: { signedOut: 401, outsider: 409, lone: 200, partner: 409, self: 409 },
  },
  "GET /api/couple/keys": {
    expect: inCouple(200),
    check: (w, relation, reply) =>
      ownGrantsOnly(w, relation, reply, reply.json<{ coupleId: string; grants: [] }>()),
  },
  "GET /api/couple": {
    expect: inCouple(200),
    check: async (w, relation, reply) => {
      const view = reply.json<{ id: string; keys: { grants: [] } }>();
      await ownGrantsOnly(w, relation, reply, { coupleId: view.id, grants: view.keys.grants });
    },
  },
  "POST /api/couple/grants": {
    // Giving the self the couple's key again: the self holds it, so the partner meets 409;
    // granting oneself, or anyone outside one's couple, is as if the person did not exist.
    body: async (w) => ({
      userId: w.self.id,
      version: w.invite.version,
      grant: await grantTo(
        w.self.opened.identity.publicKey,
        w.invite.coupleId,
        w.invite.version,
        w.self.id,
        w.invite.spaceKey,
      ),
    }),
    expect: { signedOut: 401, outsider: 404, lone: 404, partner: 409, self: 404 },
  },
  "POST /api/couple/safe-enough": { body: () => ({ safeEnough: true }), expect: inCouple(204) },
  // Each leaves only their own membership: the partner leaves first, and the self, alone now, is
  // told to delete the account instead.
  "DELETE /api/couple/membership": {
    freshPeople: true,
    body: () => ({ confirm: "leave" }),
    expect: { signedOut: 401, outsider: 204, lone: 404, partner: 204, self: 409 },
  },
  "POST /api/couple/phase": {
    freshPeople: true,
    body: () => ({ to: "meaning", reasonId: newItemId(), reason: "We feel steadier." }),
    expect: { signedOut: 401, outsider: 202, lone: 404, partner: 202, self: 200 },
  },
  "DELETE /api/couple/phase/pending": {
    freshPeople: true,
    setup: "pendingPhase",
    expect: { signedOut: 401, outsider: 404, lone: 404, partner: 204, self: 404 },
  },
  "POST /api/agreements": {
    body: () => ({ id: newItemId(), category: "other", text: "We eat breakfast together." }),
    expect: inCouple(201),
  },
  "GET /api/agreements": { expect: inCouple(200) },
  "GET /api/agreements/{id}": {
    params: (w) => ({ id: w.agreementId }),
    expect: onSelfItem(200, 200),
  },
  "POST /api/agreements/{id}/accept": {
    params: (w) => ({ id: w.agreementId }),
    expect: onSelfItem(200, 409),
  },
  "POST /api/agreements/{id}/decline": {
    params: (w) => ({ id: w.agreementId }),
    expect: onSelfItem(200, 409),
  },
  "POST /api/agreements/{id}/withdraw": {
    params: (w) => ({ id: w.agreementId }),
    expect: onSelfItem(409, 200),
  },
  "POST /api/agreements/{id}/counter": {
    params: (w) => ({ id: w.agreementId }),
    body: () => ({ id: newItemId(), text: "We talk on Sundays at 11:00." }),
    expect: onSelfItem(200, 409),
  },
  "POST /api/agreements/{id}/review": {
    setup: "accepted",
    params: (w) => ({ id: w.agreementId }),
    body: () => ({ id: newItemId(), outcome: "keep", note: "It helps." }),
    expect: onSelfItem(200, 200),
  },
};

const MAKE_MEANING: Record<string, Entry> = {
  "GET /api/reflections/prompts": { expect: all(200) },
  "GET /api/reflections": { expect: inCouple(200) },
  "PUT /api/reflections/{id}": {
    // The self's own private draft: only they may rewrite it; for anyone else the id is taken.
    params: (w) => ({ id: w.draftReflectionId }),
    body: () => ({
      promptKey: "fears-unseen",
      body: "Still finding words.",
      visibility: "private",
    }),
    expect: { signedOut: 401, outsider: 409, lone: 404, partner: 409, self: 200 },
  },
  "POST /api/reflections/{id}/comments": {
    params: (w) => ({ id: w.sharedReflectionId }),
    body: () => ({ id: newItemId(), text: "I did not know you felt that." }),
    expect: onSelfItem(201, 201),
  },
  "GET /api/accountability": { expect: inCouple(200) },
  "PUT /api/accountability/draft": {
    body: () => ({ id: newItemId(), whatIDid: "I hid the messages." }),
    expect: inCouple(200),
  },
  "DELETE /api/accountability/draft": { expect: inCouple(204) },
  "POST /api/accountability/versions": {
    body: () => ({
      id: newItemId(),
      whatIDid: "I lied about where I was.",
      impact: "You stopped trusting your own memory.",
      whyNotSooner: "I was afraid of losing you.",
    }),
    expect: inCouple(201),
  },
  "POST /api/accountability/addenda": {
    // Only someone with a shared statement adds to it: the self has one, the others none.
    freshPeople: true,
    body: () => ({ id: newItemId(), text: "There was one more evening I did not mention." }),
    expect: { signedOut: 401, outsider: 409, lone: 404, partner: 409, self: 201 },
  },
  "POST /api/accountability/versions/{id}/responses": {
    params: (w) => ({ id: w.versionId }),
    body: () => ({ id: newItemId(), heard: "partly", missing: "How long it went on." }),
    expect: onSelfItem(201, 409),
  },
  "POST /api/hurt": {
    body: () => ({
      id: newItemId(),
      words: ["betrayed"],
      repairPossible: 3,
      visibility: "private",
    }),
    expect: inCouple(201),
  },
  "GET /api/hurt": { expect: inCouple(200) },
  "POST /api/questions": {
    body: () => ({ id: newItemId(), text: "When did it start?" }),
    expect: inCouple(201),
  },
  "GET /api/questions": { expect: inCouple(200) },
  "POST /api/questions/{id}/answer": {
    params: (w) => ({ id: w.questionId }),
    body: () => ({ id: newItemId(), text: "In March, after the conference." }),
    expect: onSelfItem(200, 409),
  },
  "POST /api/questions/{id}/defer": {
    params: (w) => ({ id: w.questionId }),
    body: () => ({ parkingLotItem: { id: newItemId(), topic: "Your question about March" } }),
    expect: onSelfItem(200, 409),
  },
  "POST /api/questions/{id}/ask-again": {
    setup: "answeredQuestion",
    params: (w) => ({ id: w.questionId }),
    body: () => ({ id: newItemId(), note: "I need to hear it once more." }),
    expect: onSelfItem(409, 200),
  },
  "POST /api/questions/{id}/let-go": {
    params: (w) => ({ id: w.questionId }),
    expect: onSelfItem(409, 200),
  },
  "GET /api/story": { expect: inCouple(200) },
  "POST /api/story/paragraphs": {
    body: () => ({ id: newItemId(), section: "before", text: "We were both worn out." }),
    expect: inCouple(201),
  },
  "PUT /api/story/paragraphs/{id}": {
    params: (w) => ({ id: w.paragraphId }),
    body: () => ({ text: "We had stopped talking about anything but the children." }),
    expect: onSelfItem(200, 200),
  },
  "POST /api/story/paragraphs/{id}/marks": {
    params: (w) => ({ id: w.paragraphId }),
    body: () => ({ id: newItemId(), mark: "agree", version: 1 }),
    expect: onSelfItem(200, 200),
  },
  "POST /api/story/sign": {
    // The self's couple agrees on every paragraph; the outsider's has no story to sign.
    setup: "coherentStory",
    freshPeople: true,
    expect: { signedOut: 401, outsider: 409, lone: 404, partner: 200, self: 200 },
  },
};
Object.assign(MATRIX, MAKE_MEANING);

const REBUILD: Record<string, Entry> = {
  "GET /api/promises": { expect: inCouple(200) },
  "POST /api/promises": {
    body: () => ({
      id: newItemId(),
      text: "Text you when I leave work",
      noticeHow: "A message before six",
      cadence: { kind: "daily" },
      kind: "ordinary",
    }),
    expect: inCouple(201),
  },
  "POST /api/promises/{id}/accept": {
    params: (w) => ({ id: w.proposedPromiseId }),
    expect: onSelfItem(200, 409),
  },
  "POST /api/promises/{id}/decline": {
    params: (w) => ({ id: w.proposedPromiseId }),
    expect: onSelfItem(200, 409),
  },
  "POST /api/promises/{id}/withdraw": {
    params: (w) => ({ id: w.proposedPromiseId }),
    expect: onSelfItem(409, 200),
  },
  "POST /api/promises/{id}/review": {
    params: (w) => ({ id: w.activePromiseId }),
    body: (w) => ({ outcome: "keep", reviewOn: addDaysToDay(w.today, 20) }),
    expect: onSelfItem(200, 200),
  },
  "POST /api/promises/{id}/marks": {
    params: (w) => ({ id: w.activePromiseId }),
    body: (w) => ({
      id: newItemId(),
      on: w.today,
      mark: "missed",
      repairNote: "I will do it early",
    }),
    expect: onSelfItem(409, 200),
  },
  "POST /api/promises/{id}/views": {
    params: (w) => ({ id: w.activePromiseId }),
    body: (w) => ({ on: w.today, view: "saw-it" }),
    expect: onSelfItem(200, 409),
  },
  "POST /api/promises/{id}/excusals": {
    params: (w) => ({ id: w.activePromiseId }),
    body: (w) => ({ id: newItemId(), from: w.today, to: w.today, reason: "A work trip" }),
    expect: onSelfItem(409, 201),
  },
  "POST /api/promises/{id}/excusals/{eid}/accept": {
    params: (w) => ({ id: w.activePromiseId, eid: w.excusalId }),
    expect: onSelfItem(200, 409),
  },
  "POST /api/promises/{id}/excusals/{eid}/decline": {
    params: (w) => ({ id: w.activePromiseId, eid: w.excusalId }),
    expect: onSelfItem(200, 409),
  },
  "GET /api/checkins": { expect: inCouple(200) },
  "PUT /api/checkins/{week}": {
    // Both write this week's once; the shared people keep last week's waiting for the partner.
    freshPeople: true,
    params: (w) => ({ week: w.currentWeek }),
    body: () => ({
      id: newItemId(),
      safety: 6,
      connection: 5,
      trust: 4,
      intensity: 3,
      appreciation: "You made dinner on Tuesday.",
      concern: "The late messages.",
      wish: "A walk on Sunday.",
    }),
    expect: inCouple(201),
  },
  "PUT /api/checkins/day": { body: () => ({ weekday: "sun" }), expect: inCouple(200) },
  "POST /api/setbacks": {
    body: () => ({ id: newItemId(), kind: "doubt", text: "A late text shook me." }),
    expect: inCouple(201),
  },
  "GET /api/setbacks": { expect: inCouple(200) },
  "POST /api/setbacks/{id}/steps": {
    params: (w) => ({ id: w.setbackId }),
    body: () => ({ id: newItemId(), text: "We talked it through." }),
    expect: onSelfItem(201, 201),
  },
  "POST /api/setbacks/{id}/repaired": {
    params: (w) => ({ id: w.setbackId }),
    expect: onSelfItem(200, 200),
  },
  "GET /api/milestones": { expect: inCouple(200) },
  "GET /api/needs-you": { expect: inCouple(200) },
  "POST /api/milestones/{key}/seen": {
    params: () => ({ key: "bricks-10" }),
    expect: inCouple(204),
  },
};
Object.assign(MATRIX, REBUILD);

const SIGNALS: Record<string, Entry> = {
  "GET /api/signals": { expect: inCouple(200) },
  "POST /api/signals/answers": {
    body: () => ({ id: newItemId(), kind: "pushed-to-move-on", visibility: "private" }),
    expect: inCouple(201),
  },
  // The self's private answer: only its author may take it back, and to anyone else it is absent.
  "DELETE /api/signals/answers/{id}": {
    params: (w) => ({ id: w.supportAnswerId }),
    expect: onSelfItem(404, 204),
  },
  "POST /api/signals/{key}/snooze": {
    params: () => ({ key: "same-argument" }),
    body: () => ({ days: 7 }),
    expect: inCouple(200),
  },
  "PUT /api/signals/sharing": { body: () => ({ shared: true }), expect: inCouple(204) },
};
Object.assign(MATRIX, SIGNALS);

/** One's own calendar feed: every partner's, in a couple or not; never anyone else's. */
const CALENDAR: Record<string, Entry> = {
  "GET /api/calendar": { expect: all(200) },
  "POST /api/calendar": {
    expect: all(201),
    // The link answered is the caller's own: it opens a calendar, with no session at all.
    check: async (_w, _relation, reply) => {
      const { url } = reply.json<{ url: string }>();
      const feed = await new Client(t.app).get(new URL(url).pathname);
      expect(feed.status).toBe(200);
      expect(feed.raw).toMatch(/^BEGIN:VCALENDAR/);
    },
  },
  "DELETE /api/calendar": { expect: all(204) },
  "PUT /api/calendar/titles": { body: () => ({ neutral: true }), expect: all(200) },
};
Object.assign(MATRIX, CALENDAR);

/**
 * One's own e-mail reminders: every partner's, in a couple or not. reminders.test.ts shows each
 * person's settings are theirs alone, a therapist has none, and a stop link turns off its own
 * person's kind only.
 */
const REMINDERS: Record<string, Entry> = {
  "GET /api/reminders": { expect: all(200) },
  "PUT /api/reminders": {
    body: () => ({ kinds: ["talk-soon"], quietHours: null, neutralSubjects: false }),
    expect: all(200),
    check: async (_w, _relation, reply) => {
      expect(reply.json()).toEqual({
        settings: { kinds: ["talk-soon"], quietHours: null, neutralSubjects: false },
      });
    },
  },
  "POST /api/reminders/stop": {
    body: () => ({ token: "x".repeat(43) }),
    expect: all(404, 404),
    public: true,
  },
};
Object.assign(MATRIX, REMINDERS);

/**
 * The therapist workspace as partners and strangers meet it; the therapist relations (linked,
 * proposed, consented, unlinked, another couple's, before the second factor) are in
 * therapist-access.test.ts.
 */
const FAKE_GRANT = `g1.${"A".repeat(43)}.${"B".repeat(16)}.${"C".repeat(64)}`;
const noLink = () => ({ linkId: "no-such-link" });
const THERAPISTS: Record<string, Entry> = {
  "GET /api/therapists/invites/{token}": {
    params: () => ({ token: "x".repeat(43) }),
    expect: all(404, 404),
    public: true,
  },
  "POST /api/therapists/signup": {
    body: async () => {
      const made = await signupKeys(PASSWORD, deriveOnce, TEST_KDF);
      return {
        token: "x".repeat(43),
        email: `nobody.${process.pid}@example.org`,
        name: "Dr. Nobody",
        authKey: made.authKey,
        kdf: made.kdf,
        keys: made.keys,
      };
    },
    expect: all(404, 404),
  },
  "POST /api/auth/totp": { body: () => ({ code: "123456" }), expect: all(404) },
  "GET /api/couple/therapists": { expect: inCouple(200) },
  "POST /api/couple/therapists": {
    body: () => ({ email: `no.therapist.${process.pid}@example.org` }),
    expect: all(404),
  },
  "POST /api/couple/therapists/{linkId}/consent": { params: noLink, expect: all(404) },
  "POST /api/couple/therapists/{linkId}/grant": {
    params: noLink,
    body: () => ({ version: 1, grant: FAKE_GRANT }),
    expect: all(404),
  },
  "DELETE /api/couple/therapists/{linkId}": { params: noLink, expect: all(404) },
  "POST /api/couple/keys": {
    // A new key for the two, at a version that is not next: refused for everyone.
    body: (w) => ({
      version: 99,
      grants: [
        { userId: w.self.id, grant: FAKE_GRANT },
        { userId: w.partner.id, grant: FAKE_GRANT },
      ],
    }),
    expect: { signedOut: 401, outsider: 400, lone: 404, partner: 409, self: 409 },
  },
  "PUT /api/couple/therapist-sharing": {
    body: (w) => ({ type: "paragraph", id: w.paragraphId, shared: false }),
    expect: onSelfItem(404, 204),
  },
  "GET /api/audit": { expect: inCouple(200) },
  "GET /api/therapist/invitations": { expect: all(404) },
  "POST /api/therapist/invitations/{linkId}/accept": { params: noLink, expect: all(404) },
  "POST /api/therapist/invitations/{linkId}/decline": { params: noLink, expect: all(404) },
  "GET /api/therapist/couples": { expect: all(404) },
  "GET /api/therapist/couples/{id}": {
    params: (w) => ({ id: w.invite.coupleId }),
    expect: all(404),
  },
  "GET /api/therapist/couples/{id}/notes": {
    params: (w) => ({ id: w.invite.coupleId }),
    expect: all(404),
  },
  "POST /api/therapist/couples/{id}/notes": {
    params: (w) => ({ id: w.invite.coupleId }),
    body: () => ({ id: newItemId(), text: "A note nobody but a therapist may write" }),
    expect: all(404),
  },
};
Object.assign(MATRIX, THERAPISTS);

const SAFE_ANSWERS = Object.fromEntries(
  SAFETY_QUESTIONS.map((q) => [q.key, q.options[0]?.value ?? ""]),
);
const CONCERNED_ANSWERS = Object.fromEntries(
  SAFETY_QUESTIONS.map((q) => [q.key, q.options[1]?.value ?? ""]),
);

const routeKey = (route: Route) => `${route.method} ${route.path.replace(/:(\w+)/g, "{$1}")}`;
const ROUTES = new Map(ALL_ROUTES.map((route) => [routeKey(route), route]));
const ENVELOPES = /m1\.(p|s[0-9]+)\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+/g;

let t: TestApp;
let served: string[];

beforeAll(async () => {
  t = await makeTestApp();
  const doc = (await new Client(t.app).get("/api/openapi.json")).json<{
    paths: Record<string, object>;
  }>();
  served = Object.entries(doc.paths).flatMap(([path, methods]) =>
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
  await startSpace(opener);
  return { self, partner, outsider, lone, opener };
}

let shared: People;

/** Every envelope in what the self can read, split by whether it is sealed for the self alone. */
async function envelopesSeenBy(self: Person) {
  const reads = ALL_ROUTES.filter(
    (route) => route.method === "GET" && !route.params && route.replies[200] !== null,
  );
  const found: string[] = [];
  for (const route of reads) {
    const { raw } = await self.client.get(route.path);
    found.push(...[...raw.matchAll(ENVELOPES)].map((match) => match[0]));
  }
  return {
    privateEnvelopes: found.filter((e) => e.startsWith("m1.p.")),
    sharedEnvelopes: found.filter((e) => !e.startsWith("m1.p.")),
  };
}

async function makeWorld(setup: Entry["setup"], freshPeople = false): Promise<World> {
  // Hours apart, so that a pause called for one route has ended before the next.
  t.clock.advance(4 * 3_600_000);
  const people = freshPeople ? await makePeople() : shared;
  const { self, partner, outsider, lone, opener } = people;
  const call = self.client.api.call;
  // A new link each time: links expire, and the hours between routes add up.
  const { invite } = await newInviteLink(opener.client.api, keyringOf(opener));
  const space = await keyringOf(opener).spaceKeys();
  const spaceKey = space?.keys.get(space.version);
  if (!space || !spaceKey) throw new Error("the opener's space key did not open");

  const agreement = await makeAgreement(self, "We talk about it only after dinner.");
  const { item: topic } = await call(talkRoutes.raiseTopic, {
    body: { id: newItemId(), topic: "The holidays" },
  });
  const { stressor } = await call(stressorRoutes.add, {
    body: { id: newItemId(), text: "My mother's illness", plan: "keep", visibility: "private" },
  });
  const { entry } = await call(intensityRoutes.record, {
    body: { id: newItemId(), value: 7, note: "I could not sleep", visibility: "private" },
  });
  const { person: friend } = await call(circleRoutes.add, {
    body: { id: newItemId(), name: "Alex", relation: "friend" },
  });
  const { talkTime: talk } = await call(talkRoutes.proposeTalkTime, { body: talkTime });
  const agreedAt = t.clock.now();
  if (setup === "acceptedTalk") {
    await partner.client.api.call(talkRoutes.acceptTalkTime, { params: { id: talk.id } });
    // A week on, so that a window of the agreed talk time has been held.
    t.clock.advance(8 * 86_400_000);
  }
  const lastWindow = windowsBetween(talkTime, agreedAt, t.clock.now()).at(-1);
  const { check } = await call(safetyRoutes.take, {
    body: { id: newItemId(), answers: CONCERNED_ANSWERS },
  });
  if (setup === "pause") await call(talkRoutes.startPause, { body: { minutes: 30 } });
  if (setup === "accepted") {
    await partner.client.api.call(agreementRoutes.accept, { params: { id: agreement.id } });
  }
  if (setup === "pendingPhase") await call(coupleRoutes.changePhase, { body: { to: "meaning" } });
  const meaning = await makeMeaningItems(self, partner, setup);
  const rebuild = await makeRebuildItems(self, partner, freshPeople);
  const { sessions } = await call(accountRoutes.sessions);
  const envelopes = await envelopesSeenBy(self);
  // The leak checks are only as good as what they look for: this world's private stressor,
  // intensity note and safety check, and its shared words.
  expect(envelopes.privateEnvelopes.length).toBeGreaterThanOrEqual(6);
  expect(envelopes.sharedEnvelopes.length).toBeGreaterThan(0);
  return {
    self,
    partner,
    outsider,
    lone,
    ...envelopes,
    agreementId: agreement.id,
    topicId: topic.id,
    stressorId: stressor.id,
    intensityId: entry.id,
    safetyCheckId: check.id,
    circleId: friend.id,
    talkTimeId: talk.id,
    lastWindowStart: lastWindow?.startsAt.toISOString() ?? "",
    selfSessionId: sessions[0]?.id ?? "",
    ...meaning,
    ...rebuild,
    invite: { token: invite.token, coupleId: space.coupleId, version: space.version, spaceKey },
  };
}

/** One person answers a prompt once: the self's reflections are made once per set of people. */
const reflectionsMade = new WeakMap<
  Person,
  { draftReflectionId: string; sharedReflectionId: string }
>();

async function reflectionsOf(self: Person, partner: Person) {
  const made = reflectionsMade.get(self);
  if (made) return made;
  const call = self.client.api.call;
  const draftReflectionId = newItemId();
  await call(reflectionRoutes.write, {
    params: { id: draftReflectionId },
    body: {
      promptKey: "fears-unseen",
      body: "Half a thought I keep to myself.",
      visibility: "private",
    },
  });
  const sharedReflectionId = newItemId();
  await call(reflectionRoutes.write, {
    params: { id: sharedReflectionId },
    body: { promptKey: "before-distance", body: "We drifted that winter.", visibility: "couple" },
  });
  await partner.client.api.call(reflectionRoutes.write, {
    params: { id: newItemId() },
    body: { promptKey: "before-distance", body: "I felt alone that winter.", visibility: "couple" },
  });
  const ids = { draftReflectionId, sharedReflectionId };
  reflectionsMade.set(self, ids);
  return ids;
}

/** The self's Make-meaning items, private and shared, for the routes and the leak checks. */
async function makeMeaningItems(self: Person, partner: Person, setup: Entry["setup"]) {
  const call = self.client.api.call;
  const { draftReflectionId, sharedReflectionId } = await reflectionsOf(self, partner);
  const { entry: hurt } = await call(hurtRoutes.record, {
    body: {
      id: newItemId(),
      words: ["betrayed", "numb"],
      broken: "My sense of us",
      repairPossible: 2,
      visibility: "private",
    },
  });
  const { draft } = await call(accountabilityRoutes.saveDraft, {
    body: { id: newItemId(), whatIDid: "A first try at saying it." },
  });
  const { version } = await call(accountabilityRoutes.share, {
    body: {
      id: newItemId(),
      whatIDid: "I kept a second phone.",
      impact: "You felt foolish for trusting me.",
      whyNotSooner: "I was ashamed.",
    },
  });
  // A working copy again after sharing, so there is one to leak.
  await call(accountabilityRoutes.saveDraft, {
    body: { id: draft.id, whatIDid: "Saying more, privately first." },
  });
  const { question } = await call(questionRoutes.ask, {
    body: { id: newItemId(), text: "Who else knew?" },
  });
  if (setup === "answeredQuestion") {
    await partner.client.api.call(questionRoutes.answer, {
      params: { id: question.id },
      body: { id: newItemId(), text: "Nobody did." },
    });
  }
  const { paragraph } = await call(storyRoutes.add, {
    body: { id: newItemId(), section: "what-happened", text: "For a year, one of us hid a lot." },
  });
  if (setup === "coherentStory") {
    for (const who of [self, partner]) {
      await who.client.api.call(storyRoutes.mark, {
        params: { id: paragraph.id },
        body: { id: newItemId(), mark: "agree", version: 1 },
      });
    }
  }
  return {
    draftReflectionId,
    hurtId: hurt.id,
    statementDraftId: draft.id,
    sharedReflectionId,
    versionId: version.id,
    questionId: question.id,
    paragraphId: paragraph.id,
  };
}

/** The self's Rebuild items, and last week's check-in the partner may not see yet. */
async function makeRebuildItems(self: Person, partner: Person, freshPeople: boolean) {
  const call = self.client.api.call;
  const promise = (text: string) =>
    call(promiseRoutes.create, {
      body: {
        id: newItemId(),
        text,
        noticeHow: "You would get a message",
        cadence: { kind: "daily" },
        kind: "ordinary",
      },
    });
  const { promise: proposed } = await promise("Tell you when plans change");
  const { promise: active } = await promise("Text you when I leave work");
  await partner.client.api.call(promiseRoutes.accept, { params: { id: active.id } });
  const { today } = await call(promiseRoutes.list);
  const { excusal } = await call(promiseRoutes.excuse, {
    params: { id: active.id },
    body: { id: newItemId(), from: today, to: today, reason: "The dentist" },
  });
  const { setback } = await call(setbackRoutes.log, {
    body: { id: newItemId(), kind: "memory", text: "A song on the radio." },
  });
  const { answer } = await call(signalRoutes.answer, {
    body: { id: newItemId(), kind: "pushed-to-move-on", visibility: "private" },
  });
  const { currentWeek, previousWeek } = await call(checkinRoutes.list);
  let unrevealedEnvelopes: string[] = [];
  if (!freshPeople) {
    await call(checkinRoutes.put, {
      params: { week: previousWeek },
      body: {
        id: newItemId(),
        safety: 4,
        connection: 4,
        trust: 3,
        intensity: 6,
        appreciation: "You listened.",
        concern: "I still check your phone in my head.",
        wish: "More evenings together.",
      },
    });
    const { raw } = await self.client.get(checkinRoutes.list.path);
    unrevealedEnvelopes = [...raw.matchAll(ENVELOPES)].map((match) => match[0]);
    expect(unrevealedEnvelopes.length).toBeGreaterThanOrEqual(3);
  }
  return {
    proposedPromiseId: proposed.id,
    activePromiseId: active.id,
    excusalId: excusal.id,
    setbackId: setback.id,
    supportAnswerId: answer.id,
    today,
    currentWeek,
    unrevealedEnvelopes,
  };
}

function clientFor(w: World, relation: Relation): Client {
  const client = new Client(t.app);
  client.cookie = relation === "signedOut" ? null : w[relation].client.cookie;
  return client;
}

/**
 * The body sealed as the caller's browser would seal it. Callers who hold no space key (signed
 * out, or alone) send an envelope the self sealed: well-formed, so access alone decides.
 */
async function sealedFor(
  w: World,
  relation: Relation,
  route: Route,
  plain: unknown,
  params: Record<string, string>,
): Promise<unknown> {
  if (plain === undefined || !route.body || wordsIn(route.body).length === 0) return plain;
  const sealer: Member = relation === "signedOut" || relation === "lone" ? "self" : relation;
  return keyringOf(w[sealer]).sealBody(route.body, plain, params);
}

describe("access matrix", () => {
  it("covers every route the server exposes, and nothing that does not exist", () => {
    expect([...served].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it("serves every route the contracts declare, and no other", () => {
    expect([...served].sort()).toEqual([...ROUTES.keys()].sort());
  });

  for (const [key, entry] of Object.entries(MATRIX)) {
    it(`${key}: each relation gets exactly what it may`, async () => {
      const route = ROUTES.get(key);
      if (!route) throw new Error(`${key} is not in the contracts`);
      const w = await makeWorld(entry.setup, entry.freshPeople);
      const params = entry.params?.(w) ?? {};
      const path = pathOf(route, params);
      for (const relation of RELATIONS) {
        if (entry.stream && entry.expect[relation] === 200) continue;
        const client = clientFor(w, relation);
        const plain = await entry.body?.(w, relation);
        const body = await sealedFor(w, relation, route, plain, params);
        const res = await client.request(
          route.method,
          path,
          body ?? (route.method === "GET" || route.method === "DELETE" ? undefined : {}),
        );
        expect(res.status, `${key} as ${relation}: ${res.raw}`).toBe(entry.expect[relation]);
        if (relation !== "self" && relation !== "partner" && !entry.public) {
          for (const envelope of w.sharedEnvelopes) {
            expect(res.raw, `${key} as ${relation} leaked couple words`).not.toContain(envelope);
          }
          expect(res.raw).not.toContain(w.agreementId);
        }
        if (relation !== "self") {
          for (const envelope of w.unrevealedEnvelopes) {
            expect(res.raw, `${key} as ${relation} revealed a check-in`).not.toContain(envelope);
          }
          for (const envelope of w.privateEnvelopes) {
            expect(res.raw, `${key} as ${relation} leaked private words`).not.toContain(envelope);
          }
          for (const id of [
            w.stressorId,
            w.intensityId,
            w.safetyCheckId,
            w.draftReflectionId,
            w.hurtId,
            w.statementDraftId,
          ]) {
            expect(res.raw, `${key} as ${relation} leaked a private item`).not.toContain(id);
          }
        }
        if (res.status < 300) await entry.check?.(w, relation, res);
        if (res.status === 404 || res.status === 401) {
          expect(res.json()).toMatchObject({ error: { code: expect.any(String) } });
        }
      }
    });
  }
});
