import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ErrorCode } from "../../contracts/errors.ts";
import { AppError } from "./errors.ts";
import { nameableField } from "./input-guard.ts";

interface ZodLikeIssue {
  instancePath: string;
  message: string;
  keyword: string;
  params: { keys?: string[] };
}

function fieldsFrom(issues: ZodLikeIssue[], context: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.keyword === "unrecognized_keys" && issue.params.keys) {
      for (const key of issue.params.keys) {
        const path = [issue.instancePath.slice(1).replaceAll("/", "."), key]
          .filter(Boolean)
          .join(".");
        fields[nameableField(path, context)] = "This field is not accepted here.";
      }
      continue;
    }
    const path =
      nameableField(issue.instancePath.slice(1).replaceAll("/", "."), context) || context;
    fields[path] ??= issue.message;
  }
  return fields;
}

/** The one error shape, with a code from the closed list in contracts/errors.ts. */
function fail(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
  fields?: Record<string, string>,
) {
  return reply.status(status).send({ error: { code, message, ...(fields ? { fields } : {}) } });
}

/** One error shape for every failure; 5xx answers never carry internals. */
/** A unique or primary key refused a row, on SQLite (both drivers) or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === "23505") return true;
  if (typeof code === "string" && /^SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)$/.test(code)) return true;
  return typeof message === "string" && /^UNIQUE constraint failed/.test(message);
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.retryAfterSeconds !== undefined) {
        reply.header("retry-after", String(error.retryAfterSeconds));
      }
      return fail(reply, error.status, error.code, error.message, error.fields);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? "body";
      return fail(
        reply,
        400,
        "invalid_input",
        "Some fields need another look.",
        fieldsFrom(error.validation as unknown as ZodLikeIssue[], context),
      );
    }
    // Ids of sealed items come from the client; a reused one meets the table's key.
    if (isUniqueViolation(error)) {
      return fail(reply, 409, "id_taken", "Something with this id exists already.");
    }
    const status = error.statusCode ?? 500;
    if (status === 400 && error.code?.startsWith("FST_ERR_CTP")) {
      return fail(reply, 400, "invalid_json", "The request body is not valid JSON.");
    }
    if (status === 415) {
      return fail(reply, 415, "unsupported_media_type", "Send the request body as JSON.");
    }
    if (status === 413) {
      return fail(reply, 413, "too_large", "The request body is too large.");
    }
    if (status >= 400 && status < 500) {
      return fail(reply, status, "bad_request", "The request could not be understood.");
    }
    request.log.error({ err: error }, "unhandled error");
    return fail(reply, 500, "internal", "Something went wrong on our side. Please try again.");
  });
}
