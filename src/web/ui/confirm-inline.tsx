import { type ReactNode, useEffect, useRef, useState } from "react";
import { Button } from "./button.tsx";

interface ConfirmInlineProps {
  /** The first button, e.g. "Stop this talk time". */
  label: string;
  /** What happens, said once more where the answer is given. */
  question: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  busy?: boolean;
  variant?: "secondary" | "quiet" | "danger";
  size?: "normal" | "small";
  /** A fuller name for the first button, for screen readers (e.g. naming the item). */
  ariaLabel?: string;
}

/**
 * A second step that opens in place instead of a pop-up dialog, so nothing ever covers the
 * quick exit. Focus moves to the question and back to the button on cancel.
 */
export function ConfirmInline({
  label,
  question,
  confirmLabel,
  cancelLabel = "Cancel",
  onConfirm,
  busy = false,
  variant = "quiet",
  size = "small",
  ariaLabel,
}: ConfirmInlineProps) {
  const [open, setOpen] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) questionRef.current?.focus();
    else if (wasOpen.current) buttonRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!open) {
    return (
      <button
        ref={buttonRef}
        type="button"
        className={`button button--${variant}${size === "small" ? " button--small" : ""}`}
        aria-label={ariaLabel}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <div className="confirm-inline">
      <p className="confirm-inline__question" tabIndex={-1} ref={questionRef}>
        {question}
      </p>
      <div className="actions">
        <Button
          size="small"
          variant={variant === "danger" ? "danger" : "primary"}
          busy={busy}
          onClick={onConfirm}
        >
          {confirmLabel}
        </Button>
        <Button size="small" variant="quiet" disabled={busy} onClick={() => setOpen(false)}>
          {cancelLabel}
        </Button>
      </div>
    </div>
  );
}
