import type { FastifyInstance } from "fastify";
import { scopeOf } from "../../platform/access.ts";
import type { Clock } from "../../platform/clock.ts";
import type { ChangeStore } from "./changes.store.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    live?: boolean;
    /** What a change here touches: the route's tags (a deferred question is also a topic). */
    features?: readonly string[];
  }
}

/**
 * Once a shared change has committed, and before its answer is sent, the couple's open screens
 * are told which feature changed. One hook for every feature: nothing to forget
 * when a feature is added, only a route to list in `LIVE_ROUTES`. A body marked private never
 * tells, so the other partner's stream cannot reveal that something hidden from them happened.
 */
export function installLiveChanges(app: FastifyInstance, changes: ChangeStore, clock: Clock): void {
  // Before the answer leaves (the handler's transaction has committed by then), so whoever
  // receives it can count on the change being announced already.
  app.addHook("onSend", async (request, reply, payload) => {
    const { live, features = [] } = request.routeOptions.config;
    if (!live || features.length === 0 || reply.statusCode >= 300 || !request.actor) {
      return payload;
    }
    if ((request.body as { visibility?: unknown } | undefined)?.visibility === "private") {
      return payload;
    }
    try {
      const coupleId = request.actor.coupleId ?? (await changes.coupleOf(request.actor.userId));
      if (coupleId) {
        const scope = scopeOf({ ...request.actor, coupleId });
        for (const feature of features) await changes.record(scope, feature, clock.now());
      }
    } catch (error) {
      // A lost notification costs a slower refresh, never the change itself.
      request.log.warn({ err: error }, "live change not recorded");
    }
    return payload;
  });
}
