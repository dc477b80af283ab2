import type { ErrorCode } from "../contracts/errors.ts";

/*
 * Apart from the client, so that a screen can tell a failure by its kind without loading the
 * client and its schemas before it ever calls.
 */

/** A code from the server, or one of the client's own when no proper answer came. */
export type ClientErrorCode =
  | ErrorCode
  | "network"
  | "bad_response"
  | "locked"
  | "not_granted"
  | "unknown";

/** A failed call, in the server's one error shape. `status` 0 means the network failed. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly fields: Record<string, string>;

  constructor(
    status: number,
    code: ClientErrorCode,
    message: string,
    fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
