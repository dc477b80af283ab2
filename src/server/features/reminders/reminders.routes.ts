import type { FastifyInstance } from "fastify";
import { reminderRoutes as routes } from "../../../contracts/reminders.ts";
import { serve } from "../../platform/serve.ts";
import { requirePartnerId } from "../../platform/sessions.ts";
import type { ReminderService } from "./reminders.service.ts";

export function serveReminders(app: FastifyInstance, reminders: ReminderService): void {
  serve(app, routes.settings, async ({ request }) => ({
    settings: await reminders.settings(requirePartnerId(request)),
  }));
  serve(app, routes.save, async ({ request, body }) => ({
    settings: await reminders.save(requirePartnerId(request), body),
  }));
  serve(app, routes.stop, async ({ body }) => ({ kind: await reminders.stop(body.token) }));
}
