import type { FastifyInstance, InjectOptions } from "fastify";
import type { Transport } from "../client/api.ts";

/** A session cookie, kept between calls the way a browser keeps it. */
export interface CookieJar {
  cookie: string | null;
}

/** Reads the session cookie a reply sets or clears. */
export function keepCookie(jar: CookieJar, setCookie: string | string[] | number | undefined) {
  for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [String(setCookie)] : []) {
    const [pair] = line.split(";");
    if (!pair) continue;
    const value = pair.slice(pair.indexOf("=") + 1);
    jar.cookie = value === "" || /Max-Age=0|Expires=Thu, 01 Jan 1970/.test(line) ? null : pair;
  }
}

/**
 * The client's transport in-process: every call goes through the real app (routing, validation,
 * sessions, access) by app.inject, without a socket. For the tests and the demo seed.
 */
export function injectTransport(
  app: FastifyInstance,
  jar: CookieJar = { cookie: null },
  remoteAddress = "127.0.0.1",
): Transport {
  return async ({ method, path, body }) => {
    const response = await app.inject({
      method,
      url: path,
      remoteAddress,
      ...(body !== undefined ? { payload: body as InjectOptions["payload"] } : {}),
      headers: jar.cookie ? { cookie: jar.cookie } : {},
    });
    keepCookie(jar, response.headers["set-cookie"]);
    let parsed: unknown = null;
    try {
      parsed = response.body ? JSON.parse(response.body) : null;
    } catch {
      parsed = response.body;
    }
    return { status: response.statusCode, body: parsed };
  };
}
