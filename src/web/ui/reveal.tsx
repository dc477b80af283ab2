import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { Button } from "./button.tsx";

/**
 * A form that stays out of the way until asked for: a button that opens it in place (never as
 * a pop-up), with focus moved to its first field, and back to the button when closed.
 */
export function Reveal({
  label,
  closeLabel = "Close",
  children,
}: {
  label: string;
  closeLabel?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const panelId = `r${useId().replace(/:/g, "")}`;
  const panelRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) {
      panelRef.current?.querySelector<HTMLElement>("input, textarea, select")?.focus();
    } else if (wasOpen.current) {
      buttonRef.current?.focus();
    }
    wasOpen.current = open;
  }, [open]);

  if (!open) {
    return (
      <button
        ref={buttonRef}
        type="button"
        className="button button--secondary button--small"
        aria-expanded={false}
        aria-controls={panelId}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <div className="reveal" id={panelId} ref={panelRef}>
      {children}
      <div className="actions reveal__close">
        <Button variant="quiet" size="small" onClick={() => setOpen(false)}>
          {closeLabel}
        </Button>
      </div>
    </div>
  );
}
