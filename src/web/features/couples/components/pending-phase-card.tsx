import { useState } from "react";
import { Button } from "../../../ui/button.tsx";
import { Card } from "../../../ui/card.tsx";
import { formatDate } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { ErrorState } from "../../../ui/query-state.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { type CoupleViewData, useCancelPendingPhase, useChangePhase } from "../api/couple.ts";
import { PHASE_COPY } from "../copy.ts";

/** A suggestion to move forward: the other partner confirms or says "not yet". */
export function PendingPhaseCard({ couple }: { couple: CoupleViewData }) {
  const people = usePeople();
  const change = useChangePhase();
  const cancel = useCancelPendingPhase();
  const [status, setStatus] = useState("");
  const pending = couple.pendingPhase;
  const error = change.error ?? cancel.error;

  let card = null;
  if (pending) {
    const target = PHASE_COPY[pending.to].name;
    const mine = people.isMe(pending.proposedBy);
    card = mine ? (
      <Card title={`Waiting for ${people.partnerName}`} tone="calm" id="pending-phase">
        <p>
          You suggested moving on to <strong>{target}</strong> on {formatDate(pending.at)}. It
          happens once {people.partnerName} agrees too.
        </p>
        {pending.reason ? (
          <blockquote className="quote user-text">{pending.reason}</blockquote>
        ) : null}
        <div className="actions">
          <Button
            variant="secondary"
            busy={cancel.isPending}
            onClick={() =>
              cancel.mutate(pending.id, {
                onSuccess: () => setStatus("Your suggestion was withdrawn."),
              })
            }
          >
            Withdraw my suggestion
          </Button>
        </div>
      </Card>
    ) : (
      <Card
        title={`${people.partnerName} suggests moving on to ${target}`}
        tone="attention"
        id="pending-phase"
      >
        {pending.reason ? (
          <blockquote className="quote user-text">{pending.reason}</blockquote>
        ) : null}
        <p>
          Moving forward needs both of you. If it doesn't feel right yet, "Not yet" is a good answer
          too; you could talk it over at a calm moment.
        </p>
        <div className="actions">
          <Button
            busy={change.isPending}
            disabled={cancel.isPending}
            onClick={() =>
              change.mutate(
                { to: pending.to, seen: pending.id },
                {
                  // What happened is the server's answer, never assumed from the click.
                  onSuccess: (result) =>
                    setStatus(
                      result.kind === "changed"
                        ? `You are now both in ${PHASE_COPY[result.phase].name}.`
                        : `Suggestion sent. ${people.partnerName} can now confirm it.`,
                    ),
                },
              )
            }
          >
            Yes, move on to {target}
          </Button>
          <Button
            variant="secondary"
            busy={cancel.isPending}
            disabled={change.isPending}
            onClick={() =>
              cancel.mutate(pending.id, {
                onSuccess: () =>
                  setStatus(`You said not yet. ${people.partnerName} will see that.`),
              })
            }
          >
            Not yet
          </Button>
        </div>
      </Card>
    );
  }

  const answered = couple.lastPhaseAnswer;
  if (!pending && answered?.answer === "not-yet" && people.isMe(answered.proposedBy)) {
    card = (
      <Card title={`${people.partnerName} said "not yet"`} tone="quiet">
        <p>
          On {formatDate(answered.at)}, {people.partnerName} answered your suggestion to move on to{" "}
          <strong>{PHASE_COPY[answered.to].name}</strong> with "not yet". That is an answer for now,
          not for ever: you could talk about what would help, at a calm moment.
        </p>
      </Card>
    );
  }

  return (
    <>
      {card}
      {error && pending ? <ErrorState title="That didn't go through" error={error} /> : null}
      <LiveStatus message={status} />
    </>
  );
}
