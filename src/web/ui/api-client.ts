import type { z } from "zod";
import { ErrorBody } from "../../contracts/common.ts";

/** A failed API call, in the server's one error shape. `status` 0 means the network failed. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
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

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {};

/** The app decides what a lost session means (clear state, go to sign-in). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
  /** A 401 is an answer here (wrong password, signed-out probe), not a lost session. */
  expectUnauthorized?: boolean;
}

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

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const init: RequestInit = {
    method: options.method ?? "GET",
    credentials: "same-origin",
    headers,
    cache: "no-store",
    ...(options.signal ? { signal: options.signal } : {}),
  };
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "network", fallbackMessage(0));
  }
  if (!response.ok) throw await toApiError(response, options);
  return response;
}

async function toApiError(response: Response, options: RequestOptions): Promise<ApiError> {
  const { status } = response;
  let error: ApiError;
  try {
    const parsed = ErrorBody.safeParse(await response.json());
    error = parsed.success
      ? new ApiError(
          status,
          parsed.data.error.code,
          parsed.data.error.message || fallbackMessage(status),
          parsed.data.error.fields,
        )
      : new ApiError(status, "unknown", fallbackMessage(status));
  } catch {
    error = new ApiError(status, "unknown", fallbackMessage(status));
  }
  if (status >= 500) error = new ApiError(status, error.code, fallbackMessage(status));
  if (status === 401 && !options.expectUnauthorized) onUnauthorized();
  return error;
}

/** Calls the API and checks the answer against its contract schema. */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const response = await send(path, options);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiError(response.status, "bad_response", fallbackMessage(500));
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    console.error(`Unexpected answer from ${path}`, parsed.error.issues);
    throw new ApiError(response.status, "bad_response", fallbackMessage(500));
  }
  return parsed.data;
}

/** Calls an API route that answers 204 No Content. */
export async function apiSend(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, { method: "POST", ...options });
}
