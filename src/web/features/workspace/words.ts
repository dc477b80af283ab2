import { isUnopened } from "../../../client/sealing.ts";

/** Groups of four read aloud and type by hand far more easily than one long run. */
export function inFours(text: string): string {
  return (text.replace(/\s+/g, "").match(/.{1,4}/g) ?? []).join(" ");
}

/**
 * The client's markers speak to a partner ("waiting for your partner to let you back in"); a
 * therapist reads the same fact in their own situation's words.
 */
export const NOT_OPENED = "Not opened: ask the couple to let you in again.";

/** A shared item's words as the therapist can read them: the words, or the calm marker. */
export function readable(text: string | null): { text: string; opened: boolean } | null {
  if (text === null) return null;
  return isUnopened(text) ? { text: NOT_OPENED, opened: false } : { text, opened: true };
}
