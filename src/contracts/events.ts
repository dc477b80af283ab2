import { route } from "./route.ts";

export const eventRoutes = {
  /**
   * A server-sent event stream (`text/event-stream`, not JSON): an `event: couple` with the
   * running pause whenever it changes, and an `event: changed` naming the features (`{features:
   * ["agreements", …]}`) whenever a shared change happened. It ends when the session does.
   */
  stream: route({
    method: "GET",
    path: "/api/events",
    tags: ["events"],
    summary: "Live changes for an open screen, as server-sent events",
    replies: { 200: null },
    errors: [],
  }),
};
