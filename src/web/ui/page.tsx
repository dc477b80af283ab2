import { type ReactNode, useEffect, useRef } from "react";

const APP_NAME = "Mend";
let firstPageShown = false;

/** Sets a neutral document title: "Agreements · Mend". Never names what happened. */
export function useDocumentTitle(title?: string) {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}

interface PageProps {
  /** The visible heading of the page. */
  heading: ReactNode;
  /** The short, neutral part of the tab title; defaults to the heading when it is text. */
  title?: string;
  intro?: ReactNode;
  children: ReactNode;
  width?: "narrow" | "wide";
}

/**
 * One screen: sets the title and, after an in-app navigation, moves focus to the heading so
 * screen-reader users hear where they arrived.
 */
export function Page({ heading, title, intro, children, width = "wide" }: PageProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(title ?? (typeof heading === "string" ? heading : undefined));
  useEffect(() => {
    if (firstPageShown) headingRef.current?.focus({ preventScroll: false });
    firstPageShown = true;
  }, []);
  return (
    <div className={`page page--${width}`}>
      <header className="page__header">
        <h1 className="page__heading" tabIndex={-1} ref={headingRef}>
          {heading}
        </h1>
        {intro ? <div className="page__intro">{intro}</div> : null}
      </header>
      <div className="page__body">{children}</div>
    </div>
  );
}
