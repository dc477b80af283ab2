import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantTherapist, signIn } from "../../src/client/session.ts";
import { ALL_ROUTES } from "../../src/contracts/api.ts";
import { intensityRoutes } from "../../src/contracts/intensity.ts";
import { pathOf, type Route } from "../../src/contracts/route.ts";
import { therapistRoutes } from "../../src/contracts/therapists.ts";
import { type Couple, deriveOnce, makeCouple, newItemId, PASSWORD } from "../support/factories.ts";
import { Client, makeTestApp, type TestApp } from "../support/test-app.ts";
import { makeTherapist, type Therapist } from "../support/therapists.ts";

/**
 * The therapist relations of the access matrix: a therapist linked and active, one only
 * proposed, one consented to but not accepted, one unlinked, another couple's therapist, and an
 * active one whose session has not passed the second factor. Every therapist route answers 404
 * outside an active link (401 before the second factor); every partner route answers a therapist
 * 404; no answer carries an envelope of the couple's unless the link is active. Routes are read
 * from the contracts, so a new one that is missing here fails.
 */
const KINDS = ["active", "proposed", "consented", "unlinked", "otherCouple", "noFactor"] as const;
type Kind = (typeof KINDS)[number];

let t: TestApp;
let couple: Couple;
let clients: Record<Kind, Client>;
let therapists: Record<Kind, Therapist>;
let activeLinkId: string;
/** The couple each therapist's link is (or was) with; another couple's for `otherCouple`. */
let coupleOf: Record<Kind, string>;
let consentedLinkId: string;
const SHARED = "CANARY-shared-with-the-therapist";

beforeAll(async () => {
  t = await makeTestApp();
  couple = await makeCouple(t.app);
  const made = {} as Record<Kind, Therapist>;
  for (const kind of KINDS) made[kind] = await makeTherapist(t, `Dr. ${kind}`);
  therapists = made;

  const link = async (
    who: Couple,
    therapist: Therapist,
    upTo: "proposed" | "consented" | "active",
  ) => {
    const { link } = await who.a.client.api.call(therapistRoutes.propose, {
      body: { email: therapist.email },
    });
    if (upTo === "proposed") return link.id;
    await who.b.client.api.call(therapistRoutes.consent, { params: { linkId: link.id } });
    if (upTo === "consented") return link.id;
    await therapist.client.api.call(therapistRoutes.accept, { params: { linkId: link.id } });
    return link.id;
  };
  // One live link per couple: the states that end come first, then the one that stays.
  const unlinked = await link(couple, made.unlinked, "active");
  await couple.b.client.api.call(therapistRoutes.unlink, { params: { linkId: unlinked } });
  const proposedCouple = await makeCouple(t.app);
  await link(proposedCouple, made.proposed, "proposed");
  const consentedCouple = await makeCouple(t.app);
  consentedLinkId = await link(consentedCouple, made.consented, "consented");
  const otherCouple = await makeCouple(t.app);
  await link(otherCouple, made.otherCouple, "active");
  coupleOf = {
    active: couple.coupleId,
    proposed: proposedCouple.coupleId,
    consented: consentedCouple.coupleId,
    unlinked: couple.coupleId,
    otherCouple: couple.coupleId,
    noFactor: couple.coupleId,
  };

  activeLinkId = await link(couple, made.active, "active");
  // The same account, linked to nothing of its own: the no-factor relation signs the active
  // therapist in again on a new device and stops before the code.
  const noFactor = new Client(t.app);
  await signIn(noFactor.api, { email: made.active.email, password: PASSWORD }, deriveOnce);

  const { links } = await couple.a.client.api.call(therapistRoutes.links);
  const active = links.find((l) => l.id === activeLinkId);
  if (!active || !couple.a.client.keyring) throw new Error("no active link");
  await grantTherapist(couple.a.client.api, couple.a.client.keyring, active);
  await couple.a.client.api.call(intensityRoutes.record, {
    body: { id: newItemId(), value: 5, note: SHARED, visibility: "therapist" },
  });

  clients = {
    active: made.active.client,
    proposed: made.proposed.client,
    consented: made.consented.client,
    unlinked: made.unlinked.client,
    otherCouple: made.otherCouple.client,
    noFactor,
  };
});
afterAll(() => t.close());

const ENVELOPES = /m1\.(p|s[0-9]+)\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+/;
const routeKey = (route: Route) => `${route.method} ${route.path}`;

/** One's own account and the app's fixed texts, answered to any signed-in person alike. */
const ACCOUNT_ROUTES = new Set([
  "GET /api/config",
  "GET /api/auth/keys",
  "GET /api/me",
  "GET /api/account/sessions",
  "GET /api/safety-checks/questions",
  "GET /api/safety-checks/resources",
  "GET /api/reflections/prompts",
  "GET /api/safety-checks",
]);

