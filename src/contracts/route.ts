import type { z } from "zod";
import type { ErrorCode } from "./errors.ts";

export type Method = "GET" | "POST" | "PUT" | "DELETE";

/**
 * One API call, declared once: the server registers its handler from it, the client calls it,
 * the OpenAPI document and the access matrix read it. `replies` maps each success status to
 * its body (null for 204 No Content); the lowest status is the usual answer, and a handler may
 * choose another of them (a phase move that waits for the partner answers 202, not 200).
 */
export interface Route {
  readonly method: Method;
  /** Fastify-style path; `:name` segments are filled from `params`. */
  readonly path: `/api/${string}`;
  readonly tags: readonly string[];
  readonly summary: string;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly replies: Readonly<Partial<Record<200 | 201 | 202 | 204, z.ZodType | null>>>;
  /** The error codes this call can answer with, beyond those any call can. */
  readonly errors: readonly ErrorCode[];
  /**
   * The answer carries an ETag, and a caller that sends it back as If-None-Match while nothing
   * changed gets 304 Not Modified with no body.
   */
  readonly etag?: true;
  /**
   * A list paged by cursor: the query's `before` takes the `earlier` of an answer, and gives the
   * page that comes before it.
   */
  readonly paged?: true;
}

export function route<const R extends Route>(definition: R): R {
  return definition;
}

type Schema<R, K extends "params" | "query" | "body"> = R extends { [P in K]: z.ZodType }
  ? R[K]
  : undefined;

/** What a caller sends: path parameters, query and body, each only where the route has one. */
export type CallInput<R extends Route> = (Schema<R, "params"> extends z.ZodType
  ? { params: z.input<Schema<R, "params">> }
  : { params?: undefined }) &
  (Schema<R, "query"> extends z.ZodType
    ? { query?: z.input<Schema<R, "query">> }
    : { query?: undefined }) &
  (Schema<R, "body"> extends z.ZodType
    ? { body: z.input<Schema<R, "body">> }
    : { body?: undefined });

/** What the handler receives, after validation. */
export type Parsed<R extends Route, K extends "params" | "query" | "body"> =
  Schema<R, K> extends z.ZodType ? z.output<Schema<R, K>> : undefined;

/** The body of any success answer of the route (nothing for 204). */
export type ReplyOf<R extends Route> = BodyOfReply<R["replies"][keyof R["replies"]]>;
// biome-ignore lint/suspicious/noConfusingVoidType: a 204 handler is an async function that returns nothing
type BodyOfReply<S> = S extends null ? void : S extends z.ZodType ? z.output<S> : never;

/** The path with its parameters filled in, each encoded. */
export function pathOf(route: Route, params?: Record<string, string>): string {
  return route.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`${route.path} needs the parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/**
 * A stable cache key for a read: the route's feature (its first tag), path, parameters and
 * query. Everything a feature has read starts with `[feature]`, so one change can refresh it all.
 */
export function keyOf(route: Route, input: { params?: unknown; query?: unknown } = {}) {
  return [route.tags[0] ?? "", route.path, input.params ?? null, input.query ?? null] as const;
}
