import type { FastifyInstance } from "fastify";
import { therapistRoutes as routes } from "../../../contracts/therapists.ts";
import { serve } from "../../platform/serve.ts";
import { requireActor, requireScope, type Sessions } from "../../platform/sessions.ts";
import type { TherapistService } from "./therapist.service.ts";
import type { TherapistAccountService } from "./therapist-account.service.ts";

export function serveTherapists(
  app: FastifyInstance,
  accounts: TherapistAccountService,
  therapists: TherapistService,
  sessions: Sessions,
): void {
  serve(app, routes.invitePreview, async ({ params }) => accounts.invitePreview(params.token));
  serve(app, routes.signup, async ({ request, reply, body }) => {
    const made = await accounts.signup(body, request.ip);
    await sessions.end(reply, request);
    const { unlockKey } = await sessions.start(reply, request, made.user.id);
    return { ...made, unlockKey };
  });
  serve(app, routes.totp, async ({ request, body }) => {
    await accounts.secondFactor(requireActor(request), body.code);
  });

  serve(app, routes.links, async ({ request }) => therapists.links(requireScope(request)));
  serve(app, routes.propose, async ({ request, body }) =>
    therapists.propose(requireScope(request), body.email),
  );
  serve(app, routes.consent, async ({ request, params }) =>
    therapists.consent(requireScope(request), params.linkId),
  );
  serve(app, routes.grant, async ({ request, params, body }) => {
    await therapists.grant(requireScope(request), params.linkId, body);
  });
  serve(app, routes.unlink, async ({ request, params }) => {
    await therapists.unlink(requireScope(request), params.linkId);
  });
  serve(app, routes.rotateKeys, async ({ request, body }) => {
    await therapists.rotateKeys(requireScope(request), body);
  });
  serve(app, routes.share, async ({ request, body }) => {
    await therapists.share(requireScope(request), body);
  });
  serve(app, routes.audit, async ({ request }) => therapists.audit(requireScope(request)));

  serve(app, routes.invitations, async ({ request }) =>
    therapists.invitations(requireActor(request)),
  );
  serve(app, routes.accept, async ({ request, params }) => {
    await therapists.answer(requireActor(request), params.linkId, "accept");
    return { status: "active" as const };
  });
  serve(app, routes.decline, async ({ request, params }) => {
    await therapists.answer(requireActor(request), params.linkId, "decline");
  });
  serve(app, routes.caseload, async ({ request }) => therapists.caseload(requireActor(request)));
  serve(app, routes.couple, async ({ request, params }) =>
    therapists.couple(requireActor(request), params.id),
  );
  serve(app, routes.notes, async ({ request, params }) =>
    therapists.notes(requireActor(request), params.id),
  );
  serve(app, routes.addNote, async ({ request, params, body }) =>
    therapists.addNote(requireActor(request), params.id, body),
  );
}
