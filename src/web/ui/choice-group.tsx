import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { describedBy, FieldMessages, useFieldId } from "./field.tsx";

export interface Choice<V extends string> {
  value: V;
  label: ReactNode;
  description?: ReactNode;
}

interface ChoiceGroupProps<V extends string> {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  choices: ReadonlyArray<Choice<V>>;
  /** Either a react-hook-form registration… */
  registration?: UseFormRegisterReturn;
  /** …or a controlled value. */
  name?: string;
  value?: V | null;
  onChange?: (value: V) => void;
  disabled?: boolean;
  /** Large, card-like options for choices that matter; compact for quick answers. */
  size?: "large" | "compact";
  /** A stable base for the option ids (`<id>-<value>`), e.g. to link an error summary. */
  id?: string;
}

/** A native fieldset of radio buttons, with hint and error tied to the group. */
export function ChoiceGroup<V extends string>({
  legend,
  hint,
  error,
  choices,
  registration,
  name,
  value,
  onChange,
  disabled,
  size = "large",
  id: baseId,
}: ChoiceGroupProps<V>) {
  const id = useFieldId(baseId, "g");
  const groupName = registration?.name ?? name ?? id;
  return (
    <fieldset
      className={`choices choices--${size}${error ? " choices--invalid" : ""}`}
      aria-describedby={describedBy(id, hint, error)}
      disabled={disabled}
    >
      <legend className="choices__legend">{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="choices__list">
        {choices.map((choice) => {
          const optionId = `${id}-${choice.value}`;
          const controlled =
            registration === undefined
              ? {
                  name: groupName,
                  checked: value === choice.value,
                  onChange: () => onChange?.(choice.value),
                }
              : registration;
          return (
            <div className="choice" key={choice.value}>
              <input
                type="radio"
                id={optionId}
                value={choice.value}
                className="choice__input"
                aria-describedby={choice.description ? `${optionId}-desc` : undefined}
                aria-invalid={error ? true : undefined}
                {...controlled}
              />
              <label htmlFor={optionId} className="choice__label">
                <span className="choice__title">{choice.label}</span>
                {choice.description ? (
                  <span className="choice__description" id={`${optionId}-desc`}>
                    {choice.description}
                  </span>
                ) : null}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
