import { whenIdle } from "../ui/when-idle.ts";

/**
 * Starts the service worker (service-worker.ts, built as /sw.js) once the first screen is up
 * and the browser is idle: it makes Mend installable and offline-aware, and nothing a person
 * sees waits for it. Only built apps have one, and browsers give service workers to secure
 * pages alone (https://, or this computer's own address).
 */
export function registerServiceWorkerWhenIdle(): void {
  if (!import.meta.env.PROD || !window.isSecureContext || !("serviceWorker" in navigator)) return;
  whenIdle(() => {
    // The browser checks /sw.js itself on every visit; its own copy of the file is not used.
    navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" }).catch(() => {
      // Without its worker Mend works as before, only not installable nor offline-aware.
    });
  });
}
