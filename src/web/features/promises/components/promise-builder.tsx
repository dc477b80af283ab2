import { type Ref, useEffect, useImperativeHandle, useMemo, useRef, useState } from "react";
import { useWatch } from "react-hook-form";
import type { IsoDay } from "../../../../domain/dates.ts";
import { REBUILD_LIMITS } from "../../../../domain/limits.ts";
import { numberWord } from "../../../../domain/number-words.ts";
import { lintPromise } from "../../../../domain/promise-linter.ts";
import { type PromiseTemplate, TRANSPARENCY_AREAS } from "../../../../domain/promise-templates.ts";
import { WEEKDAYS } from "../../../../domain/schedule.ts";
import { Button } from "../../../ui/button.tsx";
import { ChoiceGroup } from "../../../ui/choice-group.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import {
  describedBy,
  FieldMessages,
  SelectField,
  TextAreaField,
  TextField,
} from "../../../ui/field.tsx";
import { formatDay } from "../../../ui/format.ts";
import { HighlightedTextArea } from "../../../ui/highlighted-text-area.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { type PromiseItem, useCreatePromise } from "../api/promises.ts";
import {
  type BuilderStart,
  bodyOf,
  builderSchema,
  emptyValues,
  lintCadence,
  reviewBounds,
  type Suggestion,
  splitLints,
  valuesFromPromise,
  valuesFromTemplate,
} from "../builder.ts";
import { AREA_LABELS, WEEKDAY_NAMES } from "../promise-view.ts";
import { LintList } from "./lint-list.tsx";
import { TemplatePicker } from "./template-picker.tsx";
import { TransparencyNote } from "./transparency-note.tsx";

/** Waits for a pause in typing before the linter's count is read out. */
const ANNOUNCE_PAUSE_MS = 1200;

const TEXT_LABEL = "What I will do";

export interface BuilderHandle {
  /** Fill the form from a template and bring it into view. */
  start: (template: PromiseTemplate) => void;
}

function thoughts(count: number): string {
  return count === 1 ? "one thought" : `${numberWord(count)} thoughts`;
}

/** Said once typing pauses, and only when the count changed. */
function useLintAnnouncement(count: number): string {
  const [announced, setAnnounced] = useState({ count, message: "" });
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setAnnounced((before) => {
        if (before.count === count) return before;
        const message =
          count === 0
            ? "The promise helper has nothing to add now."
            : `The promise helper has ${thoughts(count)}, listed under the fields.`;
        return { count, message };
      });
    }, ANNOUNCE_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [count]);
  return announced.message;
}

interface PromiseBuilderProps {
  today: IsoDay;
  /** The viewer's promises being tracked now, for the "too many at once" thought. */
  activeMine: number;
  /** Changing this promise's wording: the form starts from it and the new one replaces it. */
  replacing?: PromiseItem;
  /** After the change is sent, or on Cancel (changing only). */
  onClose?: (sent: boolean) => void;
  /** Offer the templates in the form (the page may offer them elsewhere). */
  templates?: boolean;
  ref?: Ref<BuilderHandle>;
}

/**
 * Make a promise: what, how the partner would notice, when, and of which kind. The promise
 * linter reads along as it is typed: marked words are highlighted behind the text, and each
 * thought comes with why and what to try, with a button to use the suggestion. It only advises.
 */
