import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";

interface FieldShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode | undefined;
  error?: string | undefined;
  optional?: boolean | undefined;
  children: ReactNode;
  className?: string | undefined;
}

/** A field's or a group's hint and error lines, with the ids its control points to. */
export function FieldMessages({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: ReactNode | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

function FieldShell({ id, label, hint, error, optional, children, className }: FieldShellProps) {
  return (
    <div className={["field", error ? "field--invalid" : "", className ?? ""].join(" ").trim()}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional ? <span className="field__optional"> (optional)</span> : null}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** The given id, or a stable one of React's, usable in HTML ids and CSS. */
export function useFieldId(id: string | undefined, prefix = "f"): string {
  const autoId = useId();
  return id ?? `${prefix}${autoId.replace(/:/g, "")}`;
}

/** What a field's control carries: its id, and links to its hint and error for screen readers. */
function controlProps(fieldId: string, hint: unknown, error: unknown) {
  return {
    id: fieldId,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(fieldId, hint, error),
  };
}

interface CommonProps {
  label: ReactNode;
  hint?: ReactNode | undefined;
  error?: string | undefined;
  optional?: boolean | undefined;
  id?: string | undefined;
}

export interface TextFieldProps
  extends CommonProps,
    Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  ref?: Ref<HTMLInputElement>;
}

export function TextField({
  label,
  hint,
  error,
  optional,
  id,
  ref,
  className,
  ...input
}: TextFieldProps) {
  const fieldId = useFieldId(id);
  return (
    <FieldShell
      id={fieldId}
      label={label}
      hint={hint}
      error={error}
      optional={optional}
      className={className}
    >
      <input
        type="text"
        {...input}
        ref={ref}
        className="field__control"
        {...controlProps(fieldId, hint, error)}
      />
    </FieldShell>
  );
}

export interface TextAreaFieldProps
  extends CommonProps,
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> {
  ref?: Ref<HTMLTextAreaElement>;
}

export function TextAreaField({
  label,
  hint,
  error,
  optional,
  id,
  ref,
  className,
  rows = 3,
  ...textarea
}: TextAreaFieldProps) {
  const fieldId = useFieldId(id);
  return (
    <FieldShell
      id={fieldId}
      label={label}
      hint={hint}
      error={error}
      optional={optional}
      className={className}
    >
      <textarea
        {...textarea}
        rows={rows}
        ref={ref}
        className="field__control field__control--textarea"
        {...controlProps(fieldId, hint, error)}
      />
    </FieldShell>
  );
}

export interface SelectFieldProps
  extends CommonProps,
    Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> {
  ref?: Ref<HTMLSelectElement>;
  options: ReadonlyArray<{ value: string; label: string }>;
}

export function SelectField({
  label,
  hint,
  error,
  optional,
  id,
  ref,
  options,
  className,
  ...select
}: SelectFieldProps) {
  const fieldId = useFieldId(id);
  return (
    <FieldShell
      id={fieldId}
      label={label}
      hint={hint}
      error={error}
      optional={optional}
      className={className}
    >
      <select
        {...select}
        ref={ref}
        className="field__control field__control--select"
        {...controlProps(fieldId, hint, error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
