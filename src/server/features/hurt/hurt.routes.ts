import type { FastifyInstance } from "fastify";
import { hurtRoutes as routes } from "../../../contracts/hurt.ts";
import { serve } from "../../platform/serve.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { HurtService } from "./hurt.service.ts";

export function serveHurt(app: FastifyInstance, hurt: HurtService): void {
  serve(app, routes.record, async ({ request, body }) => ({
    entry: await hurt.record(requireScope(request), body),
  }));
  serve(app, routes.list, async ({ request }) => hurt.list(requireScope(request)));
}
