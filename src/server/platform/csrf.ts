import type { FastifyInstance } from "fastify";
import { errors } from "./errors.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/**
 * The public URL's origin; on this machine's own loopback (the default), each of its names, so
 * http://127.0.0.1:3000 works as well as http://localhost:3000. No page elsewhere can send one.
 */
export function allowedOrigins(publicUrl: string): Set<string> {
  const url = new URL(publicUrl);
  if (!LOOPBACK_HOSTS.includes(url.hostname)) return new Set([url.origin]);
  const port = url.port ? `:${url.port}` : "";
  return new Set(LOOPBACK_HOSTS.map((host) => `${url.protocol}//${host}${port}`));
}

/**
 * Refuses state changes that a browser made on behalf of another site. The one origin allowed is
 * MEND_PUBLIC_URL's: the Host header is the sender's to choose (a rebound DNS name arrives with a
 * Host and an Origin that agree), so it proves nothing. Requests without an Origin
 * (server-to-server, tests) pass here and still need the session cookie.
 */
export function installCsrfDefence(app: FastifyInstance, publicUrl: string): void {
  const allowed = allowedOrigins(publicUrl);
  app.addHook("onRequest", async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (request.headers["sec-fetch-site"] === "cross-site") throw errors.forbiddenOrigin();
    const origin = request.headers.origin;
    if (origin === undefined) return;
    if (!allowed.has(origin)) throw errors.forbiddenOrigin();
  });
}
