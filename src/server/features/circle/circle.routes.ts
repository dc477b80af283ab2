import type { FastifyInstance } from "fastify";
import { circleRoutes as routes } from "../../../contracts/circle.ts";
import { serve } from "../../platform/serve.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { CircleService } from "./circle.service.ts";

export function serveCircle(app: FastifyInstance, circle: CircleService): void {
  serve(app, routes.add, async ({ request, body }) => ({
    person: await circle.add(requireScope(request), body),
  }));
  serve(app, routes.list, async ({ request }) => ({
    people: await circle.list(requireScope(request)),
  }));
  serve(app, routes.agree, async ({ request, params }) => ({
    person: await circle.agree(requireScope(request), params.id),
  }));
  serve(app, routes.concern, async ({ request, params, body }) => ({
    person: await circle.raiseConcern(requireScope(request), params.id, body.concern),
  }));
  serve(app, routes.remove, async ({ request, params }) => {
    await circle.remove(requireScope(request), params.id);
  });
}
