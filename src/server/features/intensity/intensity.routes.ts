import type { FastifyInstance } from "fastify";
import { intensityRoutes as routes } from "../../../contracts/intensity.ts";
import { serve } from "../../platform/serve.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { IntensityService } from "./intensity.service.ts";

export function serveIntensity(app: FastifyInstance, intensity: IntensityService): void {
  serve(app, routes.record, async ({ request, body }) => ({
    entry: await intensity.record(requireScope(request), body),
  }));
  serve(app, routes.overview, async ({ request, query }) =>
    intensity.overview(requireScope(request), query.timeZone, query.days),
  );
}
