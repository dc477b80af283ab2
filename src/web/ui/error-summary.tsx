import { useEffect, useRef } from "react";

export interface SummaryError {
  /** The id of the input to jump to, when the problem belongs to one. */
  fieldId?: string | undefined;
  message: string;
}

interface ErrorSummaryProps {
  errors: SummaryError[];
  title?: string;
  /** Move focus here when errors appear (for problems that no single field shows). */
  focusOnShow?: boolean;
}

/**
 * The name a person sees for a field: its group's legend for a choice, else its label, without
 * the "(optional)" mark. Read from the form on screen, so every summary names what it points to.
 */
function fieldName(fieldId: string): string | null {
  const field = document.getElementById(fieldId);
  if (!field) return null;
  const legend = field.closest("fieldset")?.querySelector("legend");
  const label = legend ?? document.querySelector(`label[for="${CSS.escape(fieldId)}"]`);
  const text = label?.textContent?.replace(/\(optional\)/i, "").trim();
  return text ? text.replace(/[?:.]$/, "") : null;
}

/** The list of what stopped a form, each linked to and naming its field. Announced when it appears. */
export function ErrorSummary({
  errors,
  title = "Something needs your attention",
  focusOnShow = false,
}: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => e.message).join("|");
  useEffect(() => {
    if (focusOnShow && signature) ref.current?.focus();
  }, [focusOnShow, signature]);

  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p className="error-summary__title">{title}</p>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={`${error.fieldId ?? ""}:${error.message}`}>
            {error.fieldId ? (
              <a
                href={`#${error.fieldId}`}
                onClick={(event) => {
                  const target = document.getElementById(error.fieldId ?? "");
                  if (target) {
                    event.preventDefault();
                    target.focus();
                    target.scrollIntoView({ block: "center" });
                  }
                }}
              >
                {fieldName(error.fieldId) ? `${fieldName(error.fieldId)}: ` : ""}
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
