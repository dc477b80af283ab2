import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  IntensityBody,
  IntensityEntryReply,
  IntensityQuery,
  IntensityReply,
} from "../../../contracts/intensity.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { IntensityService } from "./intensity.service.ts";

export function intensityRoutes(app: FastifyInstance, intensity: IntensityService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["intensity"];

  r.post(
    "/api/intensity",
    { schema: { tags, body: IntensityBody, response: { 201: IntensityEntryReply } } },
    async (request, reply) => {
      const entry = await intensity.record(requireScope(request), request.body);
      return reply.status(201).send({ entry });
    },
  );

  r.get(
    "/api/intensity",
    { schema: { tags, querystring: IntensityQuery, response: { 200: IntensityReply } } },
    async (request) => intensity.overview(requireScope(request), request.query.timeZone),
  );
}
