import { useMemo, useState } from "react";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { ExcusalBody } from "../../../../contracts/promises.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { addDaysToDay, daysBetween, type IsoDay } from "../../../../domain/dates.ts";
import { REBUILD_LIMITS } from "../../../../domain/limits.ts";
import { isIsoDay } from "../../../../domain/occurrences.ts";
import { EXCUSAL_MAX_DAYS, excusalProblem } from "../../../../domain/promises.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField, TextField } from "../../../ui/field.tsx";
import { formatDay } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { Reveal } from "../../../ui/reveal.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import {
  type Excusal,
  type PromiseItem,
  useAnswerDaysOff,
  useAskDaysOff,
} from "../api/promises.ts";
import { visibleExcusals } from "../promise-view.ts";
import { Failure } from "./failure.tsx";

const Plain = draftOf(ExcusalBody);
const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

function daysOffSchema(today: IsoDay) {
  return z
    .object({
      from: Plain.shape.from,
      to: Plain.shape.to,
      reason: Plain.shape.reason,
    })
    .superRefine((values, context) => {
      const problem = excusalProblem(values.from, values.to, today);
      if (!problem) return;
      // A first day in the past is the first day's problem; a span too long or reversed, the last's.
      const first = !isIsoDay(values.from) || daysBetween(today, values.from) < 0;
      context.addIssue({ code: "custom", path: [first ? "from" : "to"], message: problem });
    });
}

function span(excusal: Pick<Excusal, "from" | "to">): string {
  return excusal.from === excusal.to
    ? formatDay(excusal.from)
    : `${formatDay(excusal.from)} to ${formatDay(excusal.to)}`;
}

/** Ask ahead for days off a promise: from today on, up to a month, with a reason if one likes. */
function AskDaysOffForm({ promise, today }: { promise: PromiseItem; today: IsoDay }) {
  const people = usePeople();
  const ask = useAskDaysOff();
  const ids = {
    from: `daysoff-${promise.id}-from`,
    to: `daysoff-${promise.id}-to`,
    reason: `daysoff-${promise.id}-reason`,
  };
  const schema = useMemo(() => daysOffSchema(today), [today]);
  const { form, errors, submit, summary, status } = useSchemaForm(schema, {
    defaultValues: { from: today, to: today },
    fieldIds: ids,
  });
  const from = useWatch({ control: form.control, name: "from" }) || today;
  return (
    <form
      className="form form--tight"
      noValidate
      aria-label="Ask for days off this promise"
      onSubmit={submit(async (values) => {
        await ask.mutateAsync({ id: promise.id, ...values });
        form.reset({ from: today, to: today, reason: undefined });
        return `Asked. ${people.partner ? people.partnerName : "Your partner"} can agree or say no; until then the days stay due.`;
      })}
    >
      <ErrorSummary errors={summary} />
      <p className="muted small">
        For travel, illness or a day you know will fall apart: agreed ahead, up to{" "}
        {EXCUSAL_MAX_DAYS} days. Agreed days off leave the score as it was.
      </p>
      <div className="form-row">
        <TextField
          id={ids.from}
          type="date"
          label="First day"
          min={today}
          error={errors.from?.message}
          {...form.register("from")}
        />
        <TextField
          id={ids.to}
          type="date"
          label="Last day"
          min={from}
          max={addDaysToDay(from, EXCUSAL_MAX_DAYS - 1)}
          error={errors.to?.message}
          {...form.register("to")}
        />
      </div>
      <TextAreaField
        id={ids.reason}
        label="Why"
        optional
        rows={2}
        maxLength={REBUILD_LIMITS.excusalReasonMax}
        error={errors.reason?.message}
        {...form.register("reason", { setValueAs: blankToUndefined })}
      />
      <div className="actions">
        <Button type="submit" busy={ask.isPending}>
          Ask for these days off
        </Button>
      </div>
      <LiveStatus message={status} />
    </form>
  );
}

function statusWords(excusal: Excusal, partner: string, asker: string): string {
  switch (excusal.status) {
    case "proposed":
      return excusal.mine ? `Waiting for ${partner} to agree` : `${asker} asks for these days off`;
    case "accepted":
      return "Agreed";
    case "declined":
      return excusal.mine ? `${partner} said no, so the days stay due` : "You said no";
  }
}

/**
 * Days off a promise, agreed ahead: the promiser asks, the partner agrees or says no. A request
 * waiting for the viewer comes with both answers.
 */
export function DaysOff({
  promise,
  today,
  readOnly,
}: {
  promise: PromiseItem;
  today: IsoDay;
  readOnly: boolean;
}) {
  const people = usePeople();
  const answer = useAnswerDaysOff();
  const [said, setSaid] = useState("");
  const shown = visibleExcusals(promise, today);
  const partner = people.partner ? people.partnerName : "your partner";
  const asker = people.nameOf(promise.by, { capital: true });
  const canAsk = promise.mine && promise.status === "active" && !readOnly;
  if (shown.length === 0 && !canAsk) return null;

  async function respond(excusal: Excusal, value: "accept" | "decline") {
    setSaid("");
    try {
      await answer.mutateAsync({ id: promise.id, eid: excusal.id, answer: value });
      setSaid(
        value === "accept"
          ? `Agreed: ${span(excusal)} off. Those days leave the score as it was.`
          : `You said no to ${span(excusal)}. The days stay due.`,
      );
    } catch {
      // said below, from the mutation's error
    }
  }

  return (
    <div className="promises-days-off">
      <h4 className="promises-card__subheading">Days off</h4>
      {shown.length > 0 ? (
        <ul className="promises-days-off__list">
          {shown.map((excusal) => (
            <li key={excusal.id} className={`promises-excusal promises-excusal--${excusal.status}`}>
              <p className="promises-excusal__span">{span(excusal)}</p>
              <p className="small">
                <span className="badge">{statusWords(excusal, partner, asker)}</span>
              </p>
              {excusal.reason ? (
                <p className="small">
                  <span className="muted">Why: </span>
                  <span className="user-text">{excusal.reason}</span>
                </p>
              ) : null}
              {excusal.status === "proposed" && !excusal.mine && !readOnly ? (
                <div className="actions">
                  <Button
                    size="small"
                    busy={answer.isPending && answer.variables?.answer === "accept"}
                    disabled={answer.isPending}
                    aria-label={`Agree: ${span(excusal)}`}
                    onClick={() => void respond(excusal, "accept")}
                  >
                    Agree
                  </Button>
                  <Button
                    size="small"
                    variant="secondary"
                    busy={answer.isPending && answer.variables?.answer === "decline"}
                    disabled={answer.isPending}
                    aria-label={`Say no: ${span(excusal)}`}
                    onClick={() => void respond(excusal, "decline")}
                  >
                    Say no
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {answer.error ? <Failure error={answer.error} /> : null}
      <LiveStatus message={said} />
      {canAsk ? (
        <Reveal label="Ask for days off">
          <AskDaysOffForm promise={promise} today={today} />
        </Reveal>
      ) : null}
    </div>
  );
}
