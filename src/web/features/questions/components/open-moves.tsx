import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
} from "react";
import type { QuestionMove } from "../../../../domain/questions.ts";
import type { Question } from "../api/questions.ts";

/** A move someone has begun on a question: the question as they saw it, and why it failed. */
export interface OpenMove {
  move: QuestionMove;
  seen: Question;
  /** The server's word when the move met a question that had moved on. */
  conflict?: string | undefined;
}

interface OpenMoves {
  get: (questionId: string) => OpenMove | undefined;
  start: (question: Question, move: QuestionMove) => void;
  /** The person has read what changed: carry on from the question as it is now. */
  rebase: (question: Question) => void;
  conflict: (questionId: string, message: string) => void;
  close: (questionId: string) => void;
  /** Words typed so far, in this tab's memory only, so they outlive a card changing group. */
  text: (questionId: string) => string | undefined;
  setText: (questionId: string, text: string) => void;
}

const OpenMovesContext = createContext<OpenMoves | null>(null);

/**
 * Moves in progress, held above the ledger: when the partner changes a question meanwhile, its
 * card moves to another group and is drawn anew, and this is what lets it still say what changed
 * and keep the words typed into it.
 */
export function OpenMovesProvider({ children }: { children: ReactNode }) {
  const [moves, setMoves] = useState<ReadonlyMap<string, OpenMove>>(new Map());
  // Typing is kept out of state: a keystroke must not redraw the whole ledger.
  const texts = useRef(new Map<string, string>());

  const update = useCallback(
    (id: string, change: (move: OpenMove | undefined) => OpenMove | undefined) => {
      setMoves((current) => {
        const next = new Map(current);
        const moved = change(current.get(id));
        if (moved) next.set(id, moved);
        else next.delete(id);
        return next;
      });
    },
    [],
  );

  const value = useMemo<OpenMoves>(
    () => ({
      get: (id) => moves.get(id),
      start: (question, move) => {
        texts.current.delete(question.id);
        update(question.id, () => ({ move, seen: question }));
      },
      rebase: (question) =>
        update(question.id, (open) => (open ? { move: open.move, seen: question } : open)),
      conflict: (id, message) =>
        update(id, (open) => (open ? { ...open, conflict: message } : open)),
      close: (id) => {
        texts.current.delete(id);
        update(id, () => undefined);
      },
      text: (id) => texts.current.get(id),
      setText: (id, text) => {
        texts.current.set(id, text);
      },
    }),
    [moves, update],
  );
  return <OpenMovesContext.Provider value={value}>{children}</OpenMovesContext.Provider>;
}

export function useOpenMoves(): OpenMoves {
  const moves = useContext(OpenMovesContext);
  if (!moves) throw new Error("useOpenMoves needs an OpenMovesProvider above it.");
  return moves;
}
