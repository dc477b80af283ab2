import { useState } from "react";
import { Button } from "../../../ui/button.tsx";
import { ErrorState } from "../../../ui/query-state.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useSetIndividualMode } from "../api/safety.ts";

/** What pauses and what stays, said the same way wherever the choice is offered. */
export function IndividualModeExplained() {
  return (
    <ul className="bullets">
      <li>
        Talk times, the parking lot, the pause, agreements, your circle of support, the shared
        choice about therapy and moving between phases are paused for you.
      </li>
      <li>
        New intensity checks and stressors stay with you alone. This page and your account stay as
        they are.
      </li>
      <li>
        Your partner isn't told. Nothing on their screens changes, and Mend never shows them why.
      </li>
      <li>You can switch back whenever you like.</li>
    </ul>
  );
}

/** Turn individual-only mode on or off, at once. */
export function IndividualModeToggle({
  on,
  prominent = false,
}: {
  on: boolean;
  /** Offered as the next step (after a concern) rather than as a quiet option. */
  prominent?: boolean;
}) {
  const set = useSetIndividualMode();
  const [status, setStatus] = useState("");
  return (
    <div className="stack-sm">
      {on ? (
        <p>
          <strong>You're using Mend on your own for now.</strong> Couple features are paused for
          you.
        </p>
      ) : null}
      <IndividualModeExplained />
      <div className="actions">
        <Button
          variant={on || !prominent ? "secondary" : "primary"}
          busy={set.isPending}
          onClick={() =>
            set.mutate(!on, {
              onSuccess: () =>
                setStatus(
                  on
                    ? "Couple features are back on for you."
                    : "Done. You're using Mend on your own for now.",
                ),
            })
          }
        >
          {on ? "Turn couple features back on" : "Use Mend on my own for now"}
        </Button>
      </div>
      <LiveStatus message={status} />
      {set.isError ? <ErrorState title="That didn't change" error={set.error} /> : null}
    </div>
  );
}
