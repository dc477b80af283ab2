import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "./errors.ts";

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
        fields[[issue.instancePath.slice(1), key].filter(Boolean).join(".")] =
          "This field is not accepted here.";
      }
      continue;
    }
    const path = issue.instancePath.slice(1).replaceAll("/", ".") || context;
    fields[path] ??= issue.message;
  }
  return fields;
}

/** One error shape for every failure; 5xx answers never carry internals. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status === 429) reply.header("retry-after", "60");
      return reply.status(error.status).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? "body";
      return reply.status(400).send({
        error: {
          code: "invalid_input",
          message: "Some fields need another look.",
          fields: fieldsFrom(error.validation as unknown as ZodLikeIssue[], context),
        },
      });
    }
    const status = error.statusCode ?? 500;
    if (status === 400 && error.code?.startsWith("FST_ERR_CTP")) {
      return reply.status(400).send({
        error: { code: "invalid_json", message: "The request body is not valid JSON." },
      });
    }
    if (status === 415) {
      return reply.status(415).send({
        error: { code: "unsupported_media_type", message: "Send the request body as JSON." },
      });
    }
    if (status === 413) {
      return reply.status(413).send({
        error: { code: "too_large", message: "The request body is too large." },
      });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({
        error: { code: "bad_request", message: "The request could not be understood." },
      });
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.status(500).send({
      error: { code: "internal", message: "Something went wrong on our side. Please try again." },
    });
  });
}
