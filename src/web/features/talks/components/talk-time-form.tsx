import { useMemo } from "react";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { ProposeTalkTimeBody } from "../../../../contracts/talks.ts";
import { talkTimeNudges } from "../../../../domain/nudges.ts";
import { WEEKDAYS } from "../../../../domain/schedule.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { SelectField, TextField } from "../../../ui/field.tsx";
import {
  browserTimeZone,
  currentZoneName,
  formatClock,
  knownTimeZones,
  zonePlace,
} from "../../../ui/format.ts";
import { Nudges } from "../../../ui/nudges.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useToast } from "../../../ui/toast.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { type TalkTime, useCounterTalkTime, useProposeTalkTime } from "../api/talk-times.ts";
import { formatMinutes, TALK_LENGTHS, WEEKDAY_NAMES, WEEKDAY_PLURALS } from "../copy.ts";

/**
 * The zones as people look for them: this device's first, then by region ("Europe", "America"…),
 * each under its place name. A native select, so typing a letter jumps to it.
 */
function zoneOptions(zones: readonly string[], here: string) {
  const place = (zone: string) => zone.split("/").slice(1).join(" / ").replaceAll("_", " ") || zone;
  return [
    { value: here, label: `${place(here)} (${here.split("/")[0]})`, group: "This device's zone" },
    ...zones
      .filter((zone) => zone !== here)
      .map((zone) => ({
        value: zone,
        label: place(zone),
        group: zone.includes("/") ? (zone.split("/")[0] ?? "Other") : "Other",
      }))
      .sort((a, b) => a.group.localeCompare(b.group) || a.label.localeCompare(b.label)),
  ];
}

/** The contract's body, with kinder words for a day not yet chosen. */
const TalkTimeForm = ProposeTalkTimeBody.extend({
  weekday: z.enum(WEEKDAYS, { error: "Choose a day of the week." }),
});

interface TalkTimeFormProps {
  /** Answering a proposal with another time; without it, a new proposal. */
  counterTo?: TalkTime;
  onCancel?: () => void;
}

/** Propose a weekly talk time, or suggest another one in answer to a proposal. */
export function TalkTimeFormView({ counterTo, onCancel }: TalkTimeFormProps) {
  const people = usePeople();
  const toast = useToast();
  const propose = useProposeTalkTime();
  const counter = useCounterTalkTime();
  const mutation = counterTo ? counter : propose;
  const here = currentZoneName(browserTimeZone());
  const zones = useMemo(
    () => knownTimeZones(here, ...(counterTo ? [counterTo.timeZone] : [])),
    [here, counterTo],
  );
  const prefix = counterTo ? `counter-${counterTo.id}` : "talk";
  const ids = {
    weekday: `${prefix}-weekday`,
    start: `${prefix}-start`,
    minutes: `${prefix}-minutes`,
    timeZone: `${prefix}-zone`,
  };
  const { form, errors, submit, summary, status } = useSchemaForm(TalkTimeForm, {
    defaultValues: counterTo
      ? {
          weekday: counterTo.weekday,
          start: counterTo.start,
          minutes: counterTo.minutes,
          timeZone: counterTo.timeZone,
        }
      : { start: "19:00", minutes: 45, timeZone: here },
    fieldIds: ids,
  });
  const [weekday, start, minutes, timeZone] = useWatch({
    control: form.control,
    name: ["weekday", "start", "minutes", "timeZone"],
  });
  const preview =
    weekday && WEEKDAYS.includes(weekday) && /^\d\d:\d\d$/.test(start ?? "")
      ? `Every ${WEEKDAY_NAMES[weekday]} at ${formatClock(start ?? "")}, for ${formatMinutes(Number(minutes))}${
          timeZone && timeZone !== here ? `, on ${zonePlace(timeZone)} clocks` : ""
        }.`
      : "";

  return (
    <form
      className={`form form--tight${counterTo ? " inline-panel" : ""}`}
      noValidate
      aria-label={counterTo ? "Suggest another time" : "Propose a talk time"}
      onSubmit={submit(async (body) => {
        if (counterTo) {
          await counter.mutateAsync({ id: counterTo.id, body });
          toast(
            `Your time is sent: ${WEEKDAY_PLURALS[body.weekday]} at ${formatClock(body.start)}. ${people.partnerName} can now accept it or suggest another.`,
          );
          return undefined;
        }
        await propose.mutateAsync(body);
        form.reset({ start: body.start, minutes: body.minutes, timeZone: body.timeZone });
        return people.partner
          ? `Proposed: ${WEEKDAY_PLURALS[body.weekday]} at ${formatClock(body.start)}. ${people.partnerName} can now accept it or suggest another time.`
          : "Proposed. Your partner can answer once they've joined.";
      })}
    >
      <ErrorSummary errors={summary} />
      <div className="form-row">
        <SelectField
          id={ids.weekday}
          label="Day"
          error={errors.weekday?.message}
          options={[
            ...(counterTo ? [] : [{ value: "", label: "Choose a day" }]),
            ...WEEKDAYS.map((day) => ({ value: day, label: WEEKDAY_NAMES[day] })),
          ]}
          {...form.register("weekday")}
        />
        <TextField
          id={ids.start}
          type="time"
          label="Starts at"
          error={errors.start?.message}
          {...form.register("start")}
        />
        <SelectField
          id={ids.minutes}
          label="Length"
          error={errors.minutes?.message}
          options={TALK_LENGTHS.map((m) => ({ value: String(m), label: formatMinutes(m) }))}
          {...form.register("minutes", { setValueAs: (value) => Number(value) })}
        />
      </div>
      <SelectField
        id={ids.timeZone}
        label="Time zone"
        className="field--short"
        hint="The talk stays at this time on this zone's clocks, also when the clocks change. If you live apart, each of you sees it in your own time too."
        error={errors.timeZone?.message}
        options={zoneOptions(zones, here)}
        {...form.register("timeZone")}
      />
      {preview ? <p className="muted small">{preview}</p> : null}
      <Nudges nudges={talkTimeNudges(start ?? "", Number(minutes))} />
      <div className="actions">
        <Button type="submit" busy={mutation.isPending}>
          {counterTo ? "Send this time" : "Propose this time"}
        </Button>
        {onCancel ? (
          <Button variant="quiet" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
      <LiveStatus message={status} />
    </form>
  );
}
