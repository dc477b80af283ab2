import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type Actor, type Scope, scopeOf } from "./access.ts";
import type { Clock } from "./clock.ts";
import { errors } from "./errors.ts";
import { hashSecret, newId, newSecret } from "./ids.ts";
import type { SessionStore, SessionWithActor } from "./session.store.ts";
import { sessionCache } from "./session-cache.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** Writes last-seen at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 60_000;
/** A browser unused this long is a stranger again. */
const DEVICE_LIFE_MS = 365 * 24 * 60 * 60_000;
const DEVICES_KEPT = 10;
/** How long a read may trust a session looked up moments ago (see session-cache.ts). */
const SESSION_REREAD_MS = 2_000;
const READS = new Set(["GET", "HEAD"]);

export interface SessionSettings {
  secureCookies: boolean;
  idleMs: number;
  maxMs: number;
  /** Shorter limits for therapists, whose sessions open many couples' shared words. */
  therapistIdleMs: number;
  therapistMaxMs: number;
}

export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-mend_session" : "mend_session";
}

export function deviceCookieName(secure: boolean): string {
  return secure ? "__Host-mend_device" : "mend_device";
}

/** A browser the person signed in on before, by its device cookie. */
export interface KnownDevice {
  userId: string;
  tokenHash: string;
}

