import { useState } from "react";
import { Link } from "react-router";
import { isUnopened } from "../../../../client/sealing.ts";
import { durationInWords, SETBACK_KIND_LABELS } from "../../../../domain/setbacks.ts";
import { ConfirmInline } from "../../../ui/confirm-inline.tsx";
import { formatDate, formatDateTime } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { Reveal } from "../../../ui/reveal.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useToast } from "../../../ui/toast.tsx";
import { isSetbackMovedOn, type Setback, useSayRepaired } from "../api/setbacks.ts";
import { repairStanding, stepBackNoted } from "../repair.ts";
import { StepForm } from "./step-form.tsx";

function Words({ text, className }: { text: string; className: string }) {
  return <p className={`${className} user-text${isUnopened(text) ? " unopened" : ""}`}>{text}</p>;
}

/** Where repair stands: each partner's "feels repaired", or how long it took once both said so. */
function RepairLine({ setback, readOnly }: { setback: Setback; readOnly: boolean }) {
  const people = usePeople();
  const repaired = useSayRepaired();
  const toast = useToast();
  const [status, setStatus] = useState("");
  const standing = repairStanding(setback, people.meId);

  if (setback.repairedAt) {
    return (
      <p className="setback__repaired">
        <span className="setback__repaired-mark" aria-hidden="true">
          ✓
        </span>{" "}
        <strong>
          Repaired on <time dateTime={setback.repairedAt}>{formatDate(setback.repairedAt)}</time>
          {setback.timeToRepairHours === null
            ? "."
            : `: it took ${durationInWords(setback.timeToRepairHours)}.`}
        </strong>{" "}
        You both said it feels repaired.
      </p>
    );
  }

  const failure = repaired.isError
    ? isSetbackMovedOn(repaired.error)
      ? "This changed while the screen was open; it now shows how it stands."
      : "That didn't go through. Please try again."
    : "";
  return (
    <div className="setback__standing">
      <ul className="setback__said">
        <li>
          {standing.mine ? (
            <>
              You said it feels repaired on{" "}
              <time dateTime={standing.mine.at}>{formatDate(standing.mine.at)}</time>.
            </>
          ) : (
            "You haven't said it feels repaired yet."
          )}
        </li>
        <li>
          {standing.partner ? (
            <>
              {people.nameOf(standing.partner.by, { capital: true })} said it feels repaired on{" "}
              <time dateTime={standing.partner.at}>{formatDate(standing.partner.at)}</time>.
            </>
          ) : (
            `${people.nameOf(people.partner?.id, { capital: true })} hasn't said it feels repaired yet.`
          )}
        </li>
      </ul>
      {standing.mine || readOnly ? null : (
        <ConfirmInline
          label="This feels repaired to me"
          variant="secondary"
          question={`Say that this feels repaired to you? ${people.nameOf(people.partner?.id, { capital: true })} will see it. It counts as repaired once you have both said so, and it can't be taken back.`}
          confirmLabel="Yes, it feels repaired"
          cancelLabel="Not yet"
          busy={repaired.isPending}
          onConfirm={() =>
            repaired.mutate(setback.id, {
              onSuccess: ({ setback: now }) => {
                // Repaired, it moves to the list below: the toast says so wherever it went.
                if (now.repairedAt) {
                  toast(
                    now.timeToRepairHours === null
                      ? "You have both said so now: this setback is repaired."
                      : `You have both said so now: this setback is repaired. It took ${durationInWords(now.timeToRepairHours)}.`,
                  );
                } else {
                  setStatus(
                    `Saved. It is repaired once ${people.nameOf(people.partner?.id)} says so too.`,
                  );
                }
              },
            })
          }
        />
      )}
      {failure ? (
        <p className="field__error" role="alert">
          {failure}
        </p>
      ) : null}
      <LiveStatus message={status} />
    </div>
  );
}

/** One setback: what happened, the steps that help repair it, and where repair stands. */
export function SetbackCard({
  setback,
  phase,
  readOnly,
}: {
  setback: Setback;
  phase: string;
  readOnly: boolean;
}) {
  const people = usePeople();
  const headingId = `setback-${setback.id}`;
  return (
    <article
      className={`setback${setback.repairedAt ? " setback--repaired" : ""}`}
      aria-labelledby={headingId}
    >
      <header className="setback__header">
        <h3 id={headingId} className="setback__kind">
          {SETBACK_KIND_LABELS[setback.kind]}
        </h3>
        <p className="setback__meta">
          Noted by {people.nameOf(setback.by)} ·{" "}
          <time dateTime={setback.at}>{formatDateTime(setback.at)}</time>
        </p>
      </header>
      <Words text={setback.text} className="quote setback__text" />

      <h4 className="setback__subtitle">What is helping repair it</h4>
      {setback.steps.length === 0 ? (
        <p className="muted small">
          No steps yet. A step can be a talk, an apology, something changed or agreed.
        </p>
      ) : (
        <ol className="setback__steps">
          {setback.steps.map((step) => (
            <li key={step.id} className="setback__step">
              <p className="setback__step-meta">
                {people.nameOf(step.by, { capital: true })} ·{" "}
                <time dateTime={step.at}>{formatDateTime(step.at)}</time>
              </p>
              <Words text={step.text} className="setback__step-text" />
            </li>
          ))}
        </ol>
      )}
      {setback.repairedAt || readOnly ? null : (
        <Reveal label="Add a repair step">
          <StepForm setbackId={setback.id} />
        </Reveal>
      )}

      <RepairLine setback={setback} readOnly={readOnly} />

      {stepBackNoted(setback, phase) ? (
        <p className="muted small setback__step-back">
          When something new has come to light, going back to Stabilize for a while can help. Either
          of you can do that from <Link to="/path">your path</Link>.
        </p>
      ) : null}
    </article>
  );
}
