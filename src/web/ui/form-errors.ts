import type { FieldErrors, FieldValues, Path, UseFormSetError } from "react-hook-form";
import { isApiError } from "../../client/api-error.ts";
import type { SummaryError } from "./error-summary.tsx";

/**
 * Puts a failed request's field messages next to the matching inputs, and returns what belongs
 * in the form's summary (the overall message, plus field messages no input shows).
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  knownFields: ReadonlyArray<Path<T>>,
): string[] {
  if (!isApiError(error)) return ["Something went wrong. Please try again."];
  const extra: string[] = [];
  for (const [field, message] of Object.entries(error.fields)) {
    const known = knownFields.find((name) => name === field);
    if (known) setError(known, { type: "server", message }, { shouldFocus: false });
    else extra.push(message);
  }
  const hasFieldErrors = Object.keys(error.fields).length > 0;
  // With field messages the overall message is generic ("some fields need another look"):
  // the field messages say it better.
  return hasFieldErrors ? extra : [error.message];
}

/** The summary list for a form: client-side field errors (linked) and server messages. */
export function summaryErrors<T extends FieldValues>(
  errors: FieldErrors<T>,
  fieldIds: Partial<Record<Path<T>, string>>,
  serverMessages: string[],
): SummaryError[] {
  const list: SummaryError[] = [];
  for (const [name, fieldId] of Object.entries(fieldIds) as Array<[string, string]>) {
    const message = (errors as Record<string, { message?: unknown } | undefined>)[name]?.message;
    if (typeof message === "string") list.push({ fieldId, message });
  }
  for (const message of serverMessages) {
    if (!list.some((item) => item.message === message)) list.push({ message });
  }
  return list;
}
