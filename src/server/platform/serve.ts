import { STATUS_CODES } from "node:http";
import type { SwaggerTransform } from "@fastify/swagger";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { z } from "zod";
import { API } from "../../contracts/api.ts";
import { ErrorBody } from "../../contracts/common.ts";
import { ERROR_STATUS, type ErrorCode } from "../../contracts/errors.ts";
import { LIVE_ROUTES } from "../../contracts/live-routes.ts";
import type { Parsed, ReplyOf, Route } from "../../contracts/route.ts";
import { wordsIn } from "../../contracts/words.ts";
import { PAGE_SIZE } from "../../domain/pages.ts";
import { errors } from "./errors.ts";
import { sessionCookieName } from "./sessions.ts";

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
    ...(route.paged ? { links: { [String(statuses[0])]: pageLinks(route) } } : {}),
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

// The API description: what the declarations say beyond validation, for @fastify/swagger.

/** The names the description gives the session cookie's scheme and the one error shape. */
const SESSION_SCHEME = "session";
const ERROR_SCHEMA = "Error";

/** What the description declares once and every call refers to. */
export function openApiComponents(secureCookies: boolean) {
  return {
    securitySchemes: {
      [SESSION_SCHEME]: {
        type: "apiKey" as const,
        in: "cookie",
        name: sessionCookieName(secureCookies),
        description: "The session cookie that signing up or in sets (HttpOnly, SameSite=Lax).",
      },
    },
    schemas: {
      [ERROR_SCHEMA]: z.toJSONSchema(ErrorBody, { target: "openapi-3.0" }) as object,
    },
  };
}

/** Each call's operationId: its feature and its key in API, as the client names it. */
const OPERATION_IDS = new Map<Route, string>(
  Object.entries(API).flatMap(([feature, calls]) =>
    Object.entries(calls as Record<string, Route>).map(
      ([key, call]) => [call, `${feature}${key.charAt(0).toUpperCase()}${key.slice(1)}`] as const,
    ),
  ),
);

/** Every declared call by its method and path, the two Fastify registers it under. */
const DECLARED = new Map(
  [...OPERATION_IDS.keys()].map((call) => [`${call.method} ${call.path}`, call]),
);

/**
 * The calls a signed-out caller may make: the instance's settings and crisis resources, signing
 * up, in, out and back in with a recovery code or a reset link (asked for by e-mail), and
 * previewing an invite, stopping one kind of reminder from its e-mail and confirming a new
 * address with its mailed link. Every other call needs
 * the session cookie and answers 401 without it.
 */
const OPEN_CALLS: ReadonlySet<Route> = new Set<Route>([
  API.account.config,
  API.account.prelogin,
  API.account.signup,
  API.account.login,
  API.account.recoveryKeys,
  API.account.recover,
  API.account.reset,
  API.account.forgot,
  API.account.signupVerify,
  API.account.signupLink,
  API.account.logout,
  API.safety.resources,
  API.couples.previewInvite,
  API.therapists.invitePreview,
  API.therapists.signup,
  API.reminders.stop,
  API.account.confirmEmail,
]);

const sendsBody = (route: Route) => route.method !== "GET";

/**
 * The codes any call may answer with, beyond its own `errors`, each where it can arise: only a
 * change can come from another site or bring a malformed or oversized body, only a body can
 * carry an id that is taken, and only a call that needs a session can find it missing.
 */
const ANY_CALL: ReadonlyArray<readonly [ErrorCode, (route: Route) => boolean]> = [
  ["invalid_input", () => true],
  ["bad_request", () => true],
  ["invalid_json", sendsBody],
  ["unauthenticated", (route) => !OPEN_CALLS.has(route)],
  ["forbidden_origin", sendsBody],
  ["not_found", () => true],
  ["id_taken", (route) => route.body !== undefined],
  ["too_large", sendsBody],
  ["unsupported_media_type", sendsBody],
  ["rate_limited", () => true],
  ["internal", () => true],
  ["busy", () => true],
];

/** One answer per error status, naming the codes it can carry, all in the one error shape. */
function errorAnswersOf(route: Route): Record<string, object> {
  const anyCall = ANY_CALL.filter(([, applies]) => applies(route)).map(([code]) => code);
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set([...anyCall, ...route.errors])) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, codes]) => [
        String(status),
        {
          description: `${STATUS_CODES[status]}: ${codes.join(", ")}`,
          content: {
            "application/json": { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } },
          },
        },
      ]),
  );
}

/** A paged call's answer points at the page before it: the same call, `before` its `earlier`. */
function pageLinks(route: Route) {
  const query = route.query instanceof z.ZodObject ? route.query.shape : {};
  const reply = Object.values(route.replies)[0];
  const answer = reply instanceof z.ZodObject ? reply.shape : {};
  if (!("before" in query && "earlier" in answer)) {
    throw new Error(
      `${route.method} ${route.path} is paged: it takes \`before\` and answers \`earlier\`.`,
    );
  }
  return {
    earlier: {
      operationId: OPERATION_IDS.get(route),
      parameters: { before: "$response.body#/earlier" },
      description: "The page before this one, while `earlier` is not null.",
    },
  };
}

const PAGING =
  `Paged by cursor: an answer holds at most ${PAGE_SIZE} settled items and \`earlier\`, the ` +
  "cursor of the items before them (null once there are none). Send it back as `before` for " +
  "the page before.";

interface Transformed {
  response?: Record<string, object>;
}

/**
 * Zod's entry for each route, with what the route's declaration says beyond validation: its
 * operationId, whether it needs the session, every error answer, the bodiless answers (204, a
 * stream), the ETag and its 304, the paging. Routes declared nowhere keep Zod's entry.
 */
export const openApiTransform: SwaggerTransform = (document) => {
  const { schema, url } = jsonSchemaTransform(document);
  const method = document.route.method;
  const route = typeof method === "string" ? DECLARED.get(`${method} ${url}`) : undefined;
  if (!route) return { schema, url };
  const transformed = schema as typeof schema & Transformed;
  const statuses = Object.keys(route.replies).sort();
  const response: Record<string, object> = {};
  for (const status of statuses) {
    const body = transformed.response?.[status];
    // A reply's own description names it; otherwise its status does ("Created", "Accepted").
    response[status] = !body
      ? { type: "null", description: STATUS_CODES[status] }
      : "description" in body
        ? body
        : { "x-response-description": STATUS_CODES[status], ...body };
  }
  const usual = statuses[0] ?? "200";
  if (route.etag) {
    response[usual] = {
      ...response[usual],
      headers: {
        ETag: { type: "string", description: "The version of this answer, for If-None-Match." },
      },
    };
    response["304"] = {
      type: "null",
      description: "Not Modified: the If-None-Match sent names this very answer; no body.",
    };
  }
  return {
    url,
    schema: {
      ...transformed,
      operationId: OPERATION_IDS.get(route),
      security: OPEN_CALLS.has(route) ? [] : [{ [SESSION_SCHEME]: [] }],
      ...(route.paged ? { description: PAGING } : {}),
      ...(route.etag
        ? {
            headers: {
              type: "object",
              properties: {
                "if-none-match": {
                  type: "string",
                  description: "The ETag of the answer the caller holds already.",
                },
              },
            },
          }
        : {}),
      response: { ...response, ...errorAnswersOf(route) },
    },
  };
};
