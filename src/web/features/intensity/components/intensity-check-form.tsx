import { Controller } from "react-hook-form";
import { z } from "zod";
import { IntensityBody } from "../../../../contracts/intensity.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { STABILIZE_LIMITS } from "../../../../domain/limits.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { ScaleField } from "../../../ui/scale-field.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { VisibilityField } from "../../../ui/visibility-field.tsx";
import { useRecordIntensity } from "../api/intensity.ts";
import { SCALE_HIGH, SCALE_LOW } from "../copy.ts";

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const CheckForm = draftOf(IntensityBody).extend({
  value: z
    .number({ error: "Choose a number from 0 to 10." })
    .int({ error: "Choose a number from 0 to 10." })
    .min(0)
    .max(10),
});

interface IntensityCheckFormProps {
  /** "quick" for Home: the number and a private box; "full" adds a note and every visibility. */
  variant?: "full" | "quick";
  onSaved?: (message: string) => void;
}

/** The daily "how intense does it feel", shared by default and private when chosen. */
export function IntensityCheckForm({ variant = "full", onSaved }: IntensityCheckFormProps) {
  const people = usePeople();
  const record = useRecordIntensity();
  const privateOnly = people.individualMode;
  const prefix = variant === "quick" ? "quick-intensity" : "intensity";
  const ids = { value: `${prefix}-0`, note: `${prefix}-note` };
  const { form, errors, submit, summary, status } = useSchemaForm(CheckForm, {
    defaultValues: { visibility: privateOnly ? "private" : "couple" },
    fieldIds: ids,
  });

  return (
    <form
      className="form form--tight"
      noValidate
      aria-label="Today's intensity check"
      onSubmit={submit(async (values) => {
        const body = privateOnly ? { ...values, visibility: "private" as const } : values;
        // The caller may replace this form once saved, so the answer is awaited here.
        await record.mutateAsync(body);
        const message =
          body.visibility === "private"
            ? `Saved: ${body.value}. Only you see this one.`
            : `Saved: ${body.value}. ${people.partnerName.charAt(0).toUpperCase()}${people.partnerName.slice(1)} can see it.`;
        // Back to the defaults, which empties the note's box too (a reset naming only some
        // fields leaves the others' boxes showing, into the next check); the chosen visibility
        // stays, as the person last set it.
        form.reset();
        form.setValue("visibility", body.visibility);
        if (!onSaved) return message;
        onSaved(message);
        return undefined;
      })}
    >
      <ErrorSummary errors={summary} />
      <Controller
        control={form.control}
        name="value"
        render={({ field }) => (
          <ScaleField
            id={prefix}
            size={variant === "quick" ? "compact" : "normal"}
            legend="How intense does it feel today?"
            hint="0 is calm, 10 is as intense as it gets. There's no right answer."
            lowLabel={SCALE_LOW}
            highLabel={SCALE_HIGH}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={errors.value?.message}
          />
        )}
      />
      {variant === "full" ? (
        <TextAreaField
          id={ids.note}
          label="A note"
          optional
          hint="What's behind the number, if you'd like to say."
          rows={2}
          maxLength={STABILIZE_LIMITS.noteMax}
          error={errors.note?.message}
          {...form.register("note", { setValueAs: blankToUndefined })}
        />
      ) : null}
      <Controller
        control={form.control}
        name="visibility"
        render={({ field }) =>
          variant === "full" || privateOnly ? (
            <VisibilityField
              id={`${prefix}-visibility`}
              value={field.value ?? "couple"}
              onChange={field.onChange}
              partnerName={people.partnerName}
              privateOnly={privateOnly}
            />
          ) : (
            <label className="check">
              <input
                type="checkbox"
                checked={field.value === "private"}
                onChange={(event) => field.onChange(event.target.checked ? "private" : "couple")}
              />
              Keep this one private (only you see it)
            </label>
          )
        }
      />
      <div className="actions">
        <Button type="submit" busy={record.isPending}>
          Save my check
        </Button>
      </div>
      <LiveStatus message={status} />
    </form>
  );
}