const BROWSERS: Array<[RegExp, string]> = [
  [/Edg\//, "Edge"],
  [/Firefox\//, "Firefox"],
  [/Chrome\//, "Chrome"],
  [/Safari\//, "Safari"],
];
const SYSTEMS: Array<[RegExp, string]> = [
  [/Android/, "Android"],
  [/iPhone|iPad/, "iOS"],
  [/Mac OS X/, "macOS"],
  [/Windows/, "Windows"],
  [/Linux/, "Linux"],
];

/** A short, content-free label for the devices page, from the User-Agent. */
export function describeDevice(userAgent: string | undefined): string {
  const ua = userAgent ?? "";
  const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1] ?? "A browser";
  const os = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1];
  return os ? `${browser} on ${os}` : browser;
}

export function sessions(store: SessionStore, clock: Clock, settings: SessionSettings) {
  const cookieName = sessionCookieName(settings.secureCookies);
  const deviceCookie = deviceCookieName(settings.secureCookies);
  const cookieOptions = {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: settings.secureCookies,
  };
  const recent = sessionCache(SESSION_REREAD_MS);

  async function knownDevice(request: FastifyRequest): Promise<KnownDevice | null> {
    const token = request.cookies[deviceCookie];
    if (!token) return null;
    const tokenHash = hashSecret(token);
    const since = new Date(clock.now().getTime() - DEVICE_LIFE_MS).toISOString();
    const userId = await store.deviceOwner(tokenHash, since);
    return userId ? { userId, tokenHash } : null;
  }

  /** Marks the browser as this person's, or keeps the mark fresh. */
  async function rememberDevice(reply: FastifyReply, request: FastifyRequest, userId: string) {
    const now = clock.now().toISOString();
    const known = await knownDevice(request);
    if (known?.userId === userId) {
      await store.touchDevice(known.tokenHash, now);
      return;
    }
    const token = newSecret();
    await store.addDevice(userId, hashSecret(token), now, DEVICES_KEPT);
    reply.setCookie(deviceCookie, token, {
      ...cookieOptions,
      sameSite: "strict",
      maxAge: Math.floor(DEVICE_LIFE_MS / 1000),
    });
  }

  /** Neither idle for too long nor past its absolute end. */
  function isLive(lastSeenAt: string, expiresAt: string, now: Date): boolean {
    const idleSince = now.getTime() - Date.parse(lastSeenAt);
    return idleSince <= settings.idleMs && Date.parse(expiresAt) > now.getTime();
  }

  return {
    cookieName,
    knownDevice,

    /** Whether a session still stands, without counting the check as activity. */
    async stillLive(sessionId: string): Promise<boolean> {
      const times = await store.findTimes(sessionId);
      return times !== undefined && isLive(times.last_seen_at, times.expires_at, clock.now());
    },

    /**
     * Starts a fresh session (never reusing a token) and sets its cookie. Its unlock key is what
     * the browser's sealed copy of its opened keys opens with: it lives and dies with the session.
     */
    async start(
      reply: FastifyReply,
      request: FastifyRequest,
      userId: string,
    ): Promise<{ id: string; unlockKey: string }> {
      const token = newSecret();
      const unlockKey = newSecret();
      const now = clock.now();
      const id = newId();
      await store.create({
        id,
        userId,
        tokenHash: hashSecret(token),
        device: describeDevice(request.headers["user-agent"]),
        now: now.toISOString(),
        expiresAt: new Date(now.getTime() + settings.maxMs).toISOString(),
        unlockKey,
      });
      reply.setCookie(cookieName, token, {
        ...cookieOptions,
        maxAge: Math.floor(settings.maxMs / 1000),
      });
      await rememberDevice(reply, request, userId);
      return { id, unlockKey };
    },

    /** The unlock key of the caller's own session. */
    async unlockKey(request: FastifyRequest): Promise<string> {
      const actor = requireActor(request);
      const key = await store.unlockKey(actor.sessionId);
      if (!key) throw errors.unauthenticated();
      return key;
    },

    async end(reply: FastifyReply, request: FastifyRequest): Promise<void> {
      if (request.actor) await store.delete(request.actor.sessionId);
      reply.clearCookie(cookieName, cookieOptions);
    },

    /**
     * Signing out on a browser forgets it too: on a shared computer nothing of the person's is
     * left behind, not even the mark that they were here.
     */
    async forgetDevice(reply: FastifyReply, request: FastifyRequest): Promise<void> {
      const token = request.cookies[deviceCookie];
      if (!token) return;
      await store.deleteDevice(hashSecret(token));
      reply.clearCookie(deviceCookie, { ...cookieOptions, sameSite: "strict" });
    },

    install(app: FastifyInstance): void {
      app.decorateRequest("actor", null);
      app.addHook("preHandler", async (request) => {
        const token = request.cookies[cookieName];
        if (!token) return;
        const session = await lookUp(hashSecret(token), READS.has(request.method));
        if (!session) return;
        const now = clock.now();
        const idleSince = now.getTime() - Date.parse(session.lastSeenAt);
        const therapistEnd = Date.parse(session.createdAt) + settings.therapistMaxMs;
        const therapistTooLong =
          session.role === "therapist" &&
          (idleSince > settings.therapistIdleMs || therapistEnd <= now.getTime());
        if (therapistTooLong || !isLive(session.lastSeenAt, session.expiresAt, now)) {
          await store.delete(session.id);
          recent.forget(session.userId, null);
          return;
        }
        if (idleSince > TOUCH_EVERY_MS) {
          await store.touch(session.id, now.toISOString());
          session.lastSeenAt = now.toISOString();
        }
        request.actor = {
          userId: session.userId,
          role: session.role === "therapist" ? "therapist" : "partner",
          coupleId: session.coupleId,
          keyVersion: session.keyVersion,
          sessionId: session.id,
          secondFactor: session.secondFactorAt !== null,
        };
      });
      // Once a write is done, what it may have changed (a session ended, a couple joined, a new
      // key) is looked up afresh by the next read.
      app.addHook("onResponse", async (request) => {
        const actor = request.actor;
        if (actor && !READS.has(request.method)) recent.forget(actor.userId, actor.coupleId);
      });
    },
  };

  async function lookUp(tokenHash: string, read: boolean): Promise<SessionWithActor | undefined> {
    const kept = read ? recent.get(tokenHash) : undefined;
    if (kept) return kept;
    const session = await store.findByTokenHash(tokenHash);
    if (session) recent.keep(tokenHash, session);
    return session;
  }
}
export type Sessions = ReturnType<typeof sessions>;

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw errors.unauthenticated();
  return request.actor;
}

/**
 * A partner's own settings (calendar feed, reminders), in a couple or not: their id. A therapist
 * gets the 404 of a route that is not theirs.
 */
export function requirePartnerId(request: FastifyRequest): string {
  const actor = requireActor(request);
  if (actor.role !== "partner") throw errors.notFound("That page");
  return actor.userId;
}

/** The signed-in caller's way into their couple's data (401 signed out, 404 outside a couple). */
export function requireScope(request: FastifyRequest): Scope {
  return scopeOf(requireActor(request));
}
