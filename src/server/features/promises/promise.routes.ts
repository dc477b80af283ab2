import type { FastifyInstance } from "fastify";
import { promiseRoutes as routes } from "../../../contracts/promises.ts";
import { serve } from "../../platform/serve.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { PromiseService } from "./promise.service.ts";

export function servePromises(app: FastifyInstance, promises: PromiseService): void {
  serve(app, routes.list, async ({ request }) => promises.list(requireScope(request)));
  serve(app, routes.create, async ({ request, body }) => ({
    promise: await promises.create(requireScope(request), body),
  }));
  serve(app, routes.accept, async ({ request, params }) => ({
    promise: await promises.accept(requireScope(request), params.id),
  }));
  serve(app, routes.decline, async ({ request, params }) => ({
    promise: await promises.decline(requireScope(request), params.id),
  }));
  serve(app, routes.withdraw, async ({ request, params }) => ({
    promise: await promises.withdraw(requireScope(request), params.id),
  }));
  serve(app, routes.review, async ({ request, params, body }) => ({
    promise: await promises.review(requireScope(request), params.id, body),
  }));
  serve(app, routes.mark, async ({ request, params, body }) => ({
    promise: await promises.mark(requireScope(request), params.id, body),
  }));
  serve(app, routes.view, async ({ request, params, body }) => ({
    promise: await promises.view(requireScope(request), params.id, body),
  }));
  serve(app, routes.excuse, async ({ request, params, body }) => ({
    excusal: await promises.excuse(requireScope(request), params.id, body),
  }));
  serve(app, routes.acceptExcusal, async ({ request, params }) => ({
    excusal: await promises.acceptExcusal(requireScope(request), params.id, params.eid),
  }));
  serve(app, routes.declineExcusal, async ({ request, params }) => ({
    excusal: await promises.declineExcusal(requireScope(request), params.id, params.eid),
  }));
}
