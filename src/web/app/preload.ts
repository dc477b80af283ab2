import { Children, isValidElement, type ReactNode } from "react";
import { matchRoutes } from "react-router";
import { hasDeviceKeys } from "../features/account/api/device-storage.ts";
import type { LazyScreen } from "./lazy-screen.ts";
import { routes } from "./router.tsx";
import { screens } from "./screens.ts";

function isLazyScreen(type: unknown): type is LazyScreen<never> {
  return typeof type === "function" && "preload" in type;
}

/** The lazy screens a route's element shows: itself, or what a guard wraps (<SignedOutOnly>). */
function lazyScreensIn(node: ReactNode): LazyScreen<never>[] {
  if (!isValidElement<{ children?: ReactNode }>(node)) return [];
  const own = isLazyScreen(node.type) ? [node.type] : [];
  return [...own, ...Children.toArray(node.props.children).flatMap(lazyScreensIn)];
}

/** Loads the code of the screens these paths lead to, and of the guards on the way. */
export function preloadScreensAt(paths: readonly string[]): Promise<unknown> {
  const loads = [...new Set(paths)].flatMap((path) =>
    (matchRoutes(routes, path) ?? []).flatMap(({ route }) =>
      lazyScreensIn(route.element).map((screen) => screen.preload()),
    ),
  );
  return Promise.allSettled(loads);
}

/**
 * What the first paint needs beyond the frame: the screen at this address and, on a device
 * someone signed in on, their header and their home. Painted only once that has come, the
 * first paint is the screen itself (never a "Loading…" that the screen then pushes about), and
 * no long run of script follows it.
 */
export function preloadFirstPaint(pathname: string): Promise<unknown> {
  const signedIn = hasDeviceKeys()
    ? [
        screens.SignedInHeader.preload(),
        ...(pathname === "/" ? [screens.RequireCouple.preload(), screens.Home.preload()] : []),
      ]
    : [];
  return Promise.allSettled([preloadScreensAt([pathname]), ...signedIn]);
}

/**
 * A link pointed at, touched or focused is likely to be followed: its screen's code is loaded
 * then, so following it waits for little more than it did when every screen came at once.
 */
export function preloadOnIntent(): void {
  const intent = (event: Event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!(link instanceof HTMLAnchorElement) || link.origin !== window.location.origin) return;
    void preloadScreensAt([link.pathname]);
  };
  for (const type of ["pointerover", "touchstart", "focusin"]) {
    document.addEventListener(type, intent, { passive: true, capture: true });
  }
}
