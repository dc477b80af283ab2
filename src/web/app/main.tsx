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

// Who is here is asked while the code of the first screen arrives, not after it.
if (hasDeviceKeys()) void queryClient.prefetchQuery({ queryKey: meQueryKey, queryFn: getMe });
void preloadFirstPaint(window.location.pathname)
  .then(render)
  .then(() => import("./service-worker-registration.ts"))
  .then((worker) => worker.registerServiceWorkerWhenIdle());
preloadOnIntent();
