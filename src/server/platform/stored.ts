import { VISIBILITIES, type Visibility } from "../../domain/visibility.ts";
import type { CoupleItem } from "./policy.ts";

/** Reads a stored enum value; anything else means corrupt data, which must not pass silently. */
export function storedEnum<T extends string>(values: readonly T[], value: string): T {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new Error(`Unexpected stored value: ${value}`);
  return found;
}

export function storedVisibility(value: string): Visibility {
  return storedEnum(VISIBILITIES, value);
}

/** A stored couple-owned row, seen by the access policy: its couple, its author, its visibility. */
export function coupleItem<R extends { couple_id: string; visibility: string }>(
  row: R,
  authorId: string,
): R & CoupleItem {
  return {
    ...row,
    coupleId: row.couple_id,
    authorId,
    visibility: storedVisibility(row.visibility),
  };
}
