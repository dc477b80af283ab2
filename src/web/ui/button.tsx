import type { ButtonHTMLAttributes, ReactNode } from "react";
import { Link, type LinkProps } from "react-router";

type Variant = "primary" | "secondary" | "quiet" | "danger";

function classes(variant: Variant, size: "normal" | "small", extra?: string) {
  return ["button", `button--${variant}`, size === "small" ? "button--small" : "", extra ?? ""]
    .filter(Boolean)
    .join(" ");
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: "normal" | "small";
  /** Shows that the action is running and blocks a second click; the name stays the same. */
  busy?: boolean;
  children: ReactNode;
}

export function Button({
  variant = "primary",
  size = "normal",
  busy = false,
  type = "button",
  className,
  disabled,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={classes(variant, size, className)}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy ? <span className="button__spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}

export interface ButtonLinkProps extends LinkProps {
  variant?: Variant;
  size?: "normal" | "small";
}

export function ButtonLink({
  variant = "primary",
  size = "normal",
  className,
  ...rest
}: ButtonLinkProps) {
  return <Link {...rest} className={classes(variant, size, className)} />;
}
