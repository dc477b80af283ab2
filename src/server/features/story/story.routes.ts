import type { FastifyInstance } from "fastify";
import { storyRoutes as routes } from "../../../contracts/story.ts";
import { serve } from "../../platform/serve.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { StoryService } from "./story.service.ts";

export function serveStory(app: FastifyInstance, story: StoryService): void {
  serve(app, routes.read, async ({ request }) => story.read(requireScope(request)));
  serve(app, routes.add, async ({ request, body }) => ({
    paragraph: await story.add(requireScope(request), body),
  }));
  serve(app, routes.edit, async ({ request, params, body }) => ({
    paragraph: await story.edit(requireScope(request), params.id, body),
  }));
  serve(app, routes.mark, async ({ request, params, body }) => ({
    mark: await story.mark(requireScope(request), params.id, body),
  }));
  serve(app, routes.sign, async ({ request, query }) =>
    story.sign(requireScope(request), query.revision),
  );
}
