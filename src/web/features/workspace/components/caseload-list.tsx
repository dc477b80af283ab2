import { Link } from "react-router";
import { formatDateTime } from "../../../ui/format.ts";
import { PHASE_COPY } from "../../couples/copy.ts";
import type { CaseloadCouple } from "../api/workspace.ts";
import {
  checkinTrendWords,
  daysWords,
  partnerNames,
  reliabilityWords,
  sortCaseload,
} from "../caseload.ts";

/** Trust and connection over the shared weeks, as small as a word: the words say it too. */
function CheckinSpark({ series }: { series: CaseloadCouple["checkinTrend"] }) {
  if (series.length < 2) return null;
  const width = 72;
  const height = 22;
  const x = (i: number) => (i / (series.length - 1)) * (width - 2) + 1;
  const y = (value: number) => height - 1 - (value / 10) * (height - 2);
  const line = (key: "trust" | "connection") =>
    series.map((point, i) => `${x(i).toFixed(1)},${y(point[key]).toFixed(1)}`).join(" ");
  return (
    <svg
      className="workspace-spark"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      aria-hidden="true"
      focusable="false"
    >
      <polyline className="workspace-spark__trust" points={line("trust")} />
      <polyline className="workspace-spark__connection" points={line("connection")} />
    </svg>
  );
}

function CoupleRow({ couple }: { couple: CaseloadCouple }) {
  const names = partnerNames(couple.partners);
  return (
    <li className="workspace-couple">
      <h3 className="workspace-couple__names">
        <Link to={`/therapist/couples/${couple.id}`}>{names}</Link>
      </h3>
      <dl className="workspace-couple__facts">
        <div>
          <dt>Phase</dt>
          <dd>
            {PHASE_COPY[couple.phase].name}, {daysWords(couple.daysInPhase)}
          </dd>
        </div>
        <div>
          <dt>Intensity</dt>
          <dd>{couple.intensityTrend?.words ?? "Nothing shared"}</dd>
        </div>
        <div>
          <dt>Check-ins</dt>
          <dd className="workspace-couple__checkins">
            <CheckinSpark series={couple.checkinTrend} />
            <span>{checkinTrendWords(couple.checkinTrend)}</span>
          </dd>
        </div>
        <div>
          <dt>Promises</dt>
          <dd>{reliabilityWords(couple.reliability)}</dd>
        </div>
        <div>
          <dt>Signals</dt>
          <dd>
            {couple.signals.length === 0 ? (
              "None shared"
            ) : (
              <ul className="workspace-couple__signals">
                {couple.signals.map((signal) => (
                  <li key={signal.key}>{signal.title}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>Next talk</dt>
          <dd>{couple.nextTalk ? formatDateTime(couple.nextTalk) : "None planned"}</dd>
        </div>
      </dl>
    </li>
  );
}

const COLUMNS = ["Couple", "Phase", "Intensity", "Check-ins", "Promises", "Signals", "Next talk"];

/**
 * Cards on a phone; on a desk the same list lines up as a table, its column names shown once
 * above (each card keeps its own names for screen readers).
 */
export function CaseloadList({ couples }: { couples: readonly CaseloadCouple[] }) {
  return (
    <div className="workspace-caseload">
      <div className="workspace-caseload__columns" aria-hidden="true">
        {COLUMNS.map((column) => (
          <span key={column}>{column}</span>
        ))}
      </div>
      <ul className="workspace-caseload__list" aria-label="Couples, those needing attention first">
        {sortCaseload(couples).map((couple) => (
          <CoupleRow key={couple.id} couple={couple} />
        ))}
      </ul>
    </div>
  );
}
