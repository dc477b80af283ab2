import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  IdParams,
  ParkingItemReply,
  ParkingLotReply,
  PauseBody,
  PauseReply,
  RaiseTopicBody,
} from "../../../contracts/stabilize.ts";
import { requireActor } from "../../platform/sessions.ts";
import type { ParkingLotService } from "./parking-lot.service.ts";
import type { PauseService } from "./pause.service.ts";

export function talksRoutes(
  app: FastifyInstance,
  services: { parkingLot: ParkingLotService; pauses: PauseService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["talks"];
  const { parkingLot, pauses } = services;

  r.post(
    "/api/parking-lot",
    { schema: { tags, body: RaiseTopicBody, response: { 201: ParkingItemReply } } },
    async (request, reply) => {
      const item = await parkingLot.raise(requireActor(request), request.body.topic);
      return reply.status(201).send({ item });
    },
  );

  r.get(
    "/api/parking-lot",
    { schema: { tags, response: { 200: ParkingLotReply } } },
    async (request) => ({
      items: await parkingLot.list(requireActor(request)),
    }),
  );

  r.post(
    "/api/parking-lot/:id/discussed",
    { schema: { tags, params: IdParams, response: { 200: ParkingItemReply } } },
    async (request) => ({
      item: await parkingLot.discussed(requireActor(request), request.params.id),
    }),
  );

  r.post(
    "/api/parking-lot/:id/carry-over",
    { schema: { tags, params: IdParams, response: { 200: ParkingItemReply } } },
    async (request) => ({
      item: await parkingLot.carryOver(requireActor(request), request.params.id),
    }),
  );

  r.post(
    "/api/pauses",
    { schema: { tags, body: PauseBody, response: { 201: PauseReply } } },
    async (request, reply) => {
      const pause = await pauses.start(requireActor(request), request.body.minutes);
      return reply.status(201).send({ pause });
    },
  );

  r.post("/api/pauses/current/end", { schema: { tags } }, async (request, reply) => {
    await pauses.endEarly(requireActor(request));
    return reply.status(204).send();
  });
}