export function PromiseBuilder({
  today,
  activeMine,
  replacing,
  onClose,
  templates = true,
  ref,
}: PromiseBuilderProps) {
  const people = usePeople();
  const create = useCreatePromise();
  const partner = people.partner ? people.partnerName : "your partner";
  const prefix = replacing ? `promise-change-${replacing.id}` : "promise-new";
  const ids = {
    text: `${prefix}-text`,
    noticeHow: `${prefix}-notice`,
    cadence: `${prefix}-cadence-daily`,
    days: `${prefix}-days-mon`,
    kind: `${prefix}-kind-ordinary`,
    area: `${prefix}-area-finances`,
    reviewOn: `${prefix}-review`,
  };
  const schema = useMemo(() => builderSchema(today), [today]);
  const start = useMemo<BuilderStart>(
    () => (replacing ? valuesFromPromise(replacing, today) : emptyValues(today)),
    [replacing, today],
  );
  const { form, errors, submit, summary, status, clear } = useSchemaForm(schema, {
    defaultValues: start,
    fieldIds: ids,
  });
  const [said, setSaid] = useState("");
  const [undo, setUndo] = useState<{ field: "text" | "noticeHow"; value: string } | null>(null);

  const [text = "", noticeHow = "", cadence, days, kind] = useWatch({
    control: form.control,
    name: ["text", "noticeHow", "cadence", "days", "kind"],
  });
  const lints = useMemo(
    () =>
      lintPromise({
        text,
        noticeHow,
        cadence: lintCadence({ cadence, days }),
        // The promise being changed makes way for its new wording.
        activePromises: Math.max(0, activeMine - (replacing ? 1 : 0)),
      }),
    [text, noticeHow, cadence, days, activeMine, replacing],
  );
  const split = useMemo(() => splitLints(lints), [lints]);
  const announcement = useLintAnnouncement(lints.length);

  const labels = { text: TEXT_LABEL, noticeHow: `How ${partner} would notice` };

  const templateList = useRef<HTMLDetailsElement>(null);

  function startFrom(template: PromiseTemplate) {
    // The list folds away once one is picked, so the filled form is what follows.
    if (templateList.current) templateList.current.open = false;
    clear();
    form.reset(valuesFromTemplate(template, today));
    setUndo(null);
    setSaid(`“${template.title}” is in the form. Change it into your own words as you like.`);
    form.setFocus("text");
  }
  useImperativeHandle(ref, () => ({ start: startFrom }));

  function use(suggestion: Suggestion) {
    if (suggestion.field === "cadence") {
      form.setValue("cadence", suggestion.value, { shouldDirty: true });
      setSaid("The when is chosen. You can change it under “When is it due?”.");
      return;
    }
    const { field, value } = suggestion;
    setUndo({ field, value: form.getValues(field) ?? "" });
    form.setValue(field, value, { shouldDirty: true });
    form.setFocus(field);
    setSaid(`The suggestion is in “${labels[field]}”. Change it to fit you.`);
  }

  function putBack() {
    if (!undo) return;
    form.setValue(undo.field, undo.value, { shouldDirty: true });
    form.setFocus(undo.field);
    setUndo(null);
    setSaid("Your own words are back.");
  }

  const bounds = reviewBounds(kind ?? "ordinary", today);
  const daysError = (errors.days as { message?: string } | undefined)?.message;

  return (
    <form
      className="form form--tight promises-builder"
      noValidate
      aria-label={replacing ? "Change the promise's wording" : "Make a promise"}
      onSubmit={submit(async (values) => {
        setSaid("");
        await create.mutateAsync(bodyOf(values, replacing?.id));
        setUndo(null);
        if (replacing) {
          onClose?.(true);
          return;
        }
        form.reset(emptyValues(today));
        return people.partner
          ? `Your promise is with ${partner}. It's tracked from the day they accept it as meaningful.`
          : "Your promise is saved. Your partner can accept it once they've joined.";
      })}
    >
      <ErrorSummary errors={summary} />
      {replacing || !templates ? null : (
        <details className="disclosure promises-builder__templates" ref={templateList}>
          <summary>Start from a template</summary>
          <div className="disclosure__body">
            <TemplatePicker onPick={startFrom} />
          </div>
        </details>
      )}

      <HighlightedTextArea
        id={ids.text}
        label={labels.text}
        hint="One small thing you can do again and again, in your own words. Who, what and when fit in one sentence."
        value={text}
        spans={split.words}
        maxLength={REBUILD_LIMITS.promiseMax}
        error={errors.text?.message}
        registration={form.register("text", { onChange: () => setSaid("") })}
      />
      <LintList
        id={`${prefix}-word-lints`}
        title="The promise helper marks these words"
        lints={split.words}
        onUse={use}
      />

      <TextAreaField
        id={ids.noticeHow}
        label={labels.noticeHow}
        hint={`Something ${partner} could see or hear, without having to take your word for it. For example: “You'll get a message from me by 18:00.”`}
        rows={2}
        maxLength={REBUILD_LIMITS.noticeHowMax}
        error={errors.noticeHow?.message}
        {...form.register("noticeHow", { onChange: () => setSaid("") })}
      />

      <ChoiceGroup
        id={`${prefix}-cadence`}
        legend="When is it due?"
        hint="For a situation, name it in the promise, like “when my plans change”."
        size="compact"
        error={errors.cadence?.message}
        registration={form.register("cadence")}
        choices={[
          { value: "daily", label: "Every day" },
          { value: "weekdays", label: "On given weekdays" },
          { value: "weekly", label: "Once a week" },
          { value: "situational", label: "Whenever a situation comes up" },
        ]}
      />
      {cadence === "weekdays" ? (
        <fieldset
          className={`choices promises-days${daysError ? " choices--invalid" : ""}`}
          aria-describedby={describedBy(`${prefix}-days`, null, daysError)}
        >
          <legend className="choices__legend">Which days?</legend>
          <FieldMessages id={`${prefix}-days`} error={daysError} />
          <div className="promises-days__list">
            {WEEKDAYS.map((day) => (
              <label
                key={day}
                className="check promises-day-choice"
                htmlFor={`${prefix}-days-${day}`}
              >
                <input
                  type="checkbox"
                  id={`${prefix}-days-${day}`}
                  value={day}
                  aria-invalid={daysError ? true : undefined}
                  {...form.register("days")}
                />
                {WEEKDAY_NAMES[day]}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {cadence === "weekly" ? (
        <SelectField
          id={`${prefix}-weekly-day`}
          label="On which day?"
          options={[
            { value: "", label: `The weekday ${partner} accepts it` },
            ...WEEKDAYS.map((day) => ({ value: day, label: WEEKDAY_NAMES[day] })),
          ]}
          {...form.register("weeklyDay")}
        />
      ) : null}

      <ChoiceGroup
        id={`${prefix}-kind`}
        legend="What kind of promise?"
        error={errors.kind?.message}
        registration={form.register("kind")}
        choices={[
          {
            value: "ordinary",
            label: "A promise",
            description: "Something small you do, on its days.",
          },
          {
            value: "transparency",
            label: "A transparency routine",
            description: "Something you choose to open up for a while, with a review day.",
          },
        ]}
      />
      {kind === "transparency" ? (
        <>
          <TransparencyNote />
          <ChoiceGroup
            id={`${prefix}-area`}
            legend="What does it open up?"
            size="compact"
            error={errors.area?.message}
            registration={form.register("area")}
            choices={TRANSPARENCY_AREAS.map((value) => ({ value, label: AREA_LABELS[value] }))}
          />
        </>
      ) : null}

      <TextField
        id={ids.reviewOn}
        type="date"
        label="When to look at it again together"
        optional={kind !== "transparency"}
        min={bounds.min}
        max={bounds.max}
        hint={
          kind === "transparency"
            ? `A routine is time-limited: choose a day by ${formatDay(bounds.max)} at the latest.`
            : "About four weeks is a good first stretch. Choose another day if it suits you better."
        }
        error={errors.reviewOn?.message}
        {...form.register("reviewOn")}
      />

      <LintList
        id={`${prefix}-whole-lints`}
        title="Before you send it"
        lints={split.whole}
        onUse={use}
      />

      <div className="actions">
        <Button type="submit" busy={create.isPending}>
          {replacing ? "Send the new wording" : `Send to ${partner}`}
        </Button>
        {undo ? (
          <Button variant="quiet" onClick={putBack}>
            Put back what I wrote
          </Button>
        ) : null}
        {replacing ? (
          <Button variant="quiet" onClick={() => onClose?.(false)}>
            Cancel
          </Button>
        ) : null}
      </div>
      <LiveStatus message={status || said} />
      <LiveStatus message={announcement} className="visually-hidden" />
    </form>
  );
}
