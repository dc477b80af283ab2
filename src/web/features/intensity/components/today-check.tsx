import { ButtonLink } from "../../../ui/button.tsx";
import { formatTime } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { useToast } from "../../../ui/toast.tsx";
import { useIntensity } from "../api/intensity.ts";
import { myIntensityChecksToday } from "../series.ts";
import { IntensityCheckForm } from "./intensity-check-form.tsx";

/** Today is within the last two days wherever the viewer is. */
const TODAY_WITHIN_DAYS = 2;

/** For Home: today's check, done or quickly done here. */
export function TodayCheck() {
  const people = usePeople();
  const toast = useToast();
  const intensity = useIntensity(TODAY_WITHIN_DAYS);
  if (intensity.isPending) return <Loading label="Loading today's check…" />;
  if (intensity.isError) {
    return <ErrorState error={intensity.error} onRetry={() => void intensity.refetch()} />;
  }
  const today = myIntensityChecksToday(intensity.data.entries).sort((a, b) =>
    b.at.localeCompare(a.at),
  );
  const latest = today[0];
  if (!latest) return <IntensityCheckForm variant="quick" onSaved={toast} />;
  return (
    <div className="stack-sm">
      <p className="done-today">
        <span className="done-today__value">{latest.value}</span>
        <span>
          <strong>Done for today.</strong> You checked in at {formatTime(latest.at)}
          {latest.visibility === "private"
            ? ", only for you."
            : `, shared with ${people.partnerName}.`}
        </span>
      </p>
      <div className="actions">
        <ButtonLink to="/intensity" variant="secondary" size="small">
          See how it's going
        </ButtonLink>
      </div>
    </div>
  );
}
