import type { FastifyInstance } from "fastify";
import { eventRoutes } from "../../../contracts/events.ts";
import { scopeOf } from "../../platform/access.ts";
import { requireActor, type Sessions } from "../../platform/sessions.ts";
import type { PauseService } from "../talks/pause.service.ts";
import type { ChangeStore } from "./changes.store.ts";

/** How often a stream looks for changes; the database is the one place processes share. */
const POLL_MS = 2_000;
/** A comment line now and then keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 25_000;

/**
 * Server-sent events, the one live channel for an open screen: the running pause (it also ends
 * by itself, with no request to tell), and which features a shared change touched, so screens
 * refresh those within seconds. Each event carries only couple-visible state; nothing about the
 * partner's presence, activity or connection is ever sent, and the stream ends when the session
 * does.
 */
export function serveEvents(
  app: FastifyInstance,
  pauses: PauseService,
  changes: ChangeStore,
  sessions: Sessions,
  pollMs = POLL_MS,
): void {
  const { stream } = eventRoutes;
  app.get(
    stream.path,
    { schema: { tags: [...stream.tags], summary: stream.summary } },
    async (request, reply) => {
      const actor = requireActor(request);
      const scope = scopeOf(actor);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        connection: "keep-alive",
      });
      let last = "";
      let seen = await changes.revision(scope);
      let closed = false;
      const stop = () => {
        closed = true;
        clearInterval(poll);
        clearInterval(keepalive);
        res.end();
      };
      const tick = async () => {
        if (closed) return;
        if (!(await sessions.stillLive(actor.sessionId))) return stop();
        const state = JSON.stringify({ activePause: await pauses.activeFor(scope) });
        if (state !== last && !closed) {
          last = state;
          res.write(`event: couple\ndata: ${state}\n\n`);
        }
        const revision = await changes.revision(scope);
        if (revision > seen && !closed) {
          const features = await changes.featuresSince(scope, seen);
          seen = revision;
          res.write(`event: changed\ndata: ${JSON.stringify({ features })}\n\n`);
        }
      };
      const poll = setInterval(() => void tick().catch(stop), pollMs);
      const keepalive = setInterval(() => res.write(": keepalive\n\n"), KEEPALIVE_MS);
      request.raw.on("close", stop);
      await tick().catch(stop);
    },
  );
}
