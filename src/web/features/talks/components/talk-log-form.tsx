import { Controller } from "react-hook-form";
import { z } from "zod";
import { TalkLogBody } from "../../../../contracts/talks.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { STABILIZE_LIMITS } from "../../../../domain/limits.ts";
import { TALK_OUTCOMES } from "../../../../domain/talks.ts";
import { Button } from "../../../ui/button.tsx";
import { ChoiceGroup } from "../../../ui/choice-group.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { ScaleField } from "../../../ui/scale-field.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { VisibilityField } from "../../../ui/visibility-field.tsx";
import { type TalkWindowData, useLogTalk } from "../api/talk-times.ts";
import { OUTCOME_LABELS } from "../copy.ts";

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const number = (what: string) =>
  z
    .number({ error: `Choose a number for ${what}, from 0 to 10.` })
    .int()
    .min(0)
    .max(10);

/** The contract's body without the window (known here), in kinder words. */
const LogForm = draftOf(TalkLogBody)
  .omit({ windowStart: true })
  .extend({
    went: z.enum(TALK_OUTCOMES, { error: "Choose how the talk went." }),
    intensityBefore: number("before"),
    intensityAfter: number("after"),
  });

/** The one-minute log after a talk: how it went, and how intense it felt before and after. */
export function TalkLogForm({
  window,
  onLogged,
}: {
  window: TalkWindowData;
  onLogged?: (message: string) => void;
}) {
  const people = usePeople();
  const log = useLogTalk();
  const ids = {
    went: "log-went-calm",
    intensityBefore: "log-before-0",
    intensityAfter: "log-after-0",
    note: "log-note",
  };
  const { form, errors, submit, summary } = useSchemaForm(LogForm, {
    defaultValues: { visibility: "couple" },
    fieldIds: ids,
  });

  return (
    <form
      className="form form--tight"
      noValidate
      aria-label="How the talk went"
      onSubmit={submit(async (values) => {
        await log.mutateAsync({
          talkTimeId: window.talkTimeId,
          body: { ...values, windowStart: window.startsAt },
        });
        onLogged?.("Thank you. Your log is saved.");
      })}
    >
      <ErrorSummary errors={summary} />
      <ChoiceGroup
        id="log-went"
        size="compact"
        legend="How did it go?"
        error={errors.went?.message}
        registration={form.register("went")}
        choices={TALK_OUTCOMES.map((value) => ({ value, label: OUTCOME_LABELS[value] }))}
      />
      <Controller
        control={form.control}
        name="intensityBefore"
        render={({ field }) => (
          <ScaleField
            id="log-before"
            size="compact"
            legend="How intense did it feel before?"
            lowLabel="0 calm"
            highLabel="10 overwhelming"
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={errors.intensityBefore?.message}
          />
        )}
      />
      <Controller
        control={form.control}
        name="intensityAfter"
        render={({ field }) => (
          <ScaleField
            id="log-after"
            size="compact"
            legend="And after?"
            lowLabel="0 calm"
            highLabel="10 overwhelming"
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={errors.intensityAfter?.message}
          />
        )}
      />
      <TextAreaField
        id={ids.note}
        label="Anything to remember?"
        optional
        rows={2}
        maxLength={STABILIZE_LIMITS.noteMax}
        error={errors.note?.message}
        {...form.register("note", { setValueAs: blankToUndefined })}
      />
      <Controller
        control={form.control}
        name="visibility"
        render={({ field }) => (
          <VisibilityField
            id="log-visibility"
            therapistCanRead={false}
            value={field.value ?? "couple"}
            onChange={field.onChange}
            partnerName={people.partnerName}
            legend="Who sees this log?"
            collapsible
          />
        )}
      />
      <div className="actions">
        <Button type="submit" busy={log.isPending}>
          Save my log
        </Button>
      </div>
    </form>
  );
}
