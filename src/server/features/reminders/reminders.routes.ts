import type { FastifyInstance, FastifyRequest } from "fastify";
import { reminderRoutes as routes } from "../../../contracts/reminders.ts";
import { errors } from "../../platform/errors.ts";
import { serve } from "../../platform/serve.ts";
import { requireActor } from "../../platform/sessions.ts";
import type { ReminderService } from "./reminders.service.ts";

/** A partner's own reminders; a therapist gets none from Mend, so none of these routes. */
function partnerOf(request: FastifyRequest): string {
  const actor = requireActor(request);
  if (actor.role !== "partner") throw errors.notFound("That page");
  return actor.userId;
}

export function serveReminders(app: FastifyInstance, reminders: ReminderService): void {
  serve(app, routes.settings, async ({ request }) => ({
    settings: await reminders.settings(partnerOf(request)),
  }));
  serve(app, routes.save, async ({ request, body }) => ({
    settings: await reminders.save(partnerOf(request), body),
  }));
  serve(app, routes.stop, async ({ body }) => ({ kind: await reminders.stop(body.token) }));
}
