import type { FastifyInstance } from "fastify";
import { setbackRoutes as routes } from "../../../contracts/setbacks.ts";
import { serve } from "../../platform/serve.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { SetbackService } from "./setback.service.ts";

export function serveSetbacks(app: FastifyInstance, setbacks: SetbackService): void {
  serve(app, routes.list, async ({ request }) => setbacks.list(requireScope(request)));
  serve(app, routes.log, async ({ request, body }) => setbacks.log(requireScope(request), body));
  serve(app, routes.step, async ({ request, params, body }) => ({
    setback: await setbacks.step(requireScope(request), params.id, body),
  }));
  serve(app, routes.repaired, async ({ request, params }) => ({
    setback: await setbacks.repaired(requireScope(request), params.id),
  }));
}
