import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { IdParams } from "../../../contracts/common.ts";
import {
  ParkingItemReply,
  ParkingLotReply,
  PauseBody,
  PauseReply,
  ProposeTalkTimeBody,
  RaiseTopicBody,
  TalkLogBody,
  TalkLogReply,
  TalkLogsReply,
  TalkTimeReply,
  TalkTimesReply,
} from "../../../contracts/talks.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { ParkingLotService } from "./parking-lot.service.ts";
import type { PauseService } from "./pause.service.ts";
import type { TalkTimeService } from "./talk-time.service.ts";

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
      const item = await parkingLot.raise(requireScope(request), request.body.topic);
      return reply.status(201).send({ item });
    },
  );

  r.get(
    "/api/parking-lot",
    { schema: { tags, response: { 200: ParkingLotReply } } },
    async (request) => ({
      items: await parkingLot.list(requireScope(request)),
    }),
  );

  r.post(
    "/api/parking-lot/:id/discussed",
    { schema: { tags, params: IdParams, response: { 200: ParkingItemReply } } },
    async (request) => ({
      item: await parkingLot.discussed(requireScope(request), request.params.id),
    }),
  );

  r.post(
    "/api/parking-lot/:id/carry-over",
    { schema: { tags, params: IdParams, response: { 200: ParkingItemReply } } },
    async (request) => ({
      item: await parkingLot.carryOver(requireScope(request), request.params.id),
    }),
  );

  r.post(
    "/api/pauses",
    { schema: { tags, body: PauseBody, response: { 201: PauseReply } } },
    async (request, reply) => {
      const pause = await pauses.start(requireScope(request), request.body.minutes);
      return reply.status(201).send({ pause });
    },
  );

  r.post("/api/pauses/current/end", { schema: { tags } }, async (request, reply) => {
    await pauses.endEarly(requireScope(request));
    return reply.status(204).send();
  });
}

export function talkTimeRoutes(app: FastifyInstance, talkTimes: TalkTimeService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["talks"];
  const params = IdParams;
  const reply200 = { 200: TalkTimeReply };

  r.post(
    "/api/talk-times",
    { schema: { tags, body: ProposeTalkTimeBody, response: { 201: TalkTimeReply } } },
    async (request, reply) => {
      const talkTime = await talkTimes.propose(requireScope(request), request.body);
      return reply.status(201).send({ talkTime });
    },
  );

  r.get(
    "/api/talk-times",
    { schema: { tags, response: { 200: TalkTimesReply } } },
    async (request) => talkTimes.list(requireScope(request)),
  );

  for (const action of ["accept", "decline", "withdraw", "end"] as const) {
    r.post(
      `/api/talk-times/:id/${action}`,
      { schema: { tags, params, response: reply200 } },
      async (request) => ({
        talkTime: await talkTimes[action](requireScope(request), request.params.id),
      }),
    );
  }

  r.post(
    "/api/talk-times/:id/counter",
    { schema: { tags, params, body: ProposeTalkTimeBody, response: reply200 } },
    async (request) => ({
      talkTime: await talkTimes.counter(requireScope(request), request.params.id, request.body),
    }),
  );

  r.post(
    "/api/talk-times/:id/logs",
    { schema: { tags, params, body: TalkLogBody, response: { 201: TalkLogReply } } },
    async (request, reply) => {
      const log = await talkTimes.log(requireScope(request), request.params.id, request.body);
      return reply.status(201).send({ log });
    },
  );

  r.get(
    "/api/talk-logs",
    { schema: { tags, response: { 200: TalkLogsReply } } },
    async (request) => ({
      logs: await talkTimes.logs(requireScope(request)),
    }),
  );
}
