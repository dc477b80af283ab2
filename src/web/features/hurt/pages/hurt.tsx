import type { ReactNode } from "react";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { useHurt } from "../api/hurt.ts";
import { HurtForm } from "../components/hurt-form.tsx";
import { HurtHistory } from "../components/hurt-history.tsx";
import { RepairOverview } from "../components/repair-overview.tsx";
import "../hurt.css";

export function HurtPage() {
  const hurt = useHurt();

  let looking: ReactNode;
  if (hurt.isPending) looking = <Loading label="Loading your entries…" />;
  else if (hurt.isError) {
    looking = <ErrorState error={hurt.error} onRetry={() => void hurt.refetch()} />;
  } else {
    looking = (
      <>
        <Card title="Does repair feel possible, over time">
          <RepairOverview series={hurt.data.series} />
        </Card>
        <Card title="Looking back">
          <HurtHistory entries={hurt.data.entries} />
        </Card>
      </>
    );
  }

  return (
    <Page
      heading="Hurt and grief"
      intro={
        <>
          <p>
            For whichever of you is hurting, and that can be both of you. Put words to what you
            feel, say what feels broken, and whether repair feels possible today.
          </p>
          <p>
            Come back to it as the weeks go by. The answers are allowed to move, in any direction.
          </p>
        </>
      }
    >
      <Card title="Name what you feel" id="new-entry">
        <HurtForm />
      </Card>
      {looking}
    </Page>
  );
}
