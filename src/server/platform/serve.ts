import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { LIVE_ROUTES } from "../../contracts/events.ts";
import type { Parsed, ReplyOf, Route } from "../../contracts/route.ts";
import { wordsIn } from "../../contracts/words.ts";
import { errors } from "./errors.ts";

export interface Call<R extends Route> {
  params: Parsed<R, "params">;
  query: Parsed<R, "query">;
  body: Parsed<R, "body">;
  request: FastifyRequest;
  reply: FastifyReply;
  /** Answer with another of the route's success statuses than its first. */
  answerWith(status: keyof R["replies"] & number): void;
  /** Answer 304 with no body: the caller holds this very answer already (its ETag matched). */
  notModified(): void;
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
  const sealed = route.body ? wordsIn(route.body).filter((w) => !w.path.includes("[]")) : [];
  const response = Object.fromEntries(
    Object.entries(route.replies).filter(([, schema]) => schema !== null),
  );
  app.route({
    method: route.method,
    url: route.path,
    // Read by the live channel once the answer is out (features/events/live-changes.ts).
    config: { live: LIVE_ROUTES.has(route), features: [...route.tags] },
    schema: {
      tags: [...route.tags],
      summary: route.summary,
      ...(route.params ? { params: route.params } : {}),
      ...(route.query ? { querystring: route.query } : {}),
      ...(route.body ? { body: route.body } : {}),
      ...(Object.keys(response).length > 0 ? { response } : {}),
    },
    handler: async (request, reply) => {
      const keyVersion = request.actor?.keyVersion;
      if (sealed.length > 0 && typeof keyVersion === "number") {
        refuseUnheldSpaceKeys(request.body, sealed, keyVersion);
      }
      let status = statuses[0] ?? 200;
      let unchanged = false;
      const body = await handler({
        params: request.params as Parsed<R, "params">,
        query: request.query as Parsed<R, "query">,
        body: request.body as Parsed<R, "body">,
        request,
        reply,
        answerWith: (code) => {
          status = code;
        },
        notModified: () => {
          unchanged = true;
        },
      });
      if (reply.sent) return reply;
      if (unchanged) return reply.status(304).send();
      reply.status(status);
      return body === undefined ? reply.send() : reply.send(body);
    },
  });
}

/**
 * Shared words sealed with a space-key version the couple does not hold could be opened by
 * nobody: refused, naming the field, like any other envelope that does not fit.
 */
function refuseUnheldSpaceKeys(
  body: unknown,
  sealed: ReadonlyArray<{ path: string }>,
  keyVersion: number,
): void {
  const fields: Record<string, string> = {};
  for (const { path } of sealed) {
    let value: unknown = body;
    for (const key of path.split(".")) {
      value =
        value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
    }
    const kid = typeof value === "string" ? value.split(".")[1] : undefined;
    const version = kid?.startsWith("s") ? Number(kid.slice(1)) : null;
    if (version !== null && !(version >= 1 && version <= keyVersion)) {
      fields[path] = `Sealed with space key ${kid}, which this couple does not hold.`;
    }
  }
  if (Object.keys(fields).length > 0) throw errors.invalid(fields);
}
