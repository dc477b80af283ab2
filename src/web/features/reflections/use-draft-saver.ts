import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { newItemId } from "../../../client/crypto/account-keys.ts";
import { isUnopened } from "../../../client/sealing.ts";
import { isApiError } from "../../ui/api-client.ts";
import {
  fetchReflections,
  type Reflection,
  useSaveDraft,
  useShareReflection,
} from "./api/reflections.ts";
import {
  decideSave,
  failureLine,
  SAVE_AFTER_MS,
  type SaveState,
  stateWhileTyping,
} from "./draft-save.ts";

interface Options {
  promptKey: string;
  /** The viewer's private draft on this prompt when the screen opened, if any. */
  draft: Reflection | undefined;
  max: number;
  /** The reflection was shared meanwhile (another window): these words were not saved. */
  onShared: (unsaved: string) => void;
}

/**
 * The words of one reflection as they are written, saved as a private draft: after typing
 * rests, on leaving the field, when the page is hidden and when the screen closes. Saves run one
 * after another, never side by side, so the first one (which creates the reflection under a
 * client-made id) is done before any later one reuses that id, and a share comes after them all.
 */
export function useDraftSaver({ promptKey, draft, max, onShared }: Options) {
  const saveDraftCall = useSaveDraft();
  const shareCall = useShareReflection();
  const queryClient = useQueryClient();
  const opened = draft && !isUnopened(draft.body) ? draft.body : "";
  const [text, setTextState] = useState(opened);
  const [state, setState] = useState<SaveState>(
    draft ? { kind: "saved", at: draft.updatedAt } : { kind: "fresh" },
  );
  /** A draft begun in another window on the same prompt, found when this one first saved. */
  const [elsewhere, setElsewhere] = useState<Reflection | null>(null);

  const id = useRef(draft?.id ?? null);
  const saved = useRef<string | null>(opened ? opened.trim() : null);
  const savedAt = useRef<string | null>(draft?.updatedAt ?? null);
  const hasDraft = useRef(Boolean(draft));
  const latest = useRef(opened);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<number | undefined>(undefined);
  /** No more saves: the reflection is shared, or waits for a choice between two drafts. */
  const halted = useRef(false);
  const callbacks = useRef({
    private: saveDraftCall.mutateAsync,
    couple: shareCall.mutateAsync,
    onShared,
  });
  callbacks.current = {
    private: saveDraftCall.mutateAsync,
    couple: shareCall.mutateAsync,
    onShared,
  };

  const send = useCallback(
    async (visibility: "private" | "couple") => {
      const body = latest.current;
      const itemId = id.current ?? newItemId();
      // Kept even if this request fails: a retry must not make a second reflection.
      id.current = itemId;
      const { reflection } = await callbacks.current[visibility]({
        id: itemId,
        promptKey,
        body,
        visibility,
      });
      saved.current = body.trim();
      savedAt.current = reflection.updatedAt;
      hasDraft.current = true;
      return reflection;
    },
    [promptKey],
  );

  /** A write the server refused because of what happened elsewhere: show what it found. */
  const meetElsewhere = useCallback(
    async (error: unknown, unsaved: string): Promise<boolean> => {
      if (!isApiError(error)) return false;
      if (error.code === "reflection_shared") {
        halted.current = true;
        callbacks.current.onShared(unsaved);
        return true;
      }
      if (error.code !== "prompt_answered") return false;
      halted.current = true;
      let own: Reflection | undefined;
      try {
        own = (await fetchReflections(queryClient)).reflections.find(
          (r) => r.mine && r.promptKey === promptKey,
        );
      } catch (failure) {
        halted.current = false;
        setState({ kind: "failed", message: failureLine(failure) });
        return true;
      }
      if (!own || own.sharedAt !== null) {
        callbacks.current.onShared(unsaved);
      } else {
        setElsewhere(own);
        setState({ kind: "failed", message: "Not saved yet: choose which draft to keep." });
      }
      return true;
    },
    [promptKey, queryClient],
  );

  const saveDraft = useCallback(async () => {
    if (halted.current) return;
    const decision = decideSave(latest.current, saved.current, max);
    if (decision !== "save") {
      setState(stateWhileTyping(decision, savedAt.current, hasDraft.current, max));
      return;
    }
    setState({ kind: "saving" });
    const body = latest.current;
    try {
      const reflection = await send("private");
      setState(
        latest.current.trim() === body.trim()
          ? { kind: "saved", at: reflection.updatedAt }
          : { kind: "pending" },
      );
    } catch (error) {
      if (!(await meetElsewhere(error, body))) {
        setState({ kind: "failed", message: failureLine(error) });
      }
    }
  }, [max, send, meetElsewhere]);

  const enqueue = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(task);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    return enqueue(saveDraft);
  }, [enqueue, saveDraft]);

  const setText = useCallback(
    (value: string) => {
      latest.current = value;
      setTextState(value);
      if (halted.current) return;
      setState(
        stateWhileTyping(
          decideSave(value, saved.current, max),
          savedAt.current,
          hasDraft.current,
          max,
        ),
      );
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void enqueue(saveDraft), SAVE_AFTER_MS);
    },
    [enqueue, saveDraft, max],
  );

  /** Shares the words on screen with the couple; true once it is shared. */
  const share = useCallback(() => {
    window.clearTimeout(timer.current);
    return enqueue(async () => {
      if (halted.current) return false;
      const decision = decideSave(latest.current, saved.current, max);
      if (decision === "empty" || decision === "too-long") {
        setState(stateWhileTyping(decision, savedAt.current, hasDraft.current, max));
        return false;
      }
      halted.current = true;
      const body = latest.current;
      try {
        await send("couple");
        return true;
      } catch (error) {
        halted.current = false;
        if (!(await meetElsewhere(error, body))) {
          setState({ kind: "failed", message: failureLine(error) });
        }
        return false;
      }
    });
  }, [enqueue, send, meetElsewhere, max]);

  /** Between this window's words and a draft begun elsewhere: one of them goes on. */
  const choose = useCallback(
    (keep: "here" | "elsewhere") => {
      const other = elsewhere;
      if (!other) return;
      setElsewhere(null);
      id.current = other.id;
      halted.current = false;
      if (keep === "elsewhere") {
        const body = isUnopened(other.body) ? "" : other.body;
        latest.current = body;
        setTextState(body);
        saved.current = body.trim() || null;
        savedAt.current = other.updatedAt;
        hasDraft.current = true;
        setState({ kind: "saved", at: other.updatedAt });
        return;
      }
      saved.current = null;
      hasDraft.current = true;
      void flush();
    },
    [elsewhere, flush],
  );

  // Hidden (another tab, the phone locked, the tab closing) or leaving this screen: save now.
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === "hidden") void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener("visibilitychange", onHidden);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      document.removeEventListener("visibilitychange", onHidden);
      window.removeEventListener("pagehide", onPageHide);
    };
  }, [flush]);
  const flushOnClose = useRef(flush);
  flushOnClose.current = flush;
  useEffect(() => () => void flushOnClose.current(), []);

  return { text, setText, state, flush, share, elsewhere, choose };
}
