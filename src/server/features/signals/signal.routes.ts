import type { FastifyInstance } from "fastify";
import { signalRoutes as routes } from "../../../contracts/signals.ts";
import { serve } from "../../platform/serve.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { SignalService } from "./signal.service.ts";

export function serveSignals(app: FastifyInstance, signals: SignalService): void {
  serve(app, routes.list, async ({ request }) => signals.list(requireScope(request)));
  serve(app, routes.answer, async ({ request, body }) =>
    signals.answer(requireScope(request), body),
  );
  serve(app, routes.takeBack, async ({ request, params }) => {
    await signals.takeBack(requireScope(request), params.id);
  });
  serve(app, routes.snooze, async ({ request, params, body }) =>
    signals.snooze(requireScope(request), params.key, body),
  );
  serve(app, routes.share, async ({ request, body }) => {
    await signals.share(requireScope(request), body.shared);
  });
}
