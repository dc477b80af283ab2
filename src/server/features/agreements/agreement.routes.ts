import type { FastifyInstance } from "fastify";
import { agreementRoutes as routes } from "../../../contracts/agreements.ts";
import { serve } from "../../platform/serve.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { AgreementService } from "./agreement.service.ts";

export function serveAgreements(app: FastifyInstance, agreements: AgreementService): void {
  serve(app, routes.propose, async ({ request, body }) => ({
    agreement: await agreements.propose(requireScope(request), body),
  }));
  serve(app, routes.list, async ({ request, query }) =>
    agreements.list(requireScope(request), query.before),
  );
  serve(app, routes.get, async ({ request, params }) =>
    agreements.get(requireScope(request), params.id),
  );
  for (const action of ["accept", "decline", "withdraw"] as const) {
    serve(app, routes[action], async ({ request, params }) => ({
      agreement: await agreements[action](requireScope(request), params.id),
    }));
  }
  serve(app, routes.counter, async ({ request, params, body }) => ({
    agreement: await agreements.counter(requireScope(request), params.id, body),
  }));
  serve(app, routes.review, async ({ request, params, body }) => ({
    agreement: await agreements.review(requireScope(request), params.id, body),
  }));
}
