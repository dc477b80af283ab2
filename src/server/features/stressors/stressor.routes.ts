import type { FastifyInstance } from "fastify";
import { stressorRoutes as routes } from "../../../contracts/stressors.ts";
import { serve } from "../../platform/serve.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { StressorService } from "./stressor.service.ts";

export function serveStressors(app: FastifyInstance, stressors: StressorService): void {
  serve(app, routes.add, async ({ request, body }) => ({
    stressor: await stressors.add(requireScope(request), body),
  }));
  serve(app, routes.list, async ({ request }) => ({
    stressors: await stressors.list(requireScope(request)),
  }));
  serve(app, routes.setPlan, async ({ request, params, body }) => ({
    stressor: await stressors.setPlan(requireScope(request), params.id, body.plan),
  }));
  serve(app, routes.remove, async ({ request, params }) => {
    await stressors.remove(requireScope(request), params.id);
  });
}
