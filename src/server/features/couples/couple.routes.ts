import type { FastifyInstance } from "fastify";
import { coupleRoutes as routes } from "../../../contracts/couples.ts";
import { serve } from "../../platform/serve.ts";
import { requireActor, requireScope } from "../../platform/sessions.ts";
import type { CoupleService } from "./couple.service.ts";

export function serveCouples(app: FastifyInstance, couples: CoupleService): void {
  serve(app, routes.create, async ({ request, body }) =>
    couples.create(requireActor(request), body),
  );
  serve(app, routes.newInvite, async ({ request, body }) => ({
    invite: await couples.newInvite(requireScope(request), body.inviteBox),
  }));
  serve(app, routes.previewInvite, async ({ params }) => couples.previewInvite(params.token));
  serve(app, routes.acceptInvite, async ({ request, params, body }) =>
    couples.acceptInvite(requireActor(request), params.token, body, request.ip),
  );
  serve(app, routes.keys, async ({ request }) => couples.keys(requireScope(request)));
  serve(app, routes.grant, async ({ request, body }) => {
    await couples.grantToPartner(requireScope(request), body);
  });
  serve(app, routes.view, async ({ request, reply, notModified }) => {
    const { view, tag } = await couples.view(requireScope(request));
    reply.header("etag", tag);
    // A screen that holds this very view is told so in a few bytes.
    if (request.headers["if-none-match"] === tag) notModified();
    return view;
  });
  serve(app, routes.safeEnough, async ({ request, body }) => {
    await couples.setSafeEnough(requireScope(request), body.safeEnough);
  });
  serve(app, routes.individualMode, async ({ request, body }) => {
    await couples.setIndividualMode(requireScope(request), body.on);
  });
  serve(app, routes.therapy, async ({ request, body }) => ({
    status: await couples.setTherapy(requireScope(request), body.status),
  }));
  serve(app, routes.changePhase, async ({ request, body, answerWith }) => {
    const result = await couples.changePhase(requireScope(request), body);
    if (result.kind === "changed") return { phase: result.phase };
    answerWith(202);
    return { pending: result.pending };
  });
  serve(app, routes.leave, async ({ request }) => {
    await couples.leave(requireScope(request));
  });
  serve(app, routes.cancelPendingPhase, async ({ request, query }) => {
    await couples.cancelPendingPhase(requireScope(request), query.id);
  });
}
