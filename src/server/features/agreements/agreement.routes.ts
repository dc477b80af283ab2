import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  AgreementDetailReply,
  AgreementIdParams,
  AgreementReply,
  AgreementsReply,
  CounterAgreementBody,
  ProposeAgreementBody,
  ReviewAgreementBody,
} from "../../../contracts/agreements.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { AgreementService } from "./agreement.service.ts";

export function agreementRoutes(app: FastifyInstance, agreements: AgreementService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["agreements"];
  const params = AgreementIdParams;
  const reply200 = { 200: AgreementReply };

  r.post(
    "/api/agreements",
    { schema: { tags, body: ProposeAgreementBody, response: { 201: AgreementReply } } },
    async (request, reply) => {
      const agreement = await agreements.propose(requireScope(request), request.body);
      return reply.status(201).send({ agreement });
    },
  );

  r.get(
    "/api/agreements",
    { schema: { tags, response: { 200: AgreementsReply } } },
    async (request) => ({
      agreements: await agreements.list(requireScope(request)),
    }),
  );

  r.get(
    "/api/agreements/:id",
    { schema: { tags, params, response: { 200: AgreementDetailReply } } },
    async (request) => agreements.get(requireScope(request), request.params.id),
  );

  for (const action of ["accept", "decline", "withdraw"] as const) {
    r.post(
      `/api/agreements/:id/${action}`,
      { schema: { tags, params, response: reply200 } },
      async (request) => ({
        agreement: await agreements[action](requireScope(request), request.params.id),
      }),
    );
  }

  r.post(
    "/api/agreements/:id/counter",
    { schema: { tags, params, body: CounterAgreementBody, response: reply200 } },
    async (request) => ({
      agreement: await agreements.counter(requireScope(request), request.params.id, request.body),
    }),
  );

  r.post(
    "/api/agreements/:id/review",
    { schema: { tags, params, body: ReviewAgreementBody, response: reply200 } },
    async (request) => ({
      agreement: await agreements.review(requireScope(request), request.params.id, request.body),
    }),
  );
}
