import { StepBody } from "../../../../contracts/setbacks.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { REBUILD_LIMITS } from "../../../../domain/limits.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { isSetbackMovedOn, useAddStep } from "../api/setbacks.ts";

const Draft = draftOf(StepBody);

/** One step towards repair: something done, said or agreed. Either partner adds them. */
export function StepForm({ setbackId }: { setbackId: string }) {
  const add = useAddStep();
  const fieldId = `step-${setbackId}`;
  const { form, errors, submit, summary, status } = useSchemaForm(Draft, {
    defaultValues: { text: "" },
    fieldIds: { text: fieldId },
  });
  return (
    <form
      className="form form--tight"
      noValidate
      aria-label="Add a repair step"
      onSubmit={submit(
        async ({ text }) => {
          await add.mutateAsync({ id: setbackId, text });
          form.reset({ text: "" });
          return "Added. It shows with the steps above.";
        },
        (error) =>
          isSetbackMovedOn(error)
            ? ["This setback has been repaired meanwhile, so it takes no more steps."]
            : undefined,
      )}
    >
      <ErrorSummary errors={summary} />
      <TextAreaField
        id={fieldId}
        label="A repair step"
        hint="Something one of you did, said or agreed that helps: a talk, an apology, a change. Small steps count."
        rows={2}
        maxLength={REBUILD_LIMITS.stepMax}
        error={errors.text?.message}
        {...form.register("text")}
      />
      <div className="actions">
        <Button type="submit" size="small" busy={add.isPending}>
          Add this step
        </Button>
      </div>
      <LiveStatus message={status} />
    </form>
  );
}
