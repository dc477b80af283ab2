import { Card } from "../../../ui/card.tsx";
import { formatDate } from "../../../ui/format.ts";
import { Page } from "../../../ui/page.tsx";
import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { useCouple } from "../api/couple.ts";
import { PendingPhaseCard } from "../components/pending-phase-card.tsx";
import { MoveForwardCard, StepBackCard } from "../components/phase-change-forms.tsx";
import { PhaseHistory } from "../components/phase-history.tsx";
import { PhaseRoadMap } from "../components/phase-road-map.tsx";
import { PHASE_COPY } from "../copy.ts";

/** The road map, how the couple has moved along it, and moving forward or back. */
export function PathPage() {
  const couple = useCouple();
  if (couple.isPending) return <Loading />;
  if (couple.isError) {
    return <ErrorState error={couple.error} onRetry={() => void couple.refetch()} />;
  }
  const data = couple.data;
  return (
    <Page
      heading="Your path"
      title="Path"
      intro={
        <p>
          You are in <strong>{PHASE_COPY[data.phase].fullName}</strong> since{" "}
          {formatDate(data.phaseSince)}. Earlier tools stay with you in every phase.
        </p>
      }
    >
      {data.me.individualMode ? null : (
        <>
          <PendingPhaseCard couple={data} />
          <div className="grid-2">
            <MoveForwardCard couple={data} />
            <StepBackCard couple={data} />
          </div>
        </>
      )}
      <Card title="The road map">
        <PhaseRoadMap current={data.phase} />
      </Card>
      <Card title="How you got here">
        <PhaseHistory history={data.phaseHistory} />
      </Card>
    </Page>
  );
}
