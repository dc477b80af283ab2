import { type ReactNode, useState } from "react";
import { PhaseChangeBody } from "../../../../contracts/couples.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { nextPhase, PHASES, type Phase, phaseIndex } from "../../../../domain/phases.ts";
import { Button } from "../../../ui/button.tsx";
import { Card } from "../../../ui/card.tsx";
import { ChoiceGroup } from "../../../ui/choice-group.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { type CoupleViewData, useChangePhase } from "../api/couple.ts";
import { PHASE_COPY } from "../copy.ts";

const ReasonForm = draftOf(PhaseChangeBody).pick({ reason: true });

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

function useReasonForm(fieldId: string) {
  return useSchemaForm(ReasonForm, {
    defaultValues: { reason: undefined },
    fieldIds: { reason: fieldId },
  });
}

/** Suggest the next phase. Both partners must agree before it happens. */
export function MoveForwardCard({ couple }: { couple: CoupleViewData }) {
  const people = usePeople();
  const change = useChangePhase();
  const { form, errors, submit, summary, status } = useReasonForm("forward-reason");
  const next = nextPhase(couple.phase);

  let body: ReactNode;
  if (!next) {
    body = (
      <p>
        {PHASE_COPY.rebuild.name} is the last phase of the road map. There's no further step to
        take: stay here as long as it helps, and step back whenever you need to.
      </p>
    );
  } else if (!people.partner) {
    body = (
      <p>
        Moving on to {PHASE_COPY[next].name} needs both of you, so it becomes possible once your
        partner has joined.
      </p>
    );
  } else if (couple.pendingPhase) {
    body = (
      <p>
        A suggestion to move on to {PHASE_COPY[couple.pendingPhase.to].name} is waiting for an
        answer; you'll find it above.
      </p>
    );
  } else {
    const target = PHASE_COPY[next].name;
    body = (
      <form
        className="form form--tight"
        noValidate
        onSubmit={submit(async (values) => {
          const result = await change.mutateAsync({
            to: next,
            // This screen showed no suggestion: if the partner made one meanwhile, say so.
            seen: null,
            ...(values.reason ? { reason: values.reason } : {}),
          });
          form.reset();
          return result.kind === "proposed"
            ? `Suggestion sent. ${people.partnerName} can now confirm it.`
            : `You are now both in ${target}.`;
        })}
      >
        <p>
          Moving on to <strong>{target}</strong> happens only when you both agree: one of you
          suggests it, and the other confirms. The checklist on Home can help you talk about whether
          now is a good time. Nothing is lost by waiting.
        </p>
        <ErrorSummary errors={summary} />
        <TextAreaField
          id="forward-reason"
          label="Anything you'd like to say about it?"
          hint={`${people.partnerName} will see this with your suggestion.`}
          optional
          error={errors.reason?.message}
          {...form.register("reason", { setValueAs: blankToUndefined })}
        />
        <div className="actions">
          <Button type="submit" busy={change.isPending}>
            Suggest moving on to {target}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <Card title="Move forward">
      {body}
      <LiveStatus message={status} />
    </Card>
  );
}

/** Step back at once; one partner is enough. */
export function StepBackCard({ couple }: { couple: CoupleViewData }) {
  const people = usePeople();
  const change = useChangePhase();
  const { form, errors, submit, summary, status } = useReasonForm("back-reason");
  const earlier = PHASES.slice(0, phaseIndex(couple.phase));
  const [target, setTarget] = useState<Phase | null>(earlier.at(-1) ?? null);
  const chosen = target && earlier.includes(target) ? target : (earlier.at(-1) ?? null);

  return (
    <Card title="Step back">
      {chosen === null ? (
        <p>
          You're in the first phase, so there's nowhere to step back to. If things get harder later
          on, either of you can come back here at any time.
        </p>
      ) : (
        <form
          className="form form--tight"
          noValidate
          onSubmit={submit(async (values) => {
            await change.mutateAsync({
              to: chosen,
              ...(values.reason ? { reason: values.reason } : {}),
            });
            form.reset();
            return `You stepped back to ${PHASE_COPY[chosen].name}. ${people.partner ? `${people.partnerName} will see this.` : ""}`;
          })}
        >
          <p>
            Sometimes things get harder again: a painful memory, a setback, something new coming to
            light. Stepping back isn't failing; it's a way of looking after yourselves. One of you
            is enough, and it happens straight away.
          </p>
          <ErrorSummary errors={summary} />
          {earlier.length > 0 ? (
            <ChoiceGroup
              size="compact"
              legend="Step back to"
              name="back-to"
              value={chosen}
              onChange={setTarget}
              choices={earlier.map((phase) => ({ value: phase, label: PHASE_COPY[phase].name }))}
            />
          ) : null}
          <TextAreaField
            id="back-reason"
            label="What makes you want to step back?"
            hint={
              people.partner
                ? `A few words help ${people.partnerName} understand. They will see what you write.`
                : "A few words help your partner understand later. They will see what you write."
            }
            optional
            error={errors.reason?.message}
            {...form.register("reason", { setValueAs: blankToUndefined })}
          />
          <div className="actions">
            <Button type="submit" variant="secondary" busy={change.isPending}>
              Step back to {PHASE_COPY[chosen].name}
            </Button>
          </div>
        </form>
      )}
      <LiveStatus message={status} />
    </Card>
  );
}
