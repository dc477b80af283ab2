import { type ReactNode, useLayoutEffect } from "react";
import { Button } from "./button.tsx";
import { markPending } from "./pending.ts";

export function Loading({ label = "Loading…" }: { label?: string }) {
  // Counted before the first paint, so nothing below it is ever drawn where it cannot stay.
  useLayoutEffect(() => markPending(), []);
  return (
    <div className="loading" role="status">
      <span className="loading__dot" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

interface ErrorStateProps {
  title?: string;
  error?: unknown;
  onRetry?: () => void;
}

export function ErrorState({ title = "This part didn't load", error, onRetry }: ErrorStateProps) {
  const message =
    error instanceof Error && error.message
      ? error.message
      : "Something went wrong. Please try again.";
  return (
    <div className="error-state" role="alert">
      <p className="error-state__title">{title}</p>
      <p>{message}</p>
      {onRetry ? (
        <Button variant="secondary" size="small" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}

interface EmptyStateProps {
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
}

export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <p className="empty-state__title">{title}</p>
      {children ? <div className="empty-state__body">{children}</div> : null}
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  );
}
