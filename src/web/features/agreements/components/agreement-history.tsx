import { useState } from "react";
import { formatDateTime } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { useAgreementDetail } from "../api/agreements.ts";
import { EVENT_LABELS } from "../copy.ts";

/** The full story of one agreement, loaded when opened. */
export function AgreementHistory({ id }: { id: string }) {
  const [open, setOpen] = useState(false);
  const people = usePeople();
  const detail = useAgreementDetail(id, open);
  return (
    <details
      className="disclosure agreement__history"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>History</summary>
      <div className="disclosure__body">
        {!open ? null : detail.isPending ? (
          <Loading label="Loading history…" />
        ) : detail.isError ? (
          <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
        ) : (
          <ol className="mini-timeline">
            {[...detail.data.history]
              .sort((a, b) => a.at.localeCompare(b.at))
              .map((event) => (
                <li key={`${event.kind}-${event.at}`}>
                  <span className="mini-timeline__what">
                    {EVENT_LABELS[event.kind]} by {people.nameOf(event.by)}
                  </span>{" "}
                  <time className="muted" dateTime={event.at}>
                    {formatDateTime(event.at)}
                  </time>
                  {event.note ? <p className="quote user-text">{event.note}</p> : null}
                </li>
              ))}
          </ol>
        )}
      </div>
    </details>
  );
}
