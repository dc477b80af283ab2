import type { ConflictCode, ErrorCode } from "../../contracts/errors.ts";

/** The one catalogue of errors the API answers with; each has a status and a stable code. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    /** For 429: whole seconds until a new try can succeed, sent as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const errors = {
  invalid: (fields: Record<string, string>, message = "Some fields need another look.") =>
    new AppError(400, "invalid_input", message, fields),
  unauthenticated: () => new AppError(401, "unauthenticated", "Please sign in to continue."),
  wrongCredentials: () =>
    new AppError(401, "wrong_credentials", "That e-mail and password do not match an account."),
  wrongRecoveryCode: () =>
    new AppError(
      401,
      "wrong_credentials",
      "That e-mail and recovery code do not match an account.",
    ),
  wrongPassword: (field = "password") =>
    new AppError(400, "wrong_password", "That password is not right.", {
      [field]: "That password is not right.",
    }),
  forbiddenOrigin: () =>
    new AppError(403, "forbidden_origin", "This request came from another site and was refused."),
  notFound: (what = "That") => new AppError(404, "not_found", `${what} was not found.`),
  conflict: (code: ConflictCode, message: string) => new AppError(409, code, message),
  rateLimited: (retryAfterSeconds: number) => {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    const wait = seconds < 60 ? `${seconds} second(s)` : `${Math.ceil(seconds / 60)} minute(s)`;
    return new AppError(
      429,
      "rate_limited",
      `Too many attempts. Please wait ${wait} and try again.`,
      undefined,
      seconds,
    );
  },
  secondFactorRequired: () =>
    new AppError(
      401,
      "second_factor_required",
      "Enter the code from your authenticator app to continue.",
    ),
  wrongCode: () =>
    new AppError(401, "wrong_code", "That code is not right, or it has expired. Try the next one."),
  busy: () => new AppError(503, "busy", "The server is busy. Please try again in a moment."),
};
