import type { FastifyInstance } from "fastify";
import { errors } from "./errors.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state changes that a browser made on behalf of another site. Requests without an
 * Origin (server-to-server, tests) pass here and still need the session cookie.
 */
export function installCsrfDefence(app: FastifyInstance, publicUrl: string): void {
  const publicOrigin = new URL(publicUrl).origin;
  app.addHook("onRequest", async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (request.headers["sec-fetch-site"] === "cross-site") throw errors.forbiddenOrigin();
    const origin = request.headers.origin;
    if (origin === undefined) return;
    const ownOrigin = `${request.protocol}://${request.headers.host ?? ""}`;
    if (origin !== publicOrigin && origin !== ownOrigin) throw errors.forbiddenOrigin();
  });
}
