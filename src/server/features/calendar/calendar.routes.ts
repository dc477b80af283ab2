import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { calendarRoutes as routes } from "../../../contracts/calendar.ts";
import { errors } from "../../platform/errors.ts";
import { serve } from "../../platform/serve.ts";
import { requireActor } from "../../platform/sessions.ts";
import type { CalendarService } from "./calendar.service.ts";

/** A partner's own feed settings; a therapist has no couple calendar, so none of these routes. */
function partnerOf(request: FastifyRequest): string {
  const actor = requireActor(request);
  if (actor.role !== "partner") throw errors.notFound("That page");
  return actor.userId;
}

export function serveCalendar(app: FastifyInstance, calendar: CalendarService): void {
  serve(app, routes.settings, async ({ request }) => ({
    feed: await calendar.settings(partnerOf(request)),
  }));
  serve(app, routes.newLink, async ({ request }) => calendar.newLink(partnerOf(request)));
  serve(app, routes.turnOff, async ({ request }) => calendar.turnOff(partnerOf(request)));
  serve(app, routes.titles, async ({ request, body }) => ({
    feed: await calendar.setTitles(partnerOf(request), body.neutral),
  }));

  // Fetched by calendar apps with no session: the secret link is the only key, so it stays out
  // of the API and its document.
  app.get<{ Params: { file: string } }>(
    "/calendar/:file",
    { schema: { hide: true } },
    async (request, reply) => {
      const body = await calendar.feed(request.params.file, request.ip);
      const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
      reply
        .header("cache-control", "private, max-age=300")
        .header("etag", etag)
        .header("x-robots-tag", "noindex, nofollow");
      if (request.headers["if-none-match"] === etag) return reply.status(304).send();
      return reply.type("text/calendar; charset=utf-8").send(body);
    },
  );
}
