import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useEffect,
  useId,
  useRef,
  useState,
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

/** Splits a field's props into what its label and messages need and what its control gets. */
function useFieldParts<P extends CommonProps & { className?: string | undefined }>(props: P) {
  const { label, hint, error, optional, id, className, ...rest } = props;
  const fieldId = useFieldId(id);
  return {
    shell: { id: fieldId, label, hint, error, optional, className },
    control: { ...rest, ...controlProps(fieldId, hint, error) },
  };
}

export interface TextFieldProps
  extends CommonProps,
    Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ ref, ...props }: TextFieldProps) {
  const { shell, control } = useFieldParts(props);
  return (
    <FieldShell {...shell}>
      <input type="text" {...control} ref={ref} className="field__control" />
    </FieldShell>
  );
}

export interface TextAreaFieldProps
  extends CommonProps,
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> {
  ref?: Ref<HTMLTextAreaElement>;
}

/**
 * A text area. With `maxLength`, the length is shown as a counter while typing and never cut
 * silently: going over is said by the form's own check, naming the field.
 */
export function TextAreaField({ ref, rows = 3, maxLength, ...props }: TextAreaFieldProps) {
  const { shell, control } = useFieldParts(props);
  const own = useRef<HTMLTextAreaElement | null>(null);
  // Read from the element at each render, so a form reset shows as well as typing does.
  const [, typed] = useState(0);
  useEffect(() => typed((n) => n + 1), []);
  const length = own.current?.value.length ?? 0;
  const over = maxLength !== undefined && length > maxLength;
  return (
    <FieldShell {...shell}>
      <textarea
        {...control}
        rows={rows}
        ref={(element) => {
          own.current = element;
          if (typeof ref === "function") ref(element);
          else if (ref) ref.current = element;
          // A form reset writes the value in its ref callback, after this render counted it.
          if (element && element.value.length !== length) queueMicrotask(() => typed((n) => n + 1));
        }}
        onInput={() => typed((n) => n + 1)}
        className="field__control field__control--textarea"
      />
      {maxLength === undefined ? null : (
        <p className={`field__counter${over ? " field__counter--over" : ""}`} aria-hidden="true">
          {length} / {maxLength}
        </p>
      )}
    </FieldShell>
  );
}

export interface SelectFieldProps
  extends CommonProps,
    Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> {
  ref?: Ref<HTMLSelectElement>;
  /** With `group`, options are shown under their group's heading, groups in order of appearance. */
  options: ReadonlyArray<{ value: string; label: string; group?: string }>;
}

export function SelectField({ ref, options, ...props }: SelectFieldProps) {
  const { shell, control } = useFieldParts(props);
  const groups = [...new Set(options.map((option) => option.group))];
  const render = (list: typeof options) =>
    list.map((option) => (
      <option key={option.value} value={option.value}>
        {option.label}
      </option>
    ));
  return (
    <FieldShell {...shell}>
      <select {...control} ref={ref} className="field__control field__control--select">
        {groups.map((group) =>
          group === undefined ? (
            render(options.filter((option) => option.group === undefined))
          ) : (
            <optgroup key={group} label={group}>
              {render(options.filter((option) => option.group === group))}
            </optgroup>
          ),
        )}
      </select>
    </FieldShell>
  );
}
