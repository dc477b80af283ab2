import { Link } from "react-router";
import { useMe } from "../../features/account/api/me.ts";
import { AgreementsSummary } from "../../features/agreements/components/agreements-summary.tsx";
import { useCouple } from "../../features/couples/api/couple.ts";
import { PartnerStatus } from "../../features/couples/components/partner-status.tsx";
import { PendingPhaseCard } from "../../features/couples/components/pending-phase-card.tsx";
import { PhaseRoadMap } from "../../features/couples/components/phase-road-map.tsx";
import { ReadinessChecklist } from "../../features/couples/components/readiness-checklist.tsx";
import { PHASE_COPY } from "../../features/couples/copy.ts";
import { Card } from "../../ui/card.tsx";
import { formatDate, formatTime } from "../../ui/format.ts";
import { Page } from "../../ui/page.tsx";
import { ErrorState, Loading } from "../../ui/query-state.tsx";
import { Notice } from "../../ui/status.tsx";

/** Home for a partner in a couple: who's here, what needs an answer, where you are. */
export function HomePage() {
  const me = useMe();
  const couple = useCouple();
  if (couple.isPending) return <Loading />;
  if (couple.isError) {
    return <ErrorState error={couple.error} onRetry={() => void couple.refetch()} />;
  }
  const data = couple.data;
  const phase = PHASE_COPY[data.phase];
  const name = me.data?.user.name;

  return (
    <Page
      heading={name ? `Hello, ${name}` : "Hello"}
      title="Home"
      intro={
        <p>
          You're in <strong>{phase.fullName}</strong>: {phase.tagline.toLowerCase()}. One thing at a
          time is plenty.
        </p>
      }
    >
      <PartnerStatus couple={data} />
      {data.activePause ? (
        <Notice title="A pause is running">
          <p>
            {data.activePause.byMe ? "You asked for a pause" : "Your partner asked for a pause"}{" "}
            until {formatTime(data.activePause.endsAt)}. Take the time to breathe; you'll come back
            to it afterwards.
          </p>
        </Notice>
      ) : null}
      <PendingPhaseCard couple={data} />
      <div className="grid-2">
        <Card title="Agreements">
          <AgreementsSummary />
        </Card>
        <Card title="Ready for the next step?">
          <ReadinessChecklist couple={data} />
        </Card>
      </div>
      <Card title="Where you are" actions={<Link to="/path">See your path</Link>}>
        <p className="muted">
          In {phase.name} since {formatDate(data.phaseSince)}.
        </p>
        <PhaseRoadMap current={data.phase} compact />
      </Card>
    </Page>
  );
}
