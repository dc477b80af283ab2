import { type FocusEvent, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { defensivenessMarks } from "../../../../domain/defensiveness.ts";
import { TextAreaField } from "../../../ui/field.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { marksAnnouncement, segmentsOf } from "../highlight.ts";
import { HelperMarks } from "./helper-marks.tsx";

/** Waits for a pause in typing before a count is read out. */
const ANNOUNCE_PAUSE_MS = 1200;

/** The textarea's own metrics, copied so the highlights wrap exactly as its text does. */
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

interface MarkedTextAreaProps {
  id: string;
  /** The field's label, also the name its marks are announced under. */
  label: string;
  hint?: string;
  value: string;
  maxLength: number;
  rows?: number;
  error?: string | undefined;
  registration: UseFormRegisterReturn;
  /** Called when the field is left, after the form has heard of it. */
  onLeave?: () => void;
}

/**
 * A text area with the defensiveness helper: marked words are highlighted behind the text (a
 * copy of the text laid exactly under it, the text itself invisible there), listed under the
 * field, and their count is read out politely once typing pauses. The field grows with its
 * text, so the copy never has to follow a scroll position.
 */
export function MarkedTextArea({
  id,
  label,
  hint,
  value,
  maxLength,
  rows = 6,
  error,
  registration,
  onLeave,
}: MarkedTextAreaProps) {
  const marks = useMemo(() => defensivenessMarks(value), [value]);
  const segments = useMemo(() => segmentsOf(value, marks), [value, marks]);
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

  const [announced, setAnnounced] = useState({ count: marks.length, message: "" });
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setAnnounced((before) => {
        const message = marksAnnouncement(label, marks.length, before.count);
        return message ? { count: marks.length, message } : before;
      });
    }, ANNOUNCE_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [label, marks.length]);

  return (
    <div className="accountability-field" ref={wrap}>
      <div
        className="accountability-field__mirror"
        ref={mirror}
        aria-hidden="true"
        hidden={box === null}
        style={box ?? undefined}
      >
        {segments.map((segment, index) =>
          segment.mark === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: runs of one text, in order
            <span key={index}>{segment.text}</span>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: runs of one text, in order
            <mark key={index} className="accountability-field__mark">
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
      <HelperMarks marks={marks} id={`${id}-marks`} />
      <LiveStatus message={announced.message} className="visually-hidden" />
    </div>
  );
}
