import type { FastifyInstance } from "fastify";
import { milestoneRoutes as routes } from "../../../contracts/setbacks.ts";
import { serve } from "../../platform/serve.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { MilestoneService } from "./milestone.service.ts";

export function serveMilestones(app: FastifyInstance, milestones: MilestoneService): void {
  serve(app, routes.list, async ({ request }) => milestones.list(requireScope(request)));
  serve(app, routes.seen, async ({ request, params }) =>
    milestones.see(requireScope(request), params.key),
  );
}
