import { z } from "zod";
import { LIMITS } from "../domain/limits.ts";
import { PHASES } from "../domain/phases.ts";
import { STANCES } from "../domain/stance.ts";
import { VISIBILITIES } from "../domain/visibility.ts";
import { ERROR_CODES } from "./errors.ts";

export const Id = z.string().min(1).max(64);
/**
 * An id in a path: any text, looked up as it is, so one that cannot name anything (too long, of
 * another shape) is the 404 of an unknown id rather than an error of its own.
 */
export const IdParam = z.string().min(1);
export const IdParams = z.object({ id: IdParam });

/**
 * The id of a new item whose words are sealed, made by the client (16 random bytes, base64url)
 * so the envelope's context can name the item before the server has seen it.
 */
export const ItemId = z
  .string({ error: "Send the new item's id, made by the client." })
  .regex(/^[A-Za-z0-9_-]{22}$/, {
    error: "An item id is 16 random bytes in base64url (22 characters).",
  });
export const Timestamp = z.iso.datetime({ offset: true }).describe("ISO-8601 timestamp, UTC");
export const Day = z.iso.date().describe("calendar day, YYYY-MM-DD");

/** Free text that must say something: trimmed, not empty, bounded. */
export function text(max: number) {
  return z
    .string({ error: "Write some text here." })
    .trim()
    .min(1, { error: "This can't be empty." })
    .max(max, { error: `Keep this to ${max} characters or fewer.` });
}

export const PhaseSchema = z.enum(PHASES, {
  error: `Choose one of: ${PHASES.join(", ")}.`,
});
export const StanceSchema = z.enum(STANCES, {
  error: `Choose one of: ${STANCES.join(", ")}.`,
});
export const PersonName = text(LIMITS.nameMax);

export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Empty = z.null().describe("no content");

export const VisibilitySchema = z.enum(VISIBILITIES, {
  error: `Choose one of: ${VISIBILITIES.join(", ")}.`,
});

/** Items that belong to a person within the couple say whether the caller wrote them. */
export const Mine = z.boolean().describe("true when the caller wrote this item");
