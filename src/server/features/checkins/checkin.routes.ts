import type { FastifyInstance } from "fastify";
import { checkinRoutes as routes } from "../../../contracts/checkins.ts";
import { serve } from "../../platform/serve.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { CheckinService } from "./checkin.service.ts";

export function serveCheckins(app: FastifyInstance, checkins: CheckinService): void {
  serve(app, routes.list, async ({ request }) => checkins.list(requireScope(request)));
  serve(app, routes.put, async ({ request, params, body, answerWith }) => {
    const { checkin, created } = await checkins.put(requireScope(request), params.week, body);
    answerWith(created ? 201 : 200);
    return { checkin };
  });
  serve(app, routes.setDay, async ({ request, body }) =>
    checkins.setDay(requireScope(request), body.weekday),
  );
}
