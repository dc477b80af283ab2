import { Controller } from "react-hook-form";
import { CheckinBody } from "../../../../contracts/checkins.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { CHECKIN_SCALE_LABELS, CHECKIN_SCALES } from "../../../../domain/checkins.ts";
import { REBUILD_LIMITS } from "../../../../domain/limits.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { ScaleField } from "../../../ui/scale-field.tsx";
import { useToast } from "../../../ui/toast.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { type Checkin, isCheckinClosed, usePutCheckin } from "../api/checkins.ts";
import { WORDS_FIELDS, WORDS_ORDER } from "../copy.ts";
import { formValues } from "../weeks.ts";

const Answers = draftOf(CheckinBody);

/** The check-in's quick answers for the support signals: ticked, never written. */
const SUPPORT_ANSWERS = [
  { name: "sameConcern", label: "My concern is the same as last week" },
  { name: "pushedToMoveOn", label: "I feel pushed to move on" },
  { name: "dontKnowWhereToStart", label: "We want to rebuild but don't know where to start" },
] as const;

interface CheckinFormProps {
  week: string;
  /** Names the week in the form's label: "this week's" or "last week's". */
  weekName: string;
  /** One's own answers, when changing them. */
  mine: Checkin | null;
  /** Leaves changing without sending (only offered when there are answers to go back to). */
  onCancel?: () => void;
  /** After sending; the form may be replaced by the answers it sent. */
  onSent?: () => void;
}

/** One's own check-in for a week: four numbers and three short things to say. */
export function CheckinForm({ week, weekName, mine, onCancel, onSent }: CheckinFormProps) {
  const people = usePeople();
  const toast = useToast();
  const put = usePutCheckin();
  const prefix = `checkin-${week}`;
  const ids = {
    ...Object.fromEntries(CHECKIN_SCALES.map((scale) => [scale, `${prefix}-${scale}-0`])),
    ...Object.fromEntries(WORDS_ORDER.map((field) => [field, `${prefix}-${field}`])),
  };
  const { form, errors, submit, summary } = useSchemaForm(Answers, {
    defaultValues: formValues(mine),
    fieldIds: ids,
  });
  const changing = mine !== null;

  return (
    <form
      className="form checkin-form"
      noValidate
      aria-label={`${changing ? "Change" : "Write"} ${weekName} check-in`}
      onSubmit={submit(
        async (answers) => {
          await put.mutateAsync({ week, id: mine?.id ?? null, answers });
          toast(
            changing
              ? "Your changes are saved."
              : `Sent. ${people.nameOf(people.partner?.id, { capital: true })} sees it once you have both sent yours; until then you can still change it.`,
          );
          onSent?.();
        },
        (error) => {
          if (!isCheckinClosed(error)) return undefined;
          // Both answers now show side by side in place of this form, so the page says it.
          toast(
            `${people.nameOf(people.partner?.id, { capital: true })} sent theirs while you were changing yours, so this week is now closed. What you sent before stands, side by side with theirs.`,
          );
          return [];
        },
      )}
    >
      <ErrorSummary errors={summary} />
      {CHECKIN_SCALES.map((scale) => (
        <Controller
          key={scale}
          control={form.control}
          name={scale}
          render={({ field }) => (
            <ScaleField
              id={`${prefix}-${scale}`}
              size="compact"
              legend={CHECKIN_SCALE_LABELS[scale].label}
              lowLabel={CHECKIN_SCALE_LABELS[scale].low}
              highLabel={CHECKIN_SCALE_LABELS[scale].high}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors[scale]?.message}
            />
          )}
        />
      ))}
      {WORDS_ORDER.map((name) => (
        <TextAreaField
          key={name}
          id={`${prefix}-${name}`}
          label={WORDS_FIELDS[name].label}
          hint={WORDS_FIELDS[name].hint}
          rows={2}
          maxLength={REBUILD_LIMITS.checkinWordsMax}
          error={errors[name]?.message}
          {...form.register(name)}
        />
      ))}
      <fieldset className="choices checkin-form__also">
        <legend className="choices__legend">Anything else this week?</legend>
        <p className="muted small">
          Tick what is true for you. Each helps notice when a couples therapist could help; whoever
          reads this check-in reads these too.
        </p>
        {SUPPORT_ANSWERS.map(({ name, label }) => (
          <label key={name} className="check" htmlFor={`${prefix}-${name}`}>
            <input type="checkbox" id={`${prefix}-${name}`} {...form.register(name)} />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <Button type="submit" busy={put.isPending}>
          {changing ? "Save my changes" : "Send my check-in"}
        </Button>
        {onCancel ? (
          <Button variant="quiet" disabled={put.isPending} onClick={onCancel}>
            Keep it as it was
          </Button>
        ) : null}
      </div>
    </form>
  );
}
