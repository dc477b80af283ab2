import type { ReactNode } from "react";
import { describedBy, FieldMessages, useFieldId } from "./field.tsx";

interface ScaleFieldProps {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** What the lowest and highest numbers mean, e.g. "calm" and "as intense as it gets". */
  lowLabel: string;
  highLabel: string;
  min?: number;
  max?: number;
  value: number | null | undefined;
  onChange: (value: number) => void;
  onBlur?: () => void;
  /** A stable base for the option ids (`<id>-<n>`), e.g. to link an error summary to `<id>-0`. */
  id?: string;
  disabled?: boolean;
  size?: "normal" | "compact";
}

/**
 * A row of numbers to pick one from, as native radio buttons (arrow keys move along). Nothing
 * is chosen at first, so the answer is always the person's own, never a default.
 */
export function ScaleField({
  legend,
  hint,
  error,
  lowLabel,
  highLabel,
  min = 0,
  max = 10,
  value,
  onChange,
  onBlur,
  id: baseId,
  disabled,
  size = "normal",
}: ScaleFieldProps) {
  const id = useFieldId(baseId, "s");
  const numbers = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <fieldset
      className={`scale scale--${size}${error ? " scale--invalid" : ""}`}
      aria-describedby={describedBy(id, hint, error)}
      disabled={disabled}
    >
      <legend className="choices__legend">{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="scale__options">
        {numbers.map((n) => (
          <div className="scale__option" key={n}>
            <input
              type="radio"
              className="scale__input"
              id={`${id}-${n}`}
              name={id}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
              onBlur={onBlur}
              aria-invalid={error ? true : undefined}
            />
            <label className="scale__label" htmlFor={`${id}-${n}`}>
              {n}
              {n === min ? <span className="visually-hidden"> ({lowLabel})</span> : null}
              {n === max ? <span className="visually-hidden"> ({highLabel})</span> : null}
            </label>
          </div>
        ))}
      </div>
      <div className="scale__ends" aria-hidden="true">
        <span>{lowLabel}</span>
        <span>{highLabel}</span>
      </div>
    </fieldset>
  );
}
