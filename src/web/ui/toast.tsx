import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useLocation } from "react-router";

type ShowToast = (message: string) => void;

const ToastContext = createContext<ShowToast | null>(null);

const VISIBLE_MS = 8_000;

/**
 * The one place for short confirmations after an action whose item moves away (accepted,
 * withdrawn…). The live region is always in the page so screen readers announce each message.
 * It sits at the bottom, clear of the quick exit button; while shown, the page makes room for
 * it so it covers nothing, and a message never follows a person to another screen.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState("");
  const timer = useRef<number | undefined>(undefined);
  const { pathname } = useLocation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: the screen changing is the trigger
  useEffect(() => setMessage(""), [pathname]);

  useEffect(() => {
    document.body.classList.toggle("has-toast", message !== "");
    return () => document.body.classList.remove("has-toast");
  }, [message]);

  const show = useCallback<ShowToast>((next) => {
    setMessage("");
    // A fresh render lets the same message be announced twice in a row.
    window.requestAnimationFrame(() => setMessage(next));
  }, []);

  useEffect(() => {
    window.clearTimeout(timer.current);
    if (message) timer.current = window.setTimeout(() => setMessage(""), VISIBLE_MS);
    return () => window.clearTimeout(timer.current);
  }, [message]);

  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className={`toast${message ? " toast--shown" : ""}`}>
        <p className="toast__message" role="status" aria-live="polite">
          {message}
        </p>
        {message ? (
          <button type="button" className="toast__close" onClick={() => setMessage("")}>
            Dismiss
          </button>
        ) : null}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ShowToast {
  const show = useContext(ToastContext);
  if (!show) throw new Error("useToast needs a ToastProvider above it.");
  return show;
}
