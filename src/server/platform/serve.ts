import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Parsed, ReplyOf, Route } from "../../contracts/route.ts";

export interface Call<R extends Route> {
  params: Parsed<R, "params">;
  query: Parsed<R, "query">;
  body: Parsed<R, "body">;
  request: FastifyRequest;
  reply: FastifyReply;
  /** Answer with another of the route's success statuses than its first. */
  answerWith(status: keyof R["replies"] & number): void;
}

/**
 * Registers the handler of a route declared in contracts: its path, validation and OpenAPI
 * entry come from the declaration, so server, client and documentation cannot drift apart.
 * The handler returns the body of the answer (nothing for 204).
 */
export function serve<R extends Route>(
  app: FastifyInstance,
  route: R,
  handler: (call: Call<R>) => Promise<ReplyOf<R>>,
): void {
  const statuses = Object.keys(route.replies)
    .map(Number)
    .sort((a, b) => a - b);
  const response = Object.fromEntries(
    Object.entries(route.replies).filter(([, schema]) => schema !== null),
  );
  app.route({
    method: route.method,
    url: route.path,
    schema: {
      tags: [...route.tags],
      summary: route.summary,
      ...(route.params ? { params: route.params } : {}),
      ...(route.query ? { querystring: route.query } : {}),
      ...(route.body ? { body: route.body } : {}),
      ...(Object.keys(response).length > 0 ? { response } : {}),
    },
    handler: async (request, reply) => {
      let status = statuses[0] ?? 200;
      const body = await handler({
        params: request.params as Parsed<R, "params">,
        query: request.query as Parsed<R, "query">,
        body: request.body as Parsed<R, "body">,
        request,
        reply,
        answerWith: (code) => {
          status = code;
        },
      });
      if (reply.sent) return reply;
      reply.status(status);
      return body === undefined ? reply.send() : reply.send(body);
    },
  });
}
