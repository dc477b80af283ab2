import { useEffect, useId, useRef, useState } from "react";
import { Button } from "./button.tsx";
import { LiveStatus } from "./status.tsx";

interface CopyFieldProps {
  label: string;
  value: string;
  buttonLabel?: string;
  /** What to say once copied: where the link goes next. */
  copiedMessage?: string;
}

/** A read-only field with a copy button; falls back to selecting the text for manual copy. */
export function CopyField({
  label,
  value,
  buttonLabel = "Copy link",
  copiedMessage = "Copied. You can paste it into a message now.",
}: CopyFieldProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState("");
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  async function copy() {
    window.clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(value);
      setStatus(copiedMessage);
    } catch {
      inputRef.current?.focus();
      inputRef.current?.select();
      setStatus("Your browser didn't allow copying. The link is selected: copy it by hand.");
    }
    timer.current = window.setTimeout(() => setStatus(""), 8000);
  }

  const id = `c${useId().replace(/:/g, "")}`;
  return (
    <div className="copy-field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field__row">
        <input
          ref={inputRef}
          id={id}
          className="field__control copy-field__input"
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button onClick={copy}>{buttonLabel}</Button>
      </div>
      <LiveStatus message={status} />
    </div>
  );
}
