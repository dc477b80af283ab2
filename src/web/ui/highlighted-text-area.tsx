import { type FocusEvent, type ReactNode, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { TextAreaField } from "./field.tsx";
import { highlightSegments, type Span } from "./highlight-segments.ts";

/** The text area's own metrics, copied so the highlights wrap exactly as its text does. */
const MIRRORED = [
  "paddingTop",
  "paddingRight",
  "paddingBottom",
  "paddingLeft",
  "borderTopWidth",
  "borderRightWidth",
  "borderBottomWidth",
  "borderLeftWidth",
  "fontFamily",
  "fontSize",
  "fontWeight",
  "fontStyle",
  "lineHeight",
  "letterSpacing",
  "wordSpacing",
  "textIndent",
  "tabSize",
] as const;

interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

const sameBox = (a: Box | null, b: Box) =>
  a !== null &&
  a.top === b.top &&
  a.left === b.left &&
  a.width === b.width &&
  a.height === b.height;

function growToFit(element: HTMLTextAreaElement): void {
  element.style.height = "auto";
  const borders = element.offsetHeight - element.clientHeight;
  element.style.height = `${element.scrollHeight + borders}px`;
}

interface HighlightedTextAreaProps {
  id: string;
  label: string;
  hint?: ReactNode;
  value: string;
  /** What a writing helper points at in `value`. */
  spans: readonly Span[];
  maxLength: number;
  rows?: number;
  error?: string | undefined;
  registration: UseFormRegisterReturn;
  /** Called when the field is left, after the form has heard of it. */
  onLeave?: () => void;
  /** What goes under the field: the helper's list of what it marked. */
  children?: ReactNode;
}

/**
 * A text area with a writing helper's marks highlighted behind its text: a copy of the text
 * lies exactly under it, invisible but for the highlights. The field grows with its text, so the
 * copy never has to follow a scroll position. The highlight only points; the list under the
 * field is what says each mark, for every reader. The defensiveness helper and the promise
 * linter both write through it.
 */
export function HighlightedTextArea({
  id,
  label,
  hint,
  value,
  spans,
  maxLength,
  rows = 2,
  error,
  registration,
  onLeave,
  children,
}: HighlightedTextAreaProps) {
  const segments = useMemo(() => highlightSegments(value, spans), [value, spans]);
  const wrap = useRef<HTMLDivElement>(null);
  const area = useRef<HTMLTextAreaElement | null>(null);
  const mirror = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<Box | null>(null);

  // Grow to fit the text after every change, before the browser paints.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the value changing is the trigger
  useLayoutEffect(() => {
    if (area.current) growToFit(area.current);
  }, [value]);

  useLayoutEffect(() => {
    const element = area.current;
    const outer = wrap.current;
    const copy = mirror.current;
    if (!element || !outer || !copy) return;
    const measure = () => {
      // A narrower field wraps into more lines: grow again before measuring.
      growToFit(element);
      const style = getComputedStyle(element);
      for (const property of MIRRORED) copy.style[property] = style[property];
      const next = {
        top: element.offsetTop,
        left: element.offsetLeft,
        width: element.offsetWidth,
        height: element.offsetHeight,
      };
      setBox((before) => (sameBox(before, next) ? before : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    observer.observe(outer);
    return () => observer.disconnect();
  }, []);

  return (
    <div className="highlighted-field" ref={wrap}>
      <div
        className="highlighted-field__mirror"
        ref={mirror}
        aria-hidden="true"
        hidden={box === null}
        style={box ?? undefined}
      >
        {segments.map((segment, index) =>
          segment.span === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: runs of one text, in order
            <span key={index}>{segment.text}</span>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: runs of one text, in order
            <mark key={index} className="highlighted-field__mark">
              {segment.text}
            </mark>
          ),
        )}
        {/* A final line break takes a line in the text area; this keeps it in the copy too. */}
        {"\u200b"}
      </div>
      <TextAreaField
        id={id}
        label={label}
        hint={hint}
        rows={rows}
        maxLength={maxLength}
        error={error}
        {...registration}
        ref={(element) => {
          area.current = element;
          registration.ref(element);
        }}
        onBlur={(event: FocusEvent<HTMLTextAreaElement>) => {
          void registration.onBlur(event);
          onLeave?.();
        }}
      />
      {children}
    </div>
  );
}
