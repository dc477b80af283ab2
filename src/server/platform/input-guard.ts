import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { errors } from "./errors.ts";

/**
 * One rule for text on both engines: no control characters but tab and line breaks, and no
 * half of a surrogate pair. PostgreSQL refuses a NUL byte outright and rewrites a lone
 * surrogate, where SQLite stores either as it came; refusing both here keeps what is stored the
 * same everywhere, so a couple's data can move between engines.
 */
const UNSTORABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is this pattern's purpose.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A field name safe to repeat in an answer; anything else is named by where it sits. */
const NAMEABLE = /^[A-Za-z0-9_]{1,64}$/;

export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/**
 * Where in a parsed body or query a string (or a key) cannot be stored, as dotted paths. Walked
 * with a stack of its own: a body nested thousands deep must not exhaust the call stack.
 */
export function unstorableFields(value: unknown): string[] {
  const found: string[] = [];
  const pending: Array<[unknown, string]> = [[value, ""]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, path] = next;
    if (typeof item === "string") {
      if (!isStorableText(item)) found.push(path);
      continue;
    }
    if (item === null || typeof item !== "object") continue;
    const entries = Array.isArray(item)
      ? item.map((child, index) => [String(index), child] as const)
      : Object.entries(item);
    for (const [key, child] of entries.reverse()) {
      if (NAMEABLE.test(key)) pending.push([child, path ? `${path}.${key}` : key]);
      else if (!isStorableText(key)) found.push(path);
      else pending.push([child, path]);
    }
  }
  return found;
}

/** A field name from the request, repeated in an answer only when it is a plain one. */
export function nameableField(name: string, fallback: string): string {
  return name.split(".").every((part) => NAMEABLE.test(part)) ? name : fallback;
}

const MESSAGE = "This contains a control character (such as NUL) that cannot be stored.";

function refuse(fields: string[], context: string) {
  return errors.invalid(
    Object.fromEntries(
      fields.map((field) => [field && field.length <= 200 ? field : context, MESSAGE]),
    ),
    "Some text here cannot be stored.",
  );
}

/**
 * Refuses unstorable text before validation: in the body or query with a 400 naming the field;
 * in the path, where an id with such a character cannot be one, with the 404 of any unknown id.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (request: FastifyRequest) => {
    const params = request.params as Record<string, unknown> | undefined;
    if (params && unstorableFields(params).length > 0) throw errors.notFound();
    const query = unstorableFields(request.query);
    if (query.length > 0) throw refuse(query, "query");
    const body = unstorableFields(request.body);
    if (body.length > 0) throw refuse(body, "body");
  });
}

/**
 * Errors Fastify's router and Node's HTTP parser raise before any route: a path that cannot be
 * decoded or names an id far too long to be one is a 404; a request whose head is too large is
 * refused in the one error shape, never echoing what was sent.
 */
export function frameworkErrors(
  error: { code?: string },
  _request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error.code === "FST_ERR_BAD_URL" || error.code === "FST_ERR_MAX_PARAM_LENGTH") {
    return reply
      .status(404)
      .send({ error: { code: "not_found", message: "There is nothing at this address." } });
  }
  return reply
    .status(400)
    .send({ error: { code: "bad_request", message: "The request could not be understood." } });
}

const HEAD_TOO_LARGE = JSON.stringify({
  error: { code: "too_large", message: "The request's address or headers are too long." },
});
const NOT_UNDERSTOOD = JSON.stringify({
  error: { code: "bad_request", message: "The request could not be understood." },
});

/** Node's own refusals (a head too large, a malformed request line), in the one error shape. */
export function clientErrorHandler(
  error: NodeJS.ErrnoException,
  socket: import("node:net").Socket,
): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [status, text, body] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, "Request Header Fields Too Large", HEAD_TOO_LARGE]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "Request Timeout", NOT_UNDERSTOOD]
        : [400, "Bad Request", NOT_UNDERSTOOD];
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${text}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
