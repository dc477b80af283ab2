import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  SafetyCheckBody,
  SafetyCheckReply,
  SafetyChecksReply,
  SafetyQuestionsReply,
  SafetyResourcesReply,
} from "../../../contracts/safety.ts";
import { requireActor } from "../../platform/sessions.ts";
import type { SafetyService } from "./safety.service.ts";

export function safetyRoutes(app: FastifyInstance, safety: SafetyService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["safety"];

  r.get(
    "/api/safety-checks/questions",
    { schema: { tags, response: { 200: SafetyQuestionsReply } } },
    async (request) => {
      requireActor(request);
      return { questions: safety.questions() };
    },
  );

  r.get(
    "/api/safety/resources",
    { schema: { tags, response: { 200: SafetyResourcesReply } } },
    async () => ({
      resources: safety.resources(),
    }),
  );

  r.post(
    "/api/safety-checks",
    { schema: { tags, body: SafetyCheckBody, response: { 201: SafetyCheckReply } } },
    async (request, reply) => {
      const result = await safety.take(requireActor(request), request.body.answers);
      return reply.status(201).send(result);
    },
  );

  r.get(
    "/api/safety-checks",
    { schema: { tags, response: { 200: SafetyChecksReply } } },
    async (request) => ({
      checks: await safety.list(requireActor(request)),
    }),
  );
}
