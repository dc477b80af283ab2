/// <reference lib="webworker" />

/**
 * Mend's service worker: what lets Mend be installed, and what answers kindly when the network
 * is gone. It keeps the app shell and nothing else: the hashed files under /assets/, the favicon
 * and the icons. Nothing under /api/ or /calendar/ is ever answered or kept here, so no word, key
 * or fact of a couple's reaches the device's storage through it (ADR 0025).
 *
 * Pages always come from the network, so a new deploy is seen on the next visit; only when the
 * network fails does a page get the offline page instead. Each build keeps its shell in a cache
 * of its own, filled before it takes over, and the caches of older builds are deleted then.
 *
 * build/service-worker.ts compiles this file for each build, filling in the constants below.
 */

declare const self: ServiceWorkerGlobalScope;
/** The path of every file of the shell. */
declare const SHELL_FILES: readonly string[];
/** Changes whenever any file of the shell does. */
declare const SHELL_VERSION: string;
/** The app's one stylesheet, pinned as index.html pins it: the offline page is drawn with it. */
declare const STYLESHEET: { href: string; integrity: string };

const CACHE = `mend-shell-${SHELL_VERSION}`;
const SHELL = new Set(SHELL_FILES);

/** Where the couple's data is: always the network's to answer, never kept on the device. */
function isNeverKept(path: string): boolean {
  return ["/api", "/calendar"].some((root) => path === root || path.startsWith(`${root}/`));
}

self.addEventListener("install", (event) => {
  event.waitUntil(fillShell().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(takeOver());
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (isNeverKept(url.pathname)) return;
  if (request.mode === "navigate") event.respondWith(pageOrOffline(event));
  else if (SHELL.has(url.pathname)) event.respondWith(fromShell(request, url.pathname));
});

async function fillShell(): Promise<void> {
  const cache = await caches.open(CACHE);
  await Promise.all(
    SHELL_FILES.map(async (path) => {
      // Asked without cookies: the shell is the same for everyone, and an answer to a request
      // that sends none has no session to renew, so no response kept here sets a cookie.
      const response = await fetch(path, { credentials: "omit", cache: "no-cache" });
      if (!response.ok) throw new Error(`The shell file ${path} answered ${response.status}.`);
      await cache.put(path, response);
    }),
  );
}

async function takeOver(): Promise<void> {
  // Every other cache of this origin is an older build's shell: nothing else is ever kept.
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name)));
  // Lets the page's request start while this worker wakes, instead of after.
  await self.registration.navigationPreload?.enable();
  await self.clients.claim();
}

async function pageOrOffline(event: FetchEvent): Promise<Response> {
  try {
    const preloaded: Response | undefined = await event.preloadResponse;
    return preloaded ?? (await fetch(event.request));
  } catch {
    return offlinePage();
  }
}

async function fromShell(request: Request, path: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  // The shell is kept decoded, for any Accept-Encoding a request may have been sent with.
  const kept = await cache.match(path, { ignoreVary: true });
  return kept ?? fetch(request);
}

const MARK =
  '<svg class="brand__mark" viewBox="0 0 64 64" aria-hidden="true" focusable="false"><rect width="64" height="64" rx="14" fill="var(--color-primary)"/><path d="M16 44V22l16 14 16-14v22" fill="none" stroke="var(--color-on-primary)" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/></svg>';

const EXIT_ICON =
  '<svg class="quick-exit__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M6 2H3a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3M10.5 11.5 14 8l-3.5-3.5M14 8H6" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></svg>';

/**
 * Quick exit, to the neutral page the app's own falls back to (src/web/app/quick-exit.tsx): a
 * form, so that it is the same button as everywhere else and needs no script.
 */
const EXIT_ORIGIN = "https://duckduckgo.com";
const QUICK_EXIT = `<form action="${EXIT_ORIGIN}/" method="get"><input type="hidden" name="q" value="weather" /><button type="submit" class="quick-exit">${EXIT_ICON}Quick exit</button></form>`;

/**
 * What a page says when the network is down: drawn here, from the kept stylesheet, with no
 * script at all. "Try again" asks for the same address once more.
 */
function offlinePage(): Response {
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <meta name="robots" content="noindex, nofollow" />
    <title>Offline · Mend</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="${STYLESHEET.href}" integrity="${STYLESHEET.integrity}" crossorigin />
  </head>
  <body>
    ${QUICK_EXIT}
    <header class="site-header">
      <div class="site-header__inner">
        <div class="site-header__bar">
          <a href="/" class="brand" aria-label="Mend, home">${MARK}<span class="brand__name">Mend</span></a>
        </div>
      </div>
    </header>
    <main id="main" class="site-main">
      <div class="page page--narrow stack">
        <h1>You're offline</h1>
        <p>Nothing you write is stored on this device, so Mend needs a connection to show it. Everything you have written is kept safe and will be here when you're back.</p>
        <p><a class="button button--primary" href="">Try again</a></p>
      </div>
    </main>
  </body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      // Stricter than the app's own: this page runs no script, and its one form is the way out.
      "content-security-policy": `default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action ${EXIT_ORIGIN}; frame-ancestors 'none'`,
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
    },
  });
}

// A module, so that `self` and the constants above are this file's own declarations.
export {};
