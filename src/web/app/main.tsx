import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import "../ui/styles/index.css";
import { InsecureContext } from "./insecure-context.tsx";
import { AppProviders } from "./providers.tsx";
import { installQuickExitShortcut } from "./quick-exit.tsx";
import { router } from "./router.tsx";

// First of all: the way out must work before anything else has loaded.
installQuickExitShortcut();

const container = document.getElementById("root");
if (!container) throw new Error("The page has no #root element.");

createRoot(container).render(
  <StrictMode>
    {globalThis.crypto?.subtle ? (
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    ) : (
      <InsecureContext />
    )}
  </StrictMode>,
);
