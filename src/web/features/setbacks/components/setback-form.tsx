import { z } from "zod";
import { SetbackBody } from "../../../../contracts/setbacks.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { REBUILD_LIMITS } from "../../../../domain/limits.ts";
import { SETBACK_KIND_LABELS, SETBACK_KINDS } from "../../../../domain/setbacks.ts";
import { Button } from "../../../ui/button.tsx";
import { ChoiceGroup } from "../../../ui/choice-group.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useLogSetback } from "../api/setbacks.ts";

// The contract's message lists the kinds as the wire names them; a person reads the labels.
const Draft = draftOf(SetbackBody).extend({
  kind: z.enum(SETBACK_KINDS, { error: "Choose what kind of setback it was." }),
});
const FIELD_IDS = { kind: "setback-kind-memory", text: "setback-text" };

/** Name a setback: what kind, and what happened, in one's own words. */
export function SetbackForm({ onStepBackSuggested }: { onStepBackSuggested: () => void }) {
  const people = usePeople();
  const log = useLogSetback();
  const { form, errors, submit, summary, status } = useSchemaForm(Draft, {
    defaultValues: { text: "" },
    fieldIds: FIELD_IDS,
  });

  return (
    <form
      className="form setback-form"
      noValidate
      aria-label="Name a setback"
      onSubmit={submit(async (values) => {
        const reply = await log.mutateAsync(values);
        form.reset({ text: "" });
        if (reply.suggestStepBack) onStepBackSuggested();
        return `Noted. ${people.nameOf(people.partner?.id, { capital: true })} can see it now, and either of you can add what helps repair it.`;
      })}
    >
      <ErrorSummary errors={summary} />
      <ChoiceGroup
        id="setback-kind"
        size="compact"
        legend="What kind of setback was it?"
        choices={SETBACK_KINDS.map((kind) => ({ value: kind, label: SETBACK_KIND_LABELS[kind] }))}
        registration={form.register("kind")}
        error={errors.kind?.message}
      />
      <TextAreaField
        id={FIELD_IDS.text}
        label="What happened"
        hint="In your own words: what happened, and how it felt. It doesn't have to be complete or fair yet."
        rows={4}
        maxLength={REBUILD_LIMITS.setbackMax}
        error={errors.text?.message}
        {...form.register("text")}
      />
      <div className="actions">
        <Button type="submit" busy={log.isPending}>
          Note this setback
        </Button>
      </div>
      <LiveStatus message={status} />
    </form>
  );
}
