import { type ReactNode, useId } from "react";

interface CardProps {
  title?: ReactNode;
  /** Heading level inside the page outline; h2 by default. */
  level?: 2 | 3;
  tone?: "plain" | "calm" | "attention" | "quiet";
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  id?: string;
}

/** A titled section. With a title it is a labelled region for assistive technology. */
export function Card({
  title,
  level = 2,
  tone = "plain",
  actions,
  children,
  className,
  id,
}: CardProps) {
  const headingId = `h${useId().replace(/:/g, "")}`;
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section
      id={id}
      className={["card", `card--${tone}`, className ?? ""].join(" ").trim()}
      aria-labelledby={title ? headingId : undefined}
    >
      {title ? (
        <div className="card__header">
          <Heading id={headingId} className="card__title">
            {title}
          </Heading>
          {actions ? <div className="card__actions">{actions}</div> : null}
        </div>
      ) : null}
      {children}
    </section>
  );
}
