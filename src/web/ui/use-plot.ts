import { type RefObject, useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

const MIN_WIDTH = 240;

/**
 * A uPlot chart in the element the returned ref is put on: as wide as its box (and resized with
 * it, to `heightFor` the new width), and drawn again when light and dark switch, because its
 * colours come from the design tokens. It is drawn anew whenever `data` changes (memoize it).
 */
export function usePlot(
  optionsFor: (width: number) => uPlot.Options,
  data: uPlot.AlignedData,
  heightFor: (width: number) => number,
): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null);
  // The latest options, read when drawing: a new function each render is no reason to redraw.
  const options = useRef(optionsFor);
  options.current = optionsFor;
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let plot: uPlot | null = null;
    const build = () => {
      plot?.destroy();
      plot = new uPlot(options.current(Math.max(element.clientWidth, MIN_WIDTH)), data, element);
    };
    build();
    let lastWidth = element.clientWidth;
    const resize = new ResizeObserver(() => {
      const width = Math.max(element.clientWidth, MIN_WIDTH);
      if (width === lastWidth) return;
      lastWidth = width;
      plot?.setSize({ width, height: heightFor(width) });
    });
    resize.observe(element);
    const scheme = window.matchMedia("(prefers-color-scheme: dark)");
    scheme.addEventListener("change", build);
    return () => {
      resize.disconnect();
      scheme.removeEventListener("change", build);
      plot?.destroy();
    };
  }, [data, heightFor]);
  return ref;
}
