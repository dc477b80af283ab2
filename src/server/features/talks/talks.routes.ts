import type { FastifyInstance } from "fastify";
import { talkRoutes as routes } from "../../../contracts/talks.ts";
import type { KeptViews } from "../../platform/kept-views.ts";
import { serve } from "../../platform/serve.ts";
import { requireScope } from "../../platform/sessions.ts";
import type { ParkingLotService } from "./parking-lot.service.ts";
import type { PauseService } from "./pause.service.ts";
import type { TalkTimeService } from "./talk-time.service.ts";

export function serveTalks(
  app: FastifyInstance,
  services: {
    talkTimes: TalkTimeService;
    parkingLot: ParkingLotService;
    pauses: PauseService;
    views: KeptViews;
  },
): void {
  const { talkTimes, parkingLot, pauses, views } = services;

  serve(app, routes.proposeTalkTime, async ({ request, body }) => ({
    talkTime: await talkTimes.propose(requireScope(request), body),
  }));
  // Polled by open screens: answered again while nothing changed (platform/kept-views.ts).
  serve(app, routes.talkTimes, async ({ request }) => {
    const scope = requireScope(request);
    const list = () => talkTimes.list(scope);
    return (await views.read(scope, "talk-times", list)) ?? list();
  });
  const steps = {
    acceptTalkTime: talkTimes.accept,
    declineTalkTime: talkTimes.decline,
    withdrawTalkTime: talkTimes.withdraw,
    endTalkTime: talkTimes.end,
  } as const;
  for (const [name, step] of Object.entries(steps) as [
    keyof typeof steps,
    typeof talkTimes.end,
  ][]) {
    serve(app, routes[name], async ({ request, params }) => ({
      talkTime: await step(requireScope(request), params.id),
    }));
  }
  serve(app, routes.counterTalkTime, async ({ request, params, body }) => ({
    talkTime: await talkTimes.counter(requireScope(request), params.id, body),
  }));
  serve(app, routes.logTalk, async ({ request, params, body }) => ({
    log: await talkTimes.log(requireScope(request), params.id, body),
  }));
  serve(app, routes.talkLogs, async ({ request, query }) =>
    talkTimes.logs(requireScope(request), query.before),
  );

  serve(app, routes.raiseTopic, async ({ request, body }) => ({
    item: await parkingLot.raise(requireScope(request), body),
  }));
  serve(app, routes.parkingLot, async ({ request, query }) => {
    const scope = requireScope(request);
    const list = () => parkingLot.list(scope, query.before);
    // The first page is what open screens ask for again; an earlier page is read when asked.
    if (query.before !== undefined) return list();
    return (await views.read(scope, "parking-lot", list)) ?? list();
  });
  serve(app, routes.agenda, async ({ request, params, body }) => ({
    item: await parkingLot.setAgenda(requireScope(request), params.id, body.on),
  }));
  serve(app, routes.editTopic, async ({ request, params, body }) => ({
    item: await parkingLot.rewrite(requireScope(request), params.id, body.topic),
  }));
  serve(app, routes.withdrawTopic, async ({ request, params }) => {
    await parkingLot.withdraw(requireScope(request), params.id);
  });
  serve(app, routes.discussed, async ({ request, params }) => ({
    item: await parkingLot.discussed(requireScope(request), params.id),
  }));
  serve(app, routes.carryOver, async ({ request, params }) => ({
    item: await parkingLot.carryOver(requireScope(request), params.id),
  }));

  serve(app, routes.startPause, async ({ request, body }) => ({
    pause: await pauses.start(requireScope(request), body.minutes),
  }));
  serve(app, routes.endPause, async ({ request }) => {
    await pauses.endEarly(requireScope(request));
  });
}
