import { isApiError } from "../../../client/api.ts";
import { dayIn, formatDateTime, formatTime } from "../../ui/format.ts";

/** How long typing must rest before a draft is saved: long enough not to save every word. */
export const SAVE_AFTER_MS = 1500;

export type SaveDecision = "save" | "unchanged" | "empty" | "too-long";

/**
 * Whether the words on screen should go to the server. They are compared as they would be
 * stored: the contract trims what is written, so a trailing space alone is nothing new.
 */
export function decideSave(text: string, lastSaved: string | null, max: number): SaveDecision {
  const words = text.trim();
  if (words.length === 0) return "empty";
  if (words.length > max) return "too-long";
  return words === lastSaved ? "unchanged" : "save";
}

/** What the writing screen says about its draft, from calm to needing a look. */
export type SaveState =
  | { kind: "fresh" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "empty"; hasDraft: boolean }
  | { kind: "too-long"; max: number }
  | { kind: "failed"; message: string };

/** The state to show right after a keystroke, before any save has run. */
export function stateWhileTyping(
  decision: SaveDecision,
  savedAt: string | null,
  hasDraft: boolean,
  max: number,
): SaveState {
  if (decision === "empty") return hasDraft ? { kind: "empty", hasDraft } : { kind: "fresh" };
  if (decision === "too-long") return { kind: "too-long", max };
  if (decision === "unchanged") return savedAt ? { kind: "saved", at: savedAt } : { kind: "fresh" };
  return { kind: "pending" };
}

/** One line for the state; `time` formats the moment of the last save ("14:02"). */
export function saveLine(state: SaveState, time: (at: string) => string): string {
  switch (state.kind) {
    case "fresh":
      return "Nothing is saved until you start writing.";
    case "pending":
      return "Saves itself when you pause.";
    case "saving":
      return "Saving…";
    case "saved":
      return `Saved privately at ${time(state.at)}.`;
    case "empty":
      return "An empty page isn't saved. Your draft keeps its last saved words until you write again.";
    case "too-long":
      return `This is longer than ${state.max.toLocaleString()} characters, so it can't be saved until it's shorter. Everything you wrote is still here.`;
    case "failed":
      return state.message;
  }
}

/** When the last save was, as short as is still clear: "14:02" today, with the date before. */
export function whenSaved(at: string, now: Date): string {
  return dayIn(at) === dayIn(now) ? formatTime(at) : formatDateTime(at);
}

/** States that need the person's eyes: they are announced and shown as a problem. */
export function needsAttention(state: SaveState): boolean {
  return state.kind === "failed" || state.kind === "too-long";
}

/**
 * What to say when a save did not go through. The words stay on screen either way, so the
 * message says so, and what happens next.
 */
export function failureLine(error: unknown): string {
  const kept = "Your words are still here on this screen.";
  if (!isApiError(error)) return `This draft couldn't be saved just now. ${kept}`;
  if (error.status === 0) {
    return `Mend can't be reached just now, so this draft isn't saved yet. ${kept} Saving tries again when you next pause.`;
  }
  const fieldMessage = error.fields.body;
  if (fieldMessage) return `${fieldMessage} ${kept}`;
  return `${error.message} ${kept}`;
}

/**
 * The words typed on screen that the shared answer does not hold: what follows it when the
 * screen only went on from the shared words, else all of them. Empty when nothing is missing.
 */
export function wordsBeyond(onScreen: string, shared: string): string {
  const typed = onScreen.trim();
  const kept = shared.trim();
  if (typed === kept) return "";
  return kept && typed.startsWith(kept) ? typed.slice(kept.length).trim() : typed;
}
