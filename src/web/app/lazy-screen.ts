import {
  type ComponentProps,
  createElement,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  useState,
} from "react";

/** Any component React.lazy takes (its own constraint, props of any kind). */
type Lazyable = Awaited<ReturnType<Parameters<typeof lazy>[0]>>["default"];

export type LazyScreen<C extends Lazyable> = ((props: ComponentProps<C>) => ReactNode) & {
  /** Loads the screen's code ahead of need, so showing it later waits for nothing. */
  preload: () => Promise<unknown>;
};

/**
 * One named export of a module, loaded when it is first shown. Once its code is here (shown
 * before, or preloaded) it renders at once: React.lazy alone would still suspend for a moment
 * and flash its fallback. Every script stays pinned: the import map carries the integrity of
 * every file the build made, lazy ones too (ADR 0015).
 */
export function lazyScreen<M extends Record<K, Lazyable>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): LazyScreen<M[K]> {
  let loaded: M[K] | undefined;
  let loading: Promise<M> | undefined;
  const once = () => {
    loading ??= load().then(
      (module) => {
        loaded = module[name];
        return module;
      },
      (error: unknown) => {
        // A preload that failed (offline for a moment) leaves the real load free to try again.
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const Lazy: LazyExoticComponent<M[K]> = lazy(async () => ({ default: (await once())[name] }));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per screen as its module loads, never during a render
  const Screen = (props: ComponentProps<M[K]>) => {
    // Chosen once per instance: changing it later would remount the screen and lose its state.
    const [component] = useState(() => loaded ?? Lazy);
    return createElement(component, props);
  };
  return Object.assign(Screen, { preload: once });
}
