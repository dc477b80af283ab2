import type { Signal } from "../../../../contracts/signals.ts";
import { formatDate } from "../../../ui/format.ts";

/** The signals a partner chose to share: why each was raised, on what data, what clears it. */
export function SignalList({ signals, level = 3 }: { signals: readonly Signal[]; level?: 3 | 4 }) {
  if (signals.length === 0) {
    return <p className="muted">No signals shared with you.</p>;
  }
  const Heading = level === 3 ? "h3" : "h4";
  return (
    <ul className="workspace-signals">
      {signals.map((signal) => (
        <li key={signal.key} className="workspace-signal">
          <Heading className="workspace-signal__title">{signal.title}</Heading>
          <p className="workspace-item__by">Since {formatDate(signal.since)}</p>
          <p>{signal.why}</p>
          {signal.evidence.length > 0 ? (
            <ul className="workspace-signal__evidence">
              {signal.evidence.map((evidence) => (
                <li key={`${evidence.what}-${evidence.since}`}>{evidence.words}</li>
              ))}
            </ul>
          ) : null}
          <p className="muted small">Clears when: {signal.clearsWhen}</p>
        </li>
      ))}
    </ul>
  );
}
