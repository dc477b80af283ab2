import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { calendarRoutes as routes } from "../../../contracts/calendar.ts";
import { serve } from "../../platform/serve.ts";
import { requirePartnerId } from "../../platform/sessions.ts";
import type { CalendarService } from "./calendar.service.ts";

export function serveCalendar(app: FastifyInstance, calendar: CalendarService): void {
  serve(app, routes.settings, async ({ request }) => ({
    feed: await calendar.settings(requirePartnerId(request)),
  }));
  serve(app, routes.newLink, async ({ request }) => calendar.newLink(requirePartnerId(request)));
  serve(app, routes.turnOff, async ({ request }) => calendar.turnOff(requirePartnerId(request)));
  serve(app, routes.titles, async ({ request, body }) => ({
    feed: await calendar.setTitles(requirePartnerId(request), body.neutral),
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
