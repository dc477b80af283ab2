import type { FastifyInstance } from "fastify";
import { safetyRoutes as routes } from "../../../contracts/safety.ts";
import { serve } from "../../platform/serve.ts";
import { requireActor } from "../../platform/sessions.ts";
import type { SafetyService } from "./safety.service.ts";

export function serveSafety(app: FastifyInstance, safety: SafetyService): void {
  serve(app, routes.questions, async ({ request }) => {
    requireActor(request);
    return { questions: safety.questions() };
  });
  serve(app, routes.resources, async () => ({ resources: safety.resources() }));
  serve(app, routes.take, async ({ request, body }) => safety.take(requireActor(request), body));
  serve(app, routes.list, async ({ request }) => ({
    checks: await safety.list(requireActor(request)),
  }));
}
