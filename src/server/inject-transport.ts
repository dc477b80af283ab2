import type { FastifyInstance, InjectOptions } from "fastify";
import type { Transport } from "../client/api.ts";
import { type CookieJar, cookieHeader, keepCookie } from "../client/cookie-jar.ts";

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
    const cookie = cookieHeader(jar);
    const response = await app.inject({
      method,
      url: path,
      remoteAddress,
      ...(body !== undefined ? { payload: body as InjectOptions["payload"] } : {}),
      headers: cookie ? { cookie } : {},
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
