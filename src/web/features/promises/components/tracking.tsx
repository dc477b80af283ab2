import { useId, useState } from "react";
import { z } from "zod";
import { MarkBody } from "../../../../contracts/promises.ts";
import { draftOf } from "../../../../contracts/words.ts";
import type { IsoDay } from "../../../../domain/dates.ts";
import { REBUILD_LIMITS } from "../../../../domain/limits.ts";
import { numberWord } from "../../../../domain/number-words.ts";
import type { PartnerView, SelfMark } from "../../../../domain/promises.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { SelectField, TextAreaField } from "../../../ui/field.tsx";
import { formatDay } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { type Occurrence, type PromiseItem, useMarkDay, useViewDay } from "../api/promises.ts";
import { dayLabel, dayViews, moreDays, splitDays, trackingDays } from "../promise-view.ts";
import { Failure } from "./failure.tsx";

const capitalized = (words: string) => `${words.charAt(0).toUpperCase()}${words.slice(1)}`;

const RepairDraft = z.object({ repairNote: draftOf(MarkBody).shape.repairNote });
const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/**
 * Marking a day missed asks, gently and only if the promiser wants, what they will do to make
 * it right. It is a step towards repair, never a penalty, and the day is marked either way.
 */
function RepairForm({
  id,
  day,
  busy,
  onSend,
  onCancel,
}: {
  id: string;
  day: string;
  busy: boolean;
  onSend: (repairNote: string | undefined) => Promise<void>;
  onCancel: () => void;
}) {
  const people = usePeople();
  const fieldId = `${id}-repair`;
  const { form, errors, submit, summary } = useSchemaForm(RepairDraft, {
    defaultValues: {},
    fieldIds: { repairNote: fieldId },
  });
  return (
    <form
      className="inline-panel form form--tight promises-repair"
      noValidate
      aria-label={`Mark ${day} as missed`}
      onSubmit={submit((values) => onSend(values.repairNote))}
    >
      <ErrorSummary errors={summary} />
      <p className="promises-repair__intro">
        A missed day happens, and saying so honestly is part of keeping a promise. If you'd like,
        add what you'll do to make it right. {people.partner ? people.partnerName : "Your partner"}{" "}
        will see it with the day.
      </p>
      <TextAreaField
        id={fieldId}
        label="What I'll do to make it right"
        optional
        hint="A small step, like “Tell you tonight what got in the way, and text tomorrow by 18:00.”"
        rows={2}
        maxLength={REBUILD_LIMITS.repairNoteMax}
        error={errors.repairNote?.message}
        {...form.register("repairNote", { setValueAs: blankToUndefined })}
      />
      <div className="actions">
        <Button type="submit" busy={busy}>
          Mark it missed
        </Button>
        <Button variant="quiet" disabled={busy} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

const SELF_BUTTONS: ReadonlyArray<{ value: SelfMark; label: string }> = [
  { value: "kept", label: "Kept" },
  { value: "missed", label: "Missed" },
];
const PARTNER_BUTTONS: ReadonlyArray<{ value: PartnerView; label: string }> = [
  { value: "saw-it", label: "I saw it" },
  { value: "did-not-see", label: "I didn't see it" },
];

function DayRow({
  promise,
  occurrence,
  today,
  readOnly,
  busy,
  onMark,
  onView,
}: {
  promise: PromiseItem;
  occurrence: Occurrence;
  today: IsoDay;
  readOnly: boolean;
  busy: boolean;
  onMark: (mark: SelfMark, repairNote?: string) => Promise<void>;
  onView: (view: PartnerView) => Promise<void>;
}) {
  const people = usePeople();
  const [missing, setMissing] = useState(false);
  const id = `day${useId().replace(/:/g, "")}`;
  const label = dayLabel(occurrence.on, today, formatDay);
  const full = label === formatDay(occurrence.on) ? label : `${label}, ${formatDay(occurrence.on)}`;
  const names = promise.mine
    ? { promiser: "You", partner: people.nameOf(people.partner?.id, { capital: true }) }
    : { promiser: people.nameOf(promise.by, { capital: true }), partner: "You" };
  const views = dayViews(occurrence, names);
  const promiser = promise.mine ? "You" : people.nameOf(promise.by, { capital: true });

  return (
    <li className={`promises-day${views.differ ? " promises-day--differ" : ""}`}>
      <div className="promises-day__head">
        <p className="promises-day__name">
          {label}
          {label === formatDay(occurrence.on) ? null : (
            <span className="muted small"> · {formatDay(occurrence.on)}</span>
          )}
        </p>
        {occurrence.excused ? <span className="badge badge--calm">Day off, agreed</span> : null}
      </div>
      <p className="promises-day__views">
        <span>{views.self}</span>
        <span aria-hidden="true"> · </span>
        <span className="visually-hidden">; </span>
        <span>{views.partner}</span>
      </p>
      {views.differ ? (
        <p className="promises-day__differ small">
          Seen differently. Both views stay just as each of you gave them; it may be worth a gentle
          word together.
        </p>
      ) : null}
      {occurrence.repairNote ? (
        <p className="promises-day__repair small">
          <span className="muted">
            {promiser === "You" ? "What you'll do" : `What ${promiser} will do`} to make it right:{" "}
          </span>
          <span className="user-text">{occurrence.repairNote}</span>
        </p>
      ) : null}
      {readOnly || missing ? null : (
        <div className="actions promises-day__actions">
          {promise.mine
            ? SELF_BUTTONS.map((button) => (
                <Button
                  key={button.value}
                  size="small"
                  variant={occurrence.self === button.value ? "primary" : "secondary"}
                  aria-pressed={occurrence.self === button.value}
                  aria-label={`${button.label}, ${full}`}
                  disabled={busy}
                  onClick={() =>
                    button.value === "missed" ? setMissing(true) : void onMark("kept")
                  }
                >
                  {button.label}
                </Button>
              ))
            : PARTNER_BUTTONS.map((button) => (
                <Button
                  key={button.value}
                  size="small"
                  variant={occurrence.partner === button.value ? "primary" : "secondary"}
                  aria-pressed={occurrence.partner === button.value}
                  aria-label={`${button.label}, ${full}`}
                  disabled={busy}
                  onClick={() => void onView(button.value)}
                >
                  {button.label}
                </Button>
              ))}
        </div>
      )}
      {missing ? (
        <RepairForm
          id={id}
          day={full}
          busy={busy}
          onSend={async (repairNote) => {
            await onMark("missed", repairNote);
            setMissing(false);
          }}
          onCancel={() => setMissing(false)}
        />
      ) : null}
    </li>
  );
}

function DayList({
  days,
  onMark,
  onView,
  ...rest
}: {
  days: readonly Occurrence[];
  promise: PromiseItem;
  today: IsoDay;
  readOnly: boolean;
  busy: boolean;
  onMark: (on: IsoDay, mark: SelfMark, repairNote?: string) => Promise<void>;
  onView: (on: IsoDay, view: PartnerView) => Promise<void>;
}) {
  return (
    <ul className="promises-days-list">
      {days.map((occurrence) => (
        <DayRow
          key={occurrence.on}
          occurrence={occurrence}
          onMark={(value, note) => onMark(occurrence.on, value, note)}
          onView={(value) => onView(occurrence.on, value)}
          {...rest}
        />
      ))}
    </ul>
  );
}

/**
 * The days of the last week that can still be marked, newest first. The promiser marks each
 * kept or missed; the partner says whether they saw it. Where the two differ, both are shown
 * side by side, as each gave them.
 */
export function Tracking({
  promise,
  today,
  readOnly,
}: {
  promise: PromiseItem;
  today: IsoDay;
  readOnly: boolean;
}) {
  const people = usePeople();
  const mark = useMarkDay();
  const view = useViewDay();
  const [added, setAdded] = useState<IsoDay[]>([]);
  const [said, setSaid] = useState("");
  const days = trackingDays(promise, today, added);
  const split = splitDays(days, promise.mine, today);
  const more = promise.cadence.kind === "situational" ? moreDays(promise, today, days) : [];
  const busy = mark.isPending || view.isPending;
  const failed = mark.error ?? view.error;
  const promiser = people.nameOf(promise.by, { capital: true });
  const partner = people.partner ? people.partnerName : "Your partner";
  const situational = promise.cadence.kind === "situational";
  const explanation = promise.mine
    ? `${situational ? "When the situation came up, mark how it went, up to a week back; on days it didn't, there is nothing to mark." : "Mark each due day kept or missed, up to a week back."} ${partner} says what they saw, and where you see a day differently, both stay side by side.`
    : `${promiser} marks ${situational ? "the days the situation came up" : "each day"}. Say whether you saw it; where you see a day differently, both stay side by side.`;

  async function onMark(on: IsoDay, value: SelfMark, repairNote?: string) {
    setSaid("");
    view.reset();
    try {
      await mark.mutateAsync({ id: promise.id, on, mark: value, repairNote });
      const day = dayLabel(on, today, formatDay);
      setSaid(
        value === "kept"
          ? `${day}: marked kept.`
          : `${day}: marked missed. Thank you for saying so honestly.`,
      );
    } catch {
      // said below, from the mutation's error
    }
  }

  async function onView(on: IsoDay, value: PartnerView) {
    setSaid("");
    mark.reset();
    try {
      await view.mutateAsync({ id: promise.id, on, view: value });
      const day = dayLabel(on, today, formatDay);
      setSaid(value === "saw-it" ? `${day}: you saw it.` : `${day}: you didn't see it.`);
    } catch {
      // said below, from the mutation's error
    }
  }

  const rowProps = {
    promise,
    today,
    readOnly,
    busy,
    onMark,
    onView,
  };

  return (
    <div className="promises-tracking">
      <h4 className="promises-card__subheading">The last week</h4>
      <p className="muted small">{explanation}</p>
      {days.length === 0 ? (
        <p className="promises-tracking__none">
          No day to mark right now. The next due day shows here when it comes.
        </p>
      ) : (
        <>
          <DayList days={split.open} {...rowProps} />
          {split.settled.length > 0 ? (
            <details className="disclosure promises-settled">
              <summary>
                {split.settled.length === 1
                  ? "One more day, already marked"
                  : `${capitalized(numberWord(split.settled.length))} more days, already marked`}
              </summary>
              <div className="disclosure__body">
                <DayList days={split.settled} {...rowProps} />
              </div>
            </details>
          ) : null}
        </>
      )}
      {more.length > 0 && !readOnly ? (
        <SelectField
          label={promise.mine ? "It came up on another day" : "You saw it come up on another day"}
          hint={promise.mine ? "Add the day, then mark it." : "Add the day, then say what you saw."}
          value=""
          onChange={(event) => {
            const day = event.target.value;
            if (day) setAdded((before) => [...before, day]);
          }}
          options={[
            { value: "", label: "Choose a day" },
            ...more.map((day) => ({ value: day, label: dayLabel(day, today, formatDay) })),
          ]}
        />
      ) : null}
      {failed ? <Failure error={failed} /> : null}
      <LiveStatus message={said} />
    </div>
  );
}
