import type { FastifyInstance } from "fastify";
import { needsRoutes as routes } from "../../../contracts/needs.ts";
import { serve } from "../../platform/serve.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { NeedsService } from "./needs.service.ts";

export function serveNeeds(app: FastifyInstance, needs: NeedsService): void {
  serve(app, routes.list, async ({ request }) => needs.list(requireScope(request)));
}
