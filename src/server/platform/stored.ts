import { VISIBILITIES, type Visibility } from "../../domain/visibility.ts";

/** Reads a stored enum value; anything else means corrupt data, which must not pass silently. */
export function storedEnum<T extends string>(values: readonly T[], value: string): T {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new Error(`Unexpected stored value: ${value}`);
  return found;
}

export function storedVisibility(value: string): Visibility {
  return storedEnum(VISIBILITIES, value);
}
