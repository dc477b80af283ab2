import type { ReactNode } from "react";

/** The small "only you see this" line that sits beside anything private. */
export function PrivateNote({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <p className="private-note" id={id}>
      <svg className="private-note__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <rect
          x="3"
          y="7"
          width="10"
          height="7"
          rx="1.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
        />
        <path
          d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
        />
      </svg>
      <span>{children}</span>
    </p>
  );
}
