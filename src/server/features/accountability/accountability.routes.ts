import type { FastifyInstance } from "fastify";
import { accountabilityRoutes as routes } from "../../../contracts/accountability.ts";
import { serve } from "../../platform/serve.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { AccountabilityService } from "./accountability.service.ts";

export function serveAccountability(app: FastifyInstance, statements: AccountabilityService) {
  serve(app, routes.overview, async ({ request }) => statements.overview(requireScope(request)));
  serve(app, routes.saveDraft, async ({ request, body }) => ({
    draft: await statements.saveDraft(requireScope(request), body),
  }));
  serve(app, routes.discardDraft, async ({ request }) => {
    await statements.discardDraft(requireScope(request));
  });
  serve(app, routes.share, async ({ request, body }) => ({
    version: await statements.share(requireScope(request), body),
  }));
  serve(app, routes.addendum, async ({ request, body }) => ({
    addendum: await statements.addendum(requireScope(request), body),
  }));
  serve(app, routes.respond, async ({ request, params, body }) => ({
    response: await statements.respond(requireScope(request), params.id, body),
  }));
}
