import { Button } from "./button.tsx";

type Answer = "accept" | "decline";

/**
 * The other partner's three answers to a proposal, the same wherever the proposal life cycle
 * runs: accept, suggest something else, or decline. `running` is the answer being sent.
 */
export function ProposalAnswers({
  running,
  onAnswer,
  onCounter,
  counterLabel,
}: {
  running: Answer | null;
  onAnswer: (answer: Answer) => void;
  onCounter: () => void;
  counterLabel: string;
}) {
  const busy = running !== null;
  return (
    <div className="actions">
      <Button busy={running === "accept"} disabled={busy} onClick={() => onAnswer("accept")}>
        Accept
      </Button>
      <Button variant="secondary" disabled={busy} onClick={onCounter}>
        {counterLabel}
      </Button>
      <Button
        variant="quiet"
        busy={running === "decline"}
        disabled={busy}
        onClick={() => onAnswer("decline")}
      >
        Decline
      </Button>
    </div>
  );
}

/** Which answer is on its way, from a mutation's state and the action it was given. */
export function answering(pending: boolean, action: string | undefined): Answer | null {
  return pending && (action === "accept" || action === "decline") ? action : null;
}
