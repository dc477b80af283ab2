import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { lockDevice } from "../features/account/api/device-storage.ts";
import { LOGOUT_PATH } from "../features/account/api/me.ts";
import { publicConfigQuery } from "../features/account/api/public-config.ts";
import { whenIdle } from "../ui/when-idle.ts";
import { queryClient } from "./query-client.ts";

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

/** Where quick exit goes: the operator's choice once known, a neutral default until then. */
let exitUrl = FALLBACK_EXIT_URL;

/** True once the browser has first had nothing to do. */
function useFirstIdle(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => whenIdle(() => setIdle(true)), []);
  return idle;
}

export function useConfig() {
  const idle = useFirstIdle();
  return useQuery({
    ...publicConfigQuery,
    // Asked once the page is up and quiet: the way out works before that, to the default
    // destination.
    enabled: idle,
    retry: 1,
  });
}

/**
 * Leaves at once: blank the page, forget client state, end the session (best effort) and
 * replace this page in the history with a neutral one, so Back does not return here.
 */
export function leaveNow(): void {
  document.documentElement.classList.add("is-exiting");
  document.title = "";
  try {
    queryClient.clear();
  } catch {
    // leaving matters more than tidying up
  }
  try {
    lockDevice();
    sessionStorage.clear();
  } catch {
    // storage may be blocked
  }
  try {
    navigator.sendBeacon?.(LOGOUT_PATH);
  } catch {
    // best effort
  }
  window.location.replace(exitUrl);
}

const SHIFT_PRESSES = 3;
const SHIFT_WINDOW_MS = 1000;

/**
 * Shift pressed three times within a second leaves. Installed before React renders, so the
 * shortcut works while the app is still loading, and even if a screen has failed.
 */
export function installQuickExitShortcut(): void {
  let presses: number[] = [];
  window.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Shift") {
        // Only Shift pressed on its own counts; typing capitals in between does not.
        presses = [];
        return;
      }
      if (event.repeat) return;
      const now = performance.now();
      presses = [...presses.filter((t) => now - t < SHIFT_WINDOW_MS), now];
      if (presses.length >= SHIFT_PRESSES) {
        presses = [];
        leaveNow();
      }
    },
    true,
  );
}

/** The quick exit button: fixed, always on top, first in the tab order. */
export function QuickExit() {
  const config = useConfig();
  const configured = config.data?.quickExitUrl;
  useEffect(() => {
    exitUrl = safeExitUrl(configured);
  }, [configured]);

  return (
    <>
      <button
        type="button"
        className="quick-exit"
        onClick={leaveNow}
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
      {/* Hidden, yet still read as the button's description. */}
      <span id="quick-exit-help" hidden>
        Leaves this site at once and opens a neutral page. You can also press Shift three times.
      </span>
    </>
  );
}