/** Reached without a session or by link; not about any couple's data. */
const PUBLIC_ROUTES = new Set(["GET /api/invites/:token", "GET /api/therapists/invites/:token"]);

const WORKSPACE: Record<string, (kind: Kind) => number> = {
  "GET /api/therapist/couples/:id": (kind) => byKind(kind, 200),
  "GET /api/therapist/couples/:id/notes": (kind) => byKind(kind, 200),
  "GET /api/therapist/couples": (kind) => (kind === "noFactor" ? 401 : 200),
  "GET /api/therapist/invitations": (kind) => (kind === "noFactor" ? 401 : 200),
};

function byKind(kind: Kind, active: number): number {
  if (kind === "noFactor") return 401;
  return kind === "active" ? active : 404;
}

function pathFor(route: Route, kind: Kind): string {
  return pathOf(route, { id: coupleOf[kind], token: "x".repeat(40), linkId: activeLinkId });
}

describe("therapist relations", () => {
  const gets = ALL_ROUTES.filter((route) => route.method === "GET");

  it("covers every GET route of the API", () => {
    const known = new Set([...ACCOUNT_ROUTES, ...PUBLIC_ROUTES, ...Object.keys(WORKSPACE)]);
    const partnerRoutes = gets.filter((route) => !known.has(routeKey(route)));
    expect(partnerRoutes.length).toBeGreaterThan(20);
    for (const route of partnerRoutes) expect(route.path.startsWith("/api/therapist/")).toBe(false);
  });

  for (const kind of KINDS) {
    it(`${kind}: workspace routes open only on an active link, partner routes never`, async () => {
      const client = clients[kind];
      for (const route of gets) {
        const key = routeKey(route);
        if (ACCOUNT_ROUTES.has(key) || PUBLIC_ROUTES.has(key) || key === "GET /api/events")
          continue;
        const reply = await client.get(pathFor(route, kind));
        const expected = WORKSPACE[key]?.(kind) ?? 404;
        expect({ key, status: reply.status }).toEqual({ key, status: expected });
        if (kind !== "active" || !(key in WORKSPACE)) {
          expect({ key, leaked: ENVELOPES.test(reply.raw) }).toEqual({ key, leaked: false });
          // A couple whose partners both consented waits among the therapist's invitations.
          const invited = kind === "consented" && key === "GET /api/therapist/invitations";
          expect(reply.raw.includes(coupleOf[kind])).toBe(invited);
        }
      }
    });
  }

  it("active: the couple view carries the shared words and the caseload the couple", async () => {
    const view = await clients.active.get(`/api/therapist/couples/${couple.coupleId}`);
    expect(view.raw).toMatch(ENVELOPES);
    const caseload = (await clients.active.get("/api/therapist/couples")).json<{
      couples: Array<{ id: string }>;
    }>();
    expect(caseload.couples.map((c) => c.id)).toEqual([couple.coupleId]);
    for (const kind of ["proposed", "consented", "unlinked", "otherCouple"] as const) {
      const other = await clients[kind].get("/api/therapist/couples");
      expect(other.raw).not.toContain(couple.coupleId);
    }
  });

  it("answers an invitation only for the therapist it was meant for", async () => {
    const stranger = await clients.otherCouple.post(
      `/api/therapist/invitations/${consentedLinkId}/accept`,
    );
    expect(stranger.status).toBe(404);
    const beforeFactor = await clients.noFactor.post(
      `/api/therapist/invitations/${consentedLinkId}/accept`,
    );
    expect(beforeFactor.status).toBe(401);
    const notYet = await clients.active.post(`/api/therapist/invitations/${activeLinkId}/accept`);
    expect(notYet.status).toBe(409);
  });

  it("keeps the couple's side of linking to the couple", async () => {
    const therapist = clients.active;
    for (const [method, path, body] of [
      ["GET", "/api/couple/therapists", undefined],
      ["POST", "/api/couple/therapists", { email: therapists.consented.email }],
      ["POST", `/api/couple/therapists/${activeLinkId}/consent`, undefined],
      ["DELETE", `/api/couple/therapists/${activeLinkId}`, undefined],
      ["GET", "/api/audit", undefined],
    ] as const) {
      const reply = await therapist.request(
        method,
        path,
        body ?? (method === "POST" ? {} : undefined),
      );
      expect({ path, status: reply.status }).toEqual({ path, status: 404 });
    }
    // The link still stands: the therapist could not end it.
    const { links } = await couple.a.client.api.call(therapistRoutes.links);
    expect(links.find((l) => l.id === activeLinkId)?.status).toBe("active");
  });
});
