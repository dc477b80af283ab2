import { useLayoutEffect, useState } from "react";

/**
 * How many "Loading…" states are on screen. What sits below them (the footer) waits while
 * there are any: shown early, it would jump down as each one fills in.
 */
let pending = 0;
const listeners = new Set<() => void>();

function changed(by: number) {
  pending += by;
  for (const listener of listeners) listener();
}

/** Counts one loading state until the returned function is called. */
export function markPending(): () => void {
  changed(1);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    changed(-1);
  };
}

/**
 * Whether any loading state is on screen. Heard in a layout effect, not through
 * useSyncExternalStore (which subscribes after the paint): a "Loading…" that comes and goes
 * before then would otherwise leave what is below it drawn in the wrong place for a frame.
 */
export function useAnythingPending(): boolean {
  const [anything, setAnything] = useState(false);
  useLayoutEffect(() => {
    const update = () => setAnything(pending > 0);
    listeners.add(update);
    update();
    return () => {
      listeners.delete(update);
    };
  }, []);
  return anything;
}
