import type { FastifyInstance } from "fastify";
import { needsRoutes as routes } from "../../../contracts/needs.ts";
import type { KeptViews } from "../../platform/kept-views.ts";
import { serve } from "../../platform/serve.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { NeedsService } from "./needs.service.ts";

export function serveNeeds(app: FastifyInstance, needs: NeedsService, views: KeptViews): void {
  // Polled by an open Home: answered again while nothing changed (platform/kept-views.ts).
  serve(app, routes.list, async ({ request }) => {
    const scope = requireScope(request);
    const list = () => needs.list(scope);
    return (await views.read(scope, "needs", list)) ?? list();
  });
}
