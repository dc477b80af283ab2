import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  AcceptInviteBody,
  AcceptInviteReply,
  CoupleView,
  CreateCoupleBody,
  CreateCoupleReply,
  InvitePreview,
  InviteToken,
  NewInviteReply,
  PhaseChangeBody,
  PhaseChangedReply,
  PhaseProposedReply,
  SafeEnoughBody,
} from "../../../contracts/couples.ts";
import { IndividualModeBody } from "../../../contracts/safety.ts";
import { TherapyBody, TherapyReply } from "../../../contracts/therapy.ts";
import { requireActor, requireScope } from "../../platform/sessions.ts";
import type { CoupleService } from "./couple.service.ts";

export function coupleRoutes(app: FastifyInstance, couples: CoupleService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["couples"];

  r.post(
    "/api/couples",
    { schema: { tags, body: CreateCoupleBody, response: { 201: CreateCoupleReply } } },
    async (request, reply) => {
      const created = await couples.create(requireActor(request), request.body.stance);
      return reply.status(201).send(created);
    },
  );

  r.post(
    "/api/couple/invite",
    { schema: { tags, response: { 201: NewInviteReply } } },
    async (request, reply) => {
      const invite = await couples.newInvite(requireScope(request));
      return reply.status(201).send({ invite });
    },
  );

  r.get(
    "/api/invites/:token",
    { schema: { tags, params: InviteToken, response: { 200: InvitePreview } } },
    async (request) => couples.previewInvite(request.params.token),
  );

  r.post(
    "/api/invites/:token/accept",
    {
      schema: {
        tags,
        params: InviteToken,
        body: AcceptInviteBody,
        response: { 200: AcceptInviteReply },
      },
    },
    async (request) =>
      couples.acceptInvite(
        requireActor(request),
        request.params.token,
        request.body.stance,
        request.ip,
      ),
  );

  r.get("/api/couple", { schema: { tags, response: { 200: CoupleView } } }, async (request) =>
    couples.view(requireScope(request)),
  );

  r.post(
    "/api/couple/safe-enough",
    { schema: { tags, body: SafeEnoughBody } },
    async (request, reply) => {
      await couples.setSafeEnough(requireScope(request), request.body.safeEnough);
      return reply.status(204).send();
    },
  );

  r.post(
    "/api/couple/individual-mode",
    { schema: { tags, body: IndividualModeBody } },
    async (request, reply) => {
      await couples.setIndividualMode(requireScope(request), request.body.on);
      return reply.status(204).send();
    },
  );

  r.post(
    "/api/couple/therapy",
    { schema: { tags, body: TherapyBody, response: { 200: TherapyReply } } },
    async (request) => ({
      status: await couples.setTherapy(requireScope(request), request.body.status),
    }),
  );

  r.post(
    "/api/couple/phase",
    {
      schema: {
        tags,
        body: PhaseChangeBody,
        response: { 200: PhaseChangedReply, 202: PhaseProposedReply },
      },
    },
    async (request, reply) => {
      const result = await couples.changePhase(requireScope(request), request.body);
      if (result.kind === "proposed") return reply.status(202).send({ pending: result.pending });
      return reply.status(200).send({ phase: result.phase });
    },
  );

  r.delete("/api/couple/phase/pending", { schema: { tags } }, async (request, reply) => {
    await couples.cancelPendingPhase(requireScope(request));
    return reply.status(204).send();
  });
}
