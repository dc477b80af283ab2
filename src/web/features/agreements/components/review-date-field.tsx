import type { UseFormRegisterReturn } from "react-hook-form";
import { DEFAULT_REVIEW_DAYS, MAX_REVIEW_DAYS } from "../../../../domain/limits.ts";
import { TextField } from "../../../ui/field.tsx";
import { formatDay, localDay } from "../../../ui/format.ts";

/** Turns an untouched date input ("") into "no date", so the server's default applies. */
export const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export function ReviewDateField({
  id,
  registration,
  error,
  label = "Review date",
  from = "after it's accepted",
}: {
  id: string;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  label?: string;
  /** When the default period starts, in words. */
  from?: string;
}) {
  return (
    <TextField
      id={id}
      type="date"
      label={label}
      optional
      min={localDay(1)}
      max={localDay(MAX_REVIEW_DAYS)}
      hint={`When to look at it again together. If you leave this empty, it will be ${DEFAULT_REVIEW_DAYS} days ${from} (around ${formatDay(localDay(DEFAULT_REVIEW_DAYS))}).`}
      error={error}
      {...registration}
    />
  );
}
