import type { z } from "zod";
import { ErrorBody } from "../contracts/common.ts";
import {
  type CallInput,
  type Method,
  pathOf,
  type ReplyOf,
  type Route,
} from "../contracts/route.ts";
import { wordsIn } from "../contracts/words.ts";
import { ApiError } from "./api-error.ts";
import { type CookieJar, cookieHeader, keepCookie } from "./cookie-jar.ts";
import { type Keyring, NoSpaceError, NotGrantedError, PlainWordsError } from "./sealing.ts";

export { ApiError, type ClientErrorCode, isApiError } from "./api-error.ts";

/**
 * The one client of the Mend API, for the browser, the tests, the demo seed and the benchmark
 * alike: it knows routes only through their contract declarations, and how bytes travel only
 * through a transport (fetch in a browser or over the network, app.inject in-process). A
 * person's words are sealed here before they leave and opened here when they come back, by the
 * keyring of whoever is signed in, so no caller ever handles an envelope.
 */
export interface WireRequest {
  method: Method;
  path: string;
  body?: unknown;
  signal?: AbortSignal;
}

/** The answer as it came: its status and its JSON body (null when there was none). */
export interface WireResponse {
  status: number;
  body: unknown;
}

export type Transport = (request: WireRequest) => Promise<WireResponse>;

const FALLBACK_MESSAGES: Record<number, string> = {
  0: "We couldn't reach Mend. Check your connection and try again.",
  401: "Please sign in to continue.",
  404: "We couldn't find that. It may have moved, or it isn't available to you.",
  409: "That can't be done right now. The page may be out of date; please reload it.",
  429: "That was a lot of tries in a short time. Please wait a few minutes and try again.",
};

function fallbackMessage(status: number): string {
  return (
    FALLBACK_MESSAGES[status] ??
    (status >= 500
      ? "Something went wrong on our side. Please try again in a moment."
      : "Something didn't work. Please try again.")
  );
}

export interface CallOptions {
  signal?: AbortSignal;
  /** A 401 is an answer here (wrong password, signed-out probe), not a lost session. */
  expectUnauthorized?: boolean;
  /**
   * For a reply that carries the grants its words open with (a therapist's view of one couple):
   * the keyring to open it with, made from the reply itself.
   */
  keyringFor?: (reply: unknown) => Keyring;
}

export interface ApiOptions {
  /** What a lost session means to this caller (the web app clears state, goes to sign-in). */
  onUnauthorized?: () => void;
  /** The signed-in person's keys, when there are any: what seals and opens their words. */
  keyring?: () => Keyring | null;
}

const carriesWords = new WeakMap<z.ZodType, boolean>();
function hasWords(schema: z.ZodType | null | undefined): schema is z.ZodType {
  if (!schema) return false;
  let known = carriesWords.get(schema);
  if (known === undefined) {
    known = wordsIn(schema).length > 0;
    carriesWords.set(schema, known);
  }
  return known;
}

const LOCKED = "Your private space is locked on this device. Please sign in again.";

/** The arguments of a call: the input may be left out where the route needs none. */
export type CallArgs<R extends Route> =
  Record<string, never> extends CallInput<R>
    ? [input?: CallInput<R>, options?: CallOptions]
    : [input: CallInput<R>, options?: CallOptions];

function toApiError(response: WireResponse): ApiError {
  const { status } = response;
  const parsed = ErrorBody.safeParse(response.body);
  if (!parsed.success) return new ApiError(status, "unknown", fallbackMessage(status));
  const { code, message, fields } = parsed.data.error;
  // A 5xx never says more than that something went wrong.
  if (status >= 500) return new ApiError(status, code, fallbackMessage(status));
  return new ApiError(status, code, message || fallbackMessage(status), fields);
}

export function createApi(transport: Transport, options: ApiOptions = {}) {
  return {
    async call<R extends Route>(
      route: R,
      ...[input, callOptions]: CallArgs<R>
    ): Promise<ReplyOf<R>> {
      const {
        params,
        query,
        body: given,
      } = (input ?? {}) as {
        params?: Record<string, string>;
        query?: Record<string, string | undefined>;
        body?: unknown;
      };
      const search = new URLSearchParams(
        Object.entries(query ?? {}).filter(
          (entry): entry is [string, string] => entry[1] !== undefined,
        ),
      ).toString();
      const keyring = options.keyring?.() ?? null;
      let body = given;
      if (given !== undefined && hasWords(route.body)) {
        if (!keyring) throw new ApiError(401, "locked", LOCKED);
        try {
          body = await keyring.sealBody(route.body, given, params);
        } catch (error) {
          if (error instanceof PlainWordsError) {
            throw new ApiError(400, "invalid_input", error.message, error.fields);
          }
          if (error instanceof NoSpaceError) throw new ApiError(404, "not_found", error.message);
          if (error instanceof NotGrantedError) {
            throw new ApiError(409, "not_granted", error.message);
          }
          throw new ApiError(0, "locked", LOCKED);
        }
      }
      let response: WireResponse;
      try {
        response = await transport({
          method: route.method,
          path: `${pathOf(route, params)}${search ? `?${search}` : ""}`,
          ...(body !== undefined ? { body } : {}),
          ...(callOptions?.signal ? { signal: callOptions.signal } : {}),
        });
      } catch (cause) {
        if (cause instanceof Error && cause.name === "AbortError") throw cause;
        throw new ApiError(0, "network", fallbackMessage(0));
      }
      const schema = route.replies[response.status as keyof Route["replies"]];
      if (schema === undefined) {
        const error = toApiError(response);
        if (error.status === 401 && !callOptions?.expectUnauthorized) options.onUnauthorized?.();
        throw error;
      }
      if (schema === null) return undefined as ReplyOf<R>;
      const parsed = schema.safeParse(response.body);
      if (!parsed.success) {
        throw new ApiError(response.status, "bad_response", fallbackMessage(500));
      }
      if (!hasWords(schema)) return parsed.data as ReplyOf<R>;
      const opener = callOptions?.keyringFor?.(parsed.data) ?? keyring;
      if (!opener) throw new ApiError(401, "locked", LOCKED);
      return (await opener.openReply(schema, parsed.data, params)) as ReplyOf<R>;
    },
  };
}
export type Api = ReturnType<typeof createApi>;

const KEEPALIVE_MAX = 60_000;

/**
 * Over fetch: same-origin in a browser (the session cookie travels by itself), or against a
 * base URL from Node, where a `jar` holds the session cookie the way a browser would.
 */
export function fetchTransport(baseUrl = "", jar?: CookieJar): Transport {
  return async ({ method, path, body, signal }) => {
    const headers: Record<string, string> = { accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    const cookie = jar ? cookieHeader(jar) : undefined;
    if (cookie) headers.cookie = cookie;
    const json = body !== undefined ? JSON.stringify(body) : undefined;
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      credentials: "same-origin",
      cache: "no-store",
      // A draft saved as its tab closes still arrives (browsers keep up to 64 KiB alive).
      ...(json !== undefined ? { body: json, keepalive: json.length < KEEPALIVE_MAX } : {}),
      ...(signal ? { signal } : {}),
    });
    if (jar) keepCookie(jar, response.headers.getSetCookie());
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed };
  };
}
