import { z } from "zod";
import type { ReminderSettings as Settings } from "../../../../contracts/reminders.ts";
import {
  QUIET_HOURS_HINT,
  quietHoursProblem,
  REMINDER_KINDS,
  type ReminderKind,
} from "../../../../domain/reminders.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextField } from "../../../ui/field.tsx";
import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useReminderSettings, useSaveReminders } from "../api/reminders.ts";

const KIND_CHOICES: Record<ReminderKind, { label: string; hint: string }> = {
  "talk-soon": {
    label: "A talk time starts in an hour",
    hint: "For each talk time the two of you agreed.",
  },
  "checkin-day": {
    label: "It is check-in day",
    hint: "In the morning of your weekly check-in day, until yours is in.",
  },
  "review-due": {
    label: "A review is due today",
    hint: "In the morning of a day you agreed to look again at a promise or an agreement.",
  },
  "promise-due": {
    label: "A promise of mine is due today",
    hint: "In the evening, if you have not marked it yet.",
  },
  "proposal-waiting": {
    label: "My partner is waiting for my answer",
    hint: "Once something they proposed has waited an hour.",
  },
};

/** The device's own zone: quiet hours are the person's nights, wherever they are. */
function deviceZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

const ReminderFormSchema = z
  .object({
    kinds: z.array(z.enum(REMINDER_KINDS)),
    quiet: z.boolean(),
    from: z.string(),
    to: z.string(),
    neutralSubjects: z.boolean(),
  })
  .superRefine((form, ctx) => {
    if (!form.quiet) return;
    const problem = quietHoursProblem({ from: form.from, to: form.to, timeZone: deviceZone() });
    if (problem) ctx.addIssue({ code: "custom", path: ["to"], message: problem });
  });

const FIELD_IDS = {
  kinds: "reminder-kinds",
  from: "reminder-quiet-from",
  to: "reminder-quiet-to",
};

/**
 * Which e-mails remind this person, on the account page; each kind off until they turn it on.
 * Where the instance sends no e-mail, it says so instead of offering what cannot work.
 */
export function ReminderSettings({ sendsMail }: { sendsMail: boolean | undefined }) {
  const settings = useReminderSettings(sendsMail === true);
  if (sendsMail === undefined) return <Loading label="Loading your reminder settings…" />;
  if (!sendsMail) {
    return (
      <p className="muted">
        This instance of Mend sends no e-mail, so it cannot remind you. Whoever runs it can turn
        e-mail on; until then, the calendar feed above can remind you of talk times and check-in
        days in the calendar app you already use.
      </p>
    );
  }
  if (settings.isPending) return <Loading label="Loading your reminder settings…" />;
  if (settings.isError) {
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  return <ReminderChoices settings={settings.data.settings} />;
}

function ReminderChoices({ settings }: { settings: Settings }) {
  const save = useSaveReminders();
  const { form, errors, submit, summary, status } = useSchemaForm(ReminderFormSchema, {
    defaultValues: {
      kinds: settings.kinds,
      quiet: settings.quietHours !== null,
      from: settings.quietHours?.from ?? "22:00",
      to: settings.quietHours?.to ?? "07:00",
      neutralSubjects: settings.neutralSubjects,
    },
    fieldIds: FIELD_IDS,
  });
  const quiet = form.watch("quiet");
  const zone = deviceZone();
  const keptZone = settings.quietHours?.timeZone;

  return (
    <form
      className="form form--tight"
      noValidate
      aria-label="E-mail reminders"
      onSubmit={submit(async (values) => {
        const { settings: saved } = await save.mutateAsync({
          kinds: values.kinds,
          quietHours: values.quiet
            ? { from: values.from, to: values.to, timeZone: deviceZone() }
            : null,
          neutralSubjects: values.neutralSubjects,
        });
        form.reset({
          kinds: saved.kinds,
          quiet: saved.quietHours !== null,
          from: saved.quietHours?.from ?? values.from,
          to: saved.quietHours?.to ?? values.to,
          neutralSubjects: saved.neutralSubjects,
        });
        return saved.kinds.length === 0
          ? "Saved. Mend sends you no reminders."
          : `Saved. You get ${saved.kinds.length === 1 ? "one kind" : `${saved.kinds.length} kinds`} of reminder by e-mail.`;
      })}
    >
      <ErrorSummary errors={summary} />
      <p className="muted">
        Each reminder says only what is due, with a link; never anything either of you wrote, nor
        your partner's name. Every one has a link to stop that kind.
      </p>
      <fieldset className="choices" id={FIELD_IDS.kinds}>
        <legend className="choices__legend">E-mail me when…</legend>
        {REMINDER_KINDS.map((kind) => (
          <label key={kind} className="check check--described" htmlFor={`reminder-${kind}`}>
            <input
              type="checkbox"
              id={`reminder-${kind}`}
              value={kind}
              {...form.register("kinds")}
            />
            <span>
              {KIND_CHOICES[kind].label}
              <span className="check__hint muted small">{KIND_CHOICES[kind].hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="choices">
        <legend className="choices__legend">When and how</legend>
        <label className="check" htmlFor="reminder-quiet">
          <input type="checkbox" id="reminder-quiet" {...form.register("quiet")} />
          Keep quiet hours
        </label>
        {quiet ? (
          <div className="reminder-quiet">
            <div className="form-row">
              <TextField
                id={FIELD_IDS.from}
                type="time"
                label="Quiet from"
                error={errors.from?.message}
                {...form.register("from")}
              />
              <TextField
                id={FIELD_IDS.to}
                type="time"
                label="Until"
                error={errors.to?.message ?? (errors.from ? QUIET_HOURS_HINT : undefined)}
                {...form.register("to")}
              />
            </div>
            <p className="muted small">
              On this device's clocks ({zone}
              {keptZone && keptZone !== zone ? `; until you save, they follow ${keptZone}` : ""}
              ). A reminder about a day waits until your quiet hours end; one about a talk time that
              falls in them is not sent.
            </p>
          </div>
        ) : null}
        <label className="check check--described" htmlFor="reminder-neutral">
          <input type="checkbox" id="reminder-neutral" {...form.register("neutralSubjects")} />
          <span>
            Neutral subjects
            <span className="check__hint muted small">
              Every subject reads “A reminder”, and so does the first line, for an inbox someone
              else may see.
            </span>
          </span>
        </label>
      </fieldset>
      <div className="actions">
        <Button type="submit" variant="secondary" busy={save.isPending}>
          Save reminders
        </Button>
      </div>
      <LiveStatus message={status} />
    </form>
  );
}
