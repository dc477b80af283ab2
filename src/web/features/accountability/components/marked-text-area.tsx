import { useEffect, useMemo, useState } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { defensivenessMarks } from "../../../../domain/defensiveness.ts";
import { HighlightedTextArea } from "../../../ui/highlighted-text-area.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { marksAnnouncement } from "../highlight.ts";
import { HelperMarks } from "./helper-marks.tsx";

/** Waits for a pause in typing before a count is read out. */
const ANNOUNCE_PAUSE_MS = 1200;

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
 * A text area with the defensiveness helper: marked words are highlighted behind the text,
 * listed under the field, and their count is read out politely once typing pauses.
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
    <HighlightedTextArea
      id={id}
      label={label}
      hint={hint}
      value={value}
      spans={marks}
      rows={rows}
      maxLength={maxLength}
      error={error}
      registration={registration}
      {...(onLeave ? { onLeave } : {})}
    >
      <HelperMarks marks={marks} id={`${id}-marks`} />
      <LiveStatus message={announced.message} className="visually-hidden" />
    </HighlightedTextArea>
  );
}
