import type { FastifyInstance } from "fastify";
import { reflectionRoutes as routes } from "../../../contracts/reflections.ts";
import { serve } from "../../platform/serve.ts";
import { requireActor, requireScope } from "../../platform/sessions.ts";
import type { ReflectionService } from "./reflection.service.ts";

export function serveReflections(app: FastifyInstance, reflections: ReflectionService): void {
  serve(app, routes.prompts, async ({ request }) => {
    requireActor(request);
    return reflections.prompts();
  });
  serve(app, routes.list, async ({ request }) => reflections.list(requireScope(request)));
  serve(app, routes.write, async ({ request, params, body, answerWith }) => {
    const { created, reflection } = await reflections.write(requireScope(request), params.id, body);
    if (created) answerWith(201);
    return { reflection };
  });
  serve(app, routes.comment, async ({ request, params, body }) => ({
    comment: await reflections.comment(requireScope(request), params.id, body),
  }));
}
