import { useState } from "react";
import { THERAPY_STATUSES, type TherapyStatus } from "../../../../domain/therapy.ts";
import { ChoiceGroup } from "../../../ui/choice-group.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { ErrorState } from "../../../ui/query-state.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useSetTherapy } from "../api/therapy.ts";
import { THERAPY_DESCRIPTIONS, THERAPY_LABELS } from "../copy.ts";

/** Where the couple stands on outside support; either partner records it for both. */
export function TherapyChoice({ status }: { status: TherapyStatus }) {
  const people = usePeople();
  const set = useSetTherapy();
  const [message, setMessage] = useState("");
  return (
    <div className="stack-sm">
      <p>
        A couples therapist, or each of you with your own, can give the hard conversations a safe,
        structured place. Deciding either way counts; it's your choice together.
      </p>
      <ChoiceGroup
        id="therapy"
        size="compact"
        legend="Where are you with therapy?"
        hint={`${people.partner ? `${people.partnerName} sees this choice too and can change it.` : "Your partner will see this choice too."}`}
        name="therapy"
        value={status}
        disabled={people.individualMode || set.isPending}
        onChange={(next) => {
          setMessage("");
          set.mutate(next, {
            onSuccess: () => setMessage(`Saved: ${THERAPY_LABELS[next].toLowerCase()}.`),
          });
        }}
        choices={THERAPY_STATUSES.map((value) => ({
          value,
          label: THERAPY_LABELS[value],
          description: THERAPY_DESCRIPTIONS[value],
        }))}
      />
      <LiveStatus message={message} />
      {set.isError ? <ErrorState title="That wasn't saved" error={set.error} /> : null}
      <details className="disclosure">
        <summary>Finding someone</summary>
        <div className="disclosure__body">
          <p>
            Your doctor, a local counselling service or a national association of couples and family
            therapists can point you to people trained in this kind of work. It's fine to ask a
            first session how they work and whether it suits you both. Individual therapy counts
            too.
          </p>
        </div>
      </details>
    </div>
  );
}
