import { type ReactNode, useState } from "react";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { EmptyState, ErrorState, Loading } from "../../../ui/query-state.tsx";
import { useCouple } from "../../couples/api/couple.ts";
import { type Setback, type SetbacksData, useSetbacks } from "../api/setbacks.ts";
import { RepairOverview } from "../components/repair-overview.tsx";
import { SetbackCard } from "../components/setback-card.tsx";
import { SetbackForm } from "../components/setback-form.tsx";
import { StepBackOffer } from "../components/step-back-offer.tsx";
import { splitSetbacks } from "../repair.ts";
import "../setbacks.css";

function SetbackList({
  setbacks,
  phase,
  readOnly,
}: {
  setbacks: Setback[];
  phase: string;
  readOnly: boolean;
}) {
  return (
    <ul className="setbacks-list">
      {setbacks.map((setback) => (
        <li key={setback.id}>
          <SetbackCard setback={setback} phase={phase} readOnly={readOnly} />
        </li>
      ))}
    </ul>
  );
}

/** The setbacks still being repaired: first on the page, since someone may be waiting. */
function BeingRepaired({ data, readOnly }: { data: SetbacksData; readOnly: boolean }) {
  const phase = useCouple().data?.phase ?? "";
  const { open } = splitSetbacks(data.setbacks);
  if (open.length === 0) return null;
  return (
    <Card title={`Being repaired (${open.length})`}>
      <p className="muted">
        Either of you can add a step. When it feels repaired to you, say so; it is repaired once you
        both have.
      </p>
      <SetbackList setbacks={open} phase={phase} readOnly={readOnly} />
    </Card>
  );
}

/** How long repair takes, the repaired ones, or a word on what this page is for. */
function Setbacks({ data, readOnly }: { data: SetbacksData; readOnly: boolean }) {
  const phase = useCouple().data?.phase ?? "";
  const { repaired } = splitSetbacks(data.setbacks);
  return (
    <>
      <Card title="Time to repair">
        <RepairOverview data={data} />
      </Card>
      {repaired.length > 0 ? (
        <Card title={`Repaired (${repaired.length})`} tone="quiet">
          <SetbackList setbacks={repaired} phase={phase} readOnly={readOnly} />
        </Card>
      ) : null}
      {data.setbacks.length === 0 ? (
        <Card title="Your setbacks">
          <EmptyState title="No setbacks noted">
            <p>
              When one happens, note it above. It stays here with every step you take to repair it,
              so you can both see how you found your way back.
            </p>
          </EmptyState>
        </Card>
      ) : null}
    </>
  );
}

export function SetbacksPage() {
  const people = usePeople();
  const setbacks = useSetbacks();
  // Counted, so that each new deception offers stepping back afresh, even after a "not now".
  const [stepBackOffers, setStepBackOffers] = useState(0);
  const readOnly = people.individualMode;

  let content: ReactNode;
  if (setbacks.isPending) content = <Loading label="Loading your setbacks…" />;
  else if (setbacks.isError) {
    content = <ErrorState error={setbacks.error} onRetry={() => void setbacks.refetch()} />;
  } else content = <Setbacks data={setbacks.data} readOnly={readOnly} />;

  return (
    <Page
      heading="Setbacks and repair"
      intro={
        <>
          <p>
            Setbacks are part of rebuilding, not a sign that it isn't working. A memory comes back,
            a talk goes badly, doubt creeps in, a promise slips. Naming it is already a step.
          </p>
          <p>
            Either of you can note one and add what helps repair it. It counts as repaired when you
            both say it feels that way.
          </p>
        </>
      }
    >
      {/* The form keeps its place in the tree while the list loads, so nothing typed is lost. */}
      {setbacks.isSuccess ? <BeingRepaired data={setbacks.data} readOnly={readOnly} /> : null}
      {readOnly ? null : (
        <Card title="Name a setback" id="new-setback">
          <SetbackForm onStepBackSuggested={() => setStepBackOffers((n) => n + 1)} />
        </Card>
      )}
      {stepBackOffers > 0 ? <StepBackOffer key={stepBackOffers} /> : null}
      {content}
    </Page>
  );
}
