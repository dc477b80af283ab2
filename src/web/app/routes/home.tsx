import { Link } from "react-router";
import { useMe } from "../../features/account/api/me.ts";
import { AgreementsSummary } from "../../features/agreements/components/agreements-summary.tsx";
import { useCouple } from "../../features/couples/api/couple.ts";
import { PartnerLeft } from "../../features/couples/components/partner-left.tsx";
import { PartnerStatus } from "../../features/couples/components/partner-status.tsx";
import { PendingPhaseCard } from "../../features/couples/components/pending-phase-card.tsx";
import {
  BalanceNotes,
  MeaningTools,
  RebuildTools,
} from "../../features/couples/components/phase-tools.tsx";
import { ReadinessChecklist } from "../../features/couples/components/readiness-checklist.tsx";
import { SpaceKeyAccess } from "../../features/couples/components/space-key-access.tsx";
import { PHASE_COPY } from "../../features/couples/copy.ts";
import { TodayCheck } from "../../features/intensity/components/today-check.tsx";
import { MilestoneCelebration } from "../../features/milestones/components/milestone-celebration.tsx";
import { HomeSignal } from "../../features/signals/components/home-signal.tsx";
import { ParkingLotSummary } from "../../features/talks/components/parking-lot.tsx";
import { NextTalkSummary, ToLogPrompt } from "../../features/talks/components/talk-summaries.tsx";
import { Card } from "../../ui/card.tsx";
import { formatDate } from "../../ui/format.ts";
import { Page } from "../../ui/page.tsx";
import { ErrorState, Loading } from "../../ui/query-state.tsx";
import { ShownTogether } from "../../ui/shown-together.tsx";
import { NeedsYou } from "./needs-you.tsx";

/**
 * Home for a partner in a couple. One calm glance: the next talk, today's check, what waits in
 * the parking lot and among agreements, and how ready things look for the next step.
 */
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
  const onMyOwn = data.me.individualMode;

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
      <ShownTogether label="Gathering your home…">
        <PartnerLeft couple={data} />
        <PartnerStatus couple={data} />
        <SpaceKeyAccess couple={data} />
        {/* Individual-only mode is said once, on the person's own safety page, nowhere else. */}
        {onMyOwn ? null : (
          <>
            <NeedsYou />
            <PendingPhaseCard couple={data} />
            <ToLogPrompt />
            <HomeSignal />
            {data.phase === "meaning" ? (
              <>
                <BalanceNotes couple={data} />
                <MeaningTools />
              </>
            ) : null}
            {data.phase === "rebuild" ? (
              <>
                <MilestoneCelebration />
                <RebuildTools />
              </>
            ) : null}
          </>
        )}
        <div className="grid-2">
          {onMyOwn ? null : (
            <Card title="Next talk">
              <NextTalkSummary />
            </Card>
          )}
          <Card title="Today's check">
            <TodayCheck />
          </Card>
        </div>
        {onMyOwn ? null : (
          <div className="grid-2">
            <Card title="Parking lot">
              <ParkingLotSummary />
            </Card>
            <Card title="Agreements">
              <AgreementsSummary />
            </Card>
          </div>
        )}
        {onMyOwn ? null : (
          // Rebuild is the last phase: its checklist says what keeps it steady, not what comes next.
          <Card title={data.phase === "rebuild" ? "Keeping it steady" : "Ready for the next step?"}>
            <ReadinessChecklist couple={data} />
          </Card>
        )}
        <p className="muted small home-path">
          In {phase.name} since {formatDate(data.phaseSince)}. <Link to="/path">See your path</Link>
        </p>
      </ShownTogether>
    </Page>
  );
}
