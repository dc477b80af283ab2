import "./zod-settings.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import "../ui/styles/index.css";
import { hasDeviceKeys } from "../features/account/api/device-storage.ts";
import { getMe, meQueryKey } from "../features/account/api/me.ts";
import { InsecureContext } from "./insecure-context.tsx";
import { preloadFirstPaint, preloadOnIntent } from "./preload.ts";
import { AppProviders } from "./providers.tsx";
import { queryClient } from "./query-client.ts";
import { installQuickExitShortcut } from "./quick-exit.tsx";
import { AppRoutes } from "./router.tsx";

// First of all: the way out must work before anything else has loaded.
installQuickExitShortcut();

const container = document.getElementById("root");
if (!container) throw new Error("The page has no #root element.");
const root = createRoot(container);

function render() {
  root.render(
    <StrictMode>
      {globalThis.crypto?.subtle ? (
        <AppProviders>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AppProviders>
      ) : (
        <InsecureContext />
      )}
    </StrictMode>,
  );
}

/**
 * The first date formatter a page makes loads the browser's locale data: ~13 ms on a desktop,
 * four times that on a phone. Made while a signed-in screen waits for its data, that is a pause
 * of its own rather than part of the screen's first render, which shows dates.
 */
function warmDateFormatting() {
  const warm = () => new Intl.DateTimeFormat(undefined, { dateStyle: "long" }).format(0);
  if ("requestIdleCallback" in window) window.requestIdleCallback(warm, { timeout: 1_000 });
  else globalThis.setTimeout(warm, 0);
}

// Who is here is asked while the code of the first screen arrives, not after it.
const signedIn = hasDeviceKeys();
if (signedIn) void queryClient.prefetchQuery({ queryKey: meQueryKey, queryFn: getMe });
void preloadFirstPaint(window.location.pathname)
  .then(render)
  .then(() => {
    if (signedIn) warmDateFormatting();
  })
  .then(() => import("./service-worker-registration.ts"))
  .then((worker) => worker.registerServiceWorkerWhenIdle());
preloadOnIntent();
