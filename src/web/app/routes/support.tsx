import { useEffect } from "react";
import { useLocation } from "react-router";
import { Circle } from "../../features/circle/components/circle.tsx";
import { useCouple } from "../../features/couples/api/couple.ts";
import { SupportSignals } from "../../features/signals/components/support-signals.tsx";
import { Stressors } from "../../features/stressors/components/stressors.tsx";
import { YourTherapist } from "../../features/therapists/components/your-therapist.tsx";
import { TherapyChoice } from "../../features/therapy/components/therapy.tsx";
import { Card } from "../../ui/card.tsx";
import { Page } from "../../ui/page.tsx";
import { usePeople } from "../../ui/people.tsx";
import { ErrorState, Loading } from "../../ui/query-state.tsx";

/** What surrounds the two of you: outside stressors, who you confide in, and therapy. */
export function SupportPage() {
  const people = usePeople();
  const couple = useCouple();
  const location = useLocation();
  const ready = couple.isSuccess;

  useEffect(() => {
    if (ready && location.hash) {
      document.getElementById(location.hash.slice(1))?.scrollIntoView({ block: "start" });
    }
  }, [ready, location.hash]);

  return (
    <Page
      heading="Support"
      intro={
        <p>
          Making room for these weeks: what you can set aside for now, who you lean on, and whether
          to bring in a professional.
        </p>
      }
    >
      <Card title="Outside stressors" id="stressors">
        <p className="muted">
          Work, family, money, health: everything else still asks for energy. For each stressor,
          choose whether to pause it, reduce it or keep it for now, so there's more room for the two
          of you.
        </p>
        <Stressors />
      </Card>
      <Card title="Your circle of support" id="circle">
        <p className="muted">
          Who each of you talks to about what happened. A few trusted people help; many voices can
          stir things up. {people.partner ? people.partnerName : "Your partner"} sees your list and
          can agree or raise a concern, and you can do the same for theirs.
        </p>
        <Circle />
      </Card>
      <Card title="When to seek support" id="signals">
        <SupportSignals />
      </Card>
      <Card title="Working with a therapist" id="therapy">
        {couple.isPending ? (
          <Loading />
        ) : couple.isError ? (
          <ErrorState error={couple.error} onRetry={() => void couple.refetch()} />
        ) : (
          <TherapyChoice status={couple.data.therapy} />
        )}
      </Card>
      <Card title="Your therapist" id="your-therapist">
        {couple.data ? <YourTherapist couple={couple.data} /> : <Loading />}
      </Card>
    </Page>
  );
}
