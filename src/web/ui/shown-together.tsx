import { useIsFetching } from "@tanstack/react-query";
import { type ReactNode, startTransition, useEffect, useState } from "react";
import { Loading } from "./query-state.tsx";

/** Long enough for a calm screen to gather its parts; short enough that a slow one still shows. */
const AT_MOST_MS = 3_000;

/**
 * Parts of a screen that each load their own data, shown together once they have: one
 * "Loading…" first, then everything in its place, instead of cards that appear one by one and
 * push each other down. They are rendered (hidden) right after the screen itself, so they ask
 * at once.
 *
 * They are first rendered in a transition, which React splits into slices between which the
 * browser stays free: on a phone, rendering a whole screen's cards at once held the page for a
 * third of a second.
 */
export function ShownTogether({ label, children }: { label?: string; children: ReactNode }) {
  const [started, setStarted] = useState(false);
  useEffect(() => startTransition(() => setStarted(true)), []);
  const settled = useFirstSettled(started);
  return (
    <>
      {settled ? null : <Loading label={label} />}
      <div className="shown-together" hidden={!settled}>
        {started ? children : null}
      </div>
    </>
  );
}

/**
 * Once the parts are in place (`started`), true from the first moment nothing is being fetched
 * (or after AT_MOST_MS), and then for good.
 */
function useFirstSettled(started: boolean): boolean {
  const fetching = useIsFetching();
  const [settled, setSettled] = useState(false);

  useEffect(() => {
    if (settled) return;
    const timer = window.setTimeout(() => setSettled(true), AT_MOST_MS);
    return () => window.clearTimeout(timer);
  }, [settled]);

  useEffect(() => {
    if (!started || settled || fetching > 0) return;
    // Two frames with nothing in flight: a query that begins only once another has answered
    // has had its chance to start.
    let second = 0;
    const first = window.requestAnimationFrame(() => {
      second = window.requestAnimationFrame(() => setSettled(true));
    });
    return () => {
      window.cancelAnimationFrame(first);
      window.cancelAnimationFrame(second);
    };
  }, [started, fetching, settled]);

  return settled;
}
