import type { ApiError } from "../../client/api-error.ts";

/**
 * The HTTP status of a failed API call, or null for any other failure. Read from the error's
 * shape rather than by `instanceof`, so the first page can judge a failure without loading the
 * API client (client/api-error.ts names every ApiError "ApiError").
 */
export function failedWithStatus(error: unknown): number | null {
  if (!(error instanceof Error) || error.name !== "ApiError") return null;
  const { status } = error as ApiError;
  return typeof status === "number" ? status : null;
}
