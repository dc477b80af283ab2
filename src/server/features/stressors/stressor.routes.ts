import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { IdParams } from "../../../contracts/common.ts";
import {
  AddStressorBody,
  StressorReply,
  StressorsReply,
  UpdateStressorBody,
} from "../../../contracts/stressors.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { StressorService } from "./stressor.service.ts";

export function stressorRoutes(app: FastifyInstance, stressors: StressorService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["stressors"];

  r.post(
    "/api/stressors",
    { schema: { tags, body: AddStressorBody, response: { 201: StressorReply } } },
    async (request, reply) => {
      const stressor = await stressors.add(requireScope(request), request.body);
      return reply.status(201).send({ stressor });
    },
  );

  r.get(
    "/api/stressors",
    { schema: { tags, response: { 200: StressorsReply } } },
    async (request) => ({
      stressors: await stressors.list(requireScope(request)),
    }),
  );

  r.post(
    "/api/stressors/:id",
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateStressorBody,
        response: { 200: StressorReply },
      },
    },
    async (request) => ({
      stressor: await stressors.setPlan(
        requireScope(request),
        request.params.id,
        request.body.plan,
      ),
    }),
  );

  r.delete("/api/stressors/:id", { schema: { tags, params: IdParams } }, async (request, reply) => {
    await stressors.remove(requireScope(request), request.params.id);
    return reply.status(204).send();
  });
}
