import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { PublicConfig } from "../../contracts/account.ts";
import { apiRequest } from "../ui/api-client.ts";

export const FALLBACK_EXIT_URL = "https://duckduckgo.com/?q=weather";

/** Only a plain web address may be a destination; anything else falls back to the default. */
export function safeExitUrl(candidate: string | undefined): string {
  if (!candidate) return FALLBACK_EXIT_URL;
  try {
    const url = new URL(candidate);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : FALLBACK_EXIT_URL;
  } catch {
    return FALLBACK_EXIT_URL;
  }
}

export function useConfig() {
  return useQuery({
    queryKey: ["config"],
    queryFn: ({ signal }) =>
      apiRequest("/api/config", PublicConfig, { signal, expectUnauthorized: true }),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}

/**
 * Leaves at once: blank the page, forget client state, end the session (best effort) and
 * replace this page in the history with a neutral one, so Back does not return here.
 */
export function leaveNow(exitUrl: string, clearCache: () => void): void {
  document.documentElement.classList.add("is-exiting");
  document.title = "";
  try {
    clearCache();
  } catch {
    // leaving matters more than tidying up
  }
  try {
    sessionStorage.clear();
  } catch {
    // storage may be blocked
  }
  try {
    navigator.sendBeacon?.("/api/auth/logout");
  } catch {
    // best effort
  }
  window.location.replace(exitUrl);
}

const SHIFT_PRESSES = 3;
const SHIFT_WINDOW_MS = 1000;

/** The quick exit button, first in the tab order, plus the Shift ×3 shortcut. */
export function QuickExit() {
  const queryClient = useQueryClient();
  const config = useConfig();
  const exitUrl = safeExitUrl(config.data?.quickExitUrl);
  const exitRef = useRef(exitUrl);
  exitRef.current = exitUrl;

  const exit = useCallback(
    () => leaveNow(exitRef.current, () => queryClient.clear()),
    [queryClient],
  );

  useEffect(() => {
    let presses: number[] = [];
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Shift") {
        // Only Shift pressed on its own counts; typing capitals in between does not.
        presses = [];
        return;
      }
      if (event.repeat) return;
      const now = event.timeStamp || performance.now();
      presses = [...presses.filter((t) => now - t < SHIFT_WINDOW_MS), now];
      if (presses.length >= SHIFT_PRESSES) {
        presses = [];
        exit();
      }
    }
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [exit]);

  return (
    <>
      <button
        type="button"
        className="quick-exit"
        onClick={exit}
        aria-describedby="quick-exit-help"
      >
        <svg className="quick-exit__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path
            d="M6 2H3a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3M10.5 11.5 14 8l-3.5-3.5M14 8H6"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        Quick exit
      </button>
      <span id="quick-exit-help" className="visually-hidden">
        Leaves this site at once and opens a neutral page. You can also press Shift three times.
      </span>
    </>
  );
}
