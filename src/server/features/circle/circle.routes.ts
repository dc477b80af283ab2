import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  AddCirclePersonBody,
  CirclePersonReply,
  CircleReply,
  RaiseConcernBody,
} from "../../../contracts/circle.ts";
import { IdParams } from "../../../contracts/common.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { CircleService } from "./circle.service.ts";

export function circleRoutes(app: FastifyInstance, circle: CircleService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["circle"];
  const params = IdParams;

  r.post(
    "/api/circle",
    { schema: { tags, body: AddCirclePersonBody, response: { 201: CirclePersonReply } } },
    async (request, reply) => {
      const person = await circle.add(requireScope(request), request.body);
      return reply.status(201).send({ person });
    },
  );

  r.get("/api/circle", { schema: { tags, response: { 200: CircleReply } } }, async (request) => ({
    people: await circle.list(requireScope(request)),
  }));

  r.post(
    "/api/circle/:id/agree",
    { schema: { tags, params, response: { 200: CirclePersonReply } } },
    async (request) => ({ person: await circle.agree(requireScope(request), request.params.id) }),
  );

  r.post(
    "/api/circle/:id/concern",
    { schema: { tags, params, body: RaiseConcernBody, response: { 200: CirclePersonReply } } },
    async (request) => ({
      person: await circle.raiseConcern(
        requireScope(request),
        request.params.id,
        request.body.concern,
      ),
    }),
  );

  r.delete("/api/circle/:id", { schema: { tags, params } }, async (request, reply) => {
    await circle.remove(requireScope(request), request.params.id);
    return reply.status(204).send();
  });
}
