import { type ReactNode, useState } from "react";
import { Card } from "../../../ui/card.tsx";
import { formatTime } from "../../../ui/format.ts";
import { Page } from "../../../ui/page.tsx";
import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useIntensity } from "../api/intensity.ts";
import { IntensityCheckForm } from "../components/intensity-check-form.tsx";
import { IntensityHistory } from "../components/intensity-history.tsx";
import { IntensityOverview } from "../components/intensity-overview.tsx";
import { myIntensityChecksToday } from "../series.ts";

export function IntensityPage() {
  const intensity = useIntensity();
  const [status, setStatus] = useState("");

  let content: ReactNode;
  if (intensity.isPending) content = <Loading label="Loading intensity checks…" />;
  else if (intensity.isError) {
    content = <ErrorState error={intensity.error} onRetry={() => void intensity.refetch()} />;
  } else {
    const today = myIntensityChecksToday(intensity.data.entries).sort((a, b) =>
      b.at.localeCompare(a.at),
    );
    const latest = today[0];
    content = (
      <>
        <Card title={latest ? "Done for today" : "Today's check"} id="check">
          {latest ? (
            <p>
              You checked in at {formatTime(latest.at)} with <strong>{latest.value}</strong>. If
              things change during the day, you can check in again; each day shows its average.
            </p>
          ) : null}
          {latest ? (
            <details className="disclosure">
              <summary>Check in again</summary>
              <div className="disclosure__body">
                <IntensityCheckForm onSaved={setStatus} />
              </div>
            </details>
          ) : (
            <IntensityCheckForm onSaved={setStatus} />
          )}
          <LiveStatus message={status} />
        </Card>
        <IntensityOverview data={intensity.data} />
        <Card title="Recent intensity checks">
          <IntensityHistory entries={intensity.data.entries} />
        </Card>
      </>
    );
  }

  return (
    <Page
      heading="Intensity"
      intro={
        <p>
          A quick daily number for how intense things feel. Over the weeks it shows whether things
          are calming down, for each of you.
        </p>
      }
    >
      {content}
    </Page>
  );
}
