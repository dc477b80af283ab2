import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { PhaseChangeBody } from "../../../../contracts/couples.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { Button, ButtonLink } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useChangePhase } from "../../couples/api/couple.ts";
import { PHASE_COPY } from "../../couples/copy.ts";

const STABILIZE = PHASE_COPY.stabilize.name;
const ReasonForm = draftOf(PhaseChangeBody).pick({ reason: true });

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/**
 * After something new was hidden while rebuilding: a gentle word that going back to Stabilize
 * for a while may help, and the step itself, which one partner may take alone.
 */
export function StepBackOffer() {
  const people = usePeople();
  const partner = people.nameOf(people.partner?.id, { capital: true });
  const change = useChangePhase();
  const [done, setDone] = useState(false);
  const [notNow, setNotNow] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const later = useRef<HTMLParagraphElement>(null);
  const { form, errors, submit, summary } = useSchemaForm(ReasonForm, {
    defaultValues: { reason: undefined },
    fieldIds: { reason: "step-back-reason" },
  });

  // Shown in answer to the setback just noted, and changed once stepped back: where the eyes
  // and the screen reader go next.
  // biome-ignore lint/correctness/useExhaustiveDependencies: having stepped back is the trigger
  useEffect(() => heading.current?.focus(), [done]);
  useEffect(() => {
    if (notNow) later.current?.focus();
  }, [notNow]);

  if (notNow) {
    return (
      <p className="muted setback-step-back__later" tabIndex={-1} ref={later}>
        If you change your mind, either of you can step back to {STABILIZE} at any time from{" "}
        <Link to="/path">your path</Link>.
      </p>
    );
  }

  return (
    <section className="card card--calm setback-step-back" aria-labelledby="step-back-title">
      <div className="card__header">
        <h2 className="card__title" id="step-back-title" tabIndex={-1} ref={heading}>
          {done ? `You stepped back to ${STABILIZE}` : "Stepping back for a while may help"}
        </h2>
      </div>
      {done ? (
        <div className="stack" role="status">
          <p>
            You are back in {STABILIZE}. {partner} sees that you stepped back. Take the time you
            need; you can move on to {PHASE_COPY.rebuild.name} again together when it feels right.
          </p>
          <div className="actions">
            <ButtonLink to="/" variant="secondary">
              Go to Home
            </ButtonLink>
          </div>
        </div>
      ) : (
        <form
          className="form form--tight"
          noValidate
          onSubmit={submit(async (values) => {
            await change.mutateAsync({
              to: "stabilize",
              ...(values.reason ? { reason: values.reason } : {}),
            });
            setDone(true);
          })}
        >
          <p>
            When something that was hidden comes to light, it can shake what you have both been
            building. It often helps to go back to {STABILIZE} for a while: calmer days, agreed
            times to talk, and room for each of you to feel safe again before new promises.
          </p>
          <p>
            Stepping back isn't failing, and it isn't a punishment. One of you is enough, it happens
            straight away, and you can come back to {PHASE_COPY.rebuild.name} together later.
          </p>
          <ErrorSummary errors={summary} />
          <TextAreaField
            id="step-back-reason"
            label="Anything you'd like to say about it?"
            hint={`${partner} will see what you write.`}
            optional
            rows={2}
            error={errors.reason?.message}
            {...form.register("reason", { setValueAs: blankToUndefined })}
          />
          <div className="actions">
            <Button type="submit" variant="secondary" busy={change.isPending}>
              Step back to {STABILIZE}
            </Button>
            <Button variant="quiet" disabled={change.isPending} onClick={() => setNotNow(true)}>
              Not now
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
