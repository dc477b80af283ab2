import type { Standing } from "./standing.ts";

/** "Kai", or "Your partner" at the start of a sentence. */
export function capitalised(name: string): string {
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/** The short label for where the viewer stands on a prompt, said in words (never colour alone). */
export function standingLabel(standing: Standing, partnerName: string): string {
  switch (standing.kind) {
    case "not-started":
      return "Not started";
    case "draft":
      return "Draft, private";
    case "waiting":
      return `Shared, waiting for ${partnerName}`;
    case "side-by-side":
      return "Side by side";
  }
}

/**
 * The one thing the blind rule lets through before both have shared: that the partner has
 * shared on this prompt. Nothing else of theirs is said.
 */
export function partnerSharedLine(standing: Standing, partnerName: string): string | null {
  if (standing.kind !== "not-started" && standing.kind !== "draft") return null;
  if (!standing.partnerShared) return null;
  return `${capitalised(partnerName)} has shared on this one. Share yours to see both.`;
}
