import { useCallback, useEffect, useRef, useState } from "react";
import { newItemId } from "../../../client/crypto/account-keys.ts";
import { saveDraft } from "./api/accountability.ts";
import { draftSections, type Sections } from "./sections.ts";

/** Long enough to let a sentence be finished, short enough that little is ever unsaved. */
const AUTOSAVE_PAUSE_MS = 1500;

export type SaveState =
  | { kind: "nothing-saved" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "failed" };

/** What a save would send, as a string to compare with what the server already holds. */
const snapshot = (values: Sections) => JSON.stringify(draftSections(values));

interface Start {
  /** The working copy the server holds, if there is one. */
  draft: { id: string; updatedAt: string } | null;
  /** What the editor opened with: the working copy, or else the newest shared version. */
  opened: Sections;
}

/**
 * Keeps the private working copy on the server as it is typed: after a pause, when a field is
 * left, when the tab is hidden or closed, and when the screen goes. Only the server keeps it —
 * never this device. Saves run one at a time, always with the newest words.
 */
export function useDraftAutosave(values: Sections, start: Start) {
  // One working copy keeps one id for its whole life, so every save replaces the same item.
  const draftId = useRef(start.draft?.id ?? newItemId());
  const saved = useRef(snapshot(start.opened));
  const latest = useRef(values);
  latest.current = values;
  const running = useRef<Promise<void> | null>(null);
  const held = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const [state, setState] = useState<SaveState>(
    start.draft ? { kind: "saved", at: start.draft.updatedAt } : { kind: "nothing-saved" },
  );
  const [hasDraft, setHasDraft] = useState(start.draft !== null);

  const save = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    while (running.current) await running.current;
    const key = snapshot(latest.current);
    if (held.current || key === saved.current) return;
    setState({ kind: "saving" });
    running.current = saveDraft(draftId.current, latest.current)
      .then(
        ({ draft }) => {
          saved.current = key;
          setHasDraft(true);
          setState({ kind: "saved", at: draft.updatedAt });
        },
        () => setState({ kind: "failed" }),
      )
      .finally(() => {
        running.current = null;
      });
    await running.current;
  }, []);

  const key = snapshot(values);
  useEffect(() => {
    if (key === saved.current) return;
    timer.current = window.setTimeout(() => void save(), AUTOSAVE_PAUSE_MS);
    return () => window.clearTimeout(timer.current);
  }, [key, save]);

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === "hidden") void save();
    };
    const onPageHide = () => void save();
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", onPageHide);
      // Leaving for another screen of the app: what was typed in the last pause goes too.
      void save();
    };
  }, [save]);

  /** Stop saving while the working copy is shared or thrown away, so no save brings it back. */
  const hold = useCallback(async () => {
    held.current = true;
    window.clearTimeout(timer.current);
    while (running.current) await running.current;
  }, []);

  /** Saving goes on as before (the share or discard did not happen). */
  const resume = useCallback(() => {
    held.current = false;
  }, []);

  /** The working copy is gone on the server; the editor now holds `opened`, unsaved by design. */
  const restart = useCallback((opened: Sections) => {
    draftId.current = newItemId();
    saved.current = snapshot(opened);
    setHasDraft(false);
    setState({ kind: "nothing-saved" });
    held.current = false;
  }, []);

  return { state, hasDraft, save, hold, resume, restart };
}
