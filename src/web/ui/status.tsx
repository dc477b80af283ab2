import type { ReactNode } from "react";

interface LiveStatusProps {
  message: ReactNode;
  className?: string;
}

/**
 * A polite live region that is always in the page, so that a message put into it is
 * announced. Empty regions take no space.
 */
export function LiveStatus({ message, className }: LiveStatusProps) {
  return (
    <p
      className={["live-status", message ? "live-status--shown" : "", className ?? ""]
        .join(" ")
        .trim()}
      role="status"
      aria-live="polite"
    >
      {message}
    </p>
  );
}

interface NoticeProps {
  tone?: "info" | "success" | "warning";
  title?: ReactNode;
  children: ReactNode;
}

/** A calm inline note: guidance, privacy reminders, quiet confirmations. */
export function Notice({ tone = "info", title, children }: NoticeProps) {
  return (
    <div className={`notice notice--${tone}`}>
      {title ? <p className="notice__title">{title}</p> : null}
      <div className="notice__body">{children}</div>
    </div>
  );
}
