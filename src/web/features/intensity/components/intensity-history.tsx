import { formatDateTime } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { EmptyState } from "../../../ui/query-state.tsx";
import type { IntensityEntry } from "../api/intensity.ts";

const VISIBILITY_WORDS = {
  private: "Only you",
  couple: "Shared",
  therapist: "Shared, also with a therapist",
} as const;

function EntryItem({ entry }: { entry: IntensityEntry }) {
  const people = usePeople();
  return (
    <li className="intensity-check">
      <span className="intensity-check__value" aria-hidden="true">
        {entry.value}
      </span>
      <div className="intensity-check__text">
        <p className="intensity-check__meta">
          <span className="intensity-check__who">{people.nameOf(entry.by, { capital: true })}</span>
          <span className="visually-hidden">: {entry.value} out of 10,</span>{" "}
          <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
          {entry.mine && entry.visibility ? (
            <>
              {" "}
              <span className={`badge${entry.visibility === "private" ? " badge--primary" : ""}`}>
                {VISIBILITY_WORDS[entry.visibility]}
              </span>
            </>
          ) : null}
        </p>
        {entry.note ? <p className="quote user-text">{entry.note}</p> : null}
      </div>
    </li>
  );
}

/** Recent intensity checks, newest first: the viewer's own and what the partner shared. */
export function IntensityHistory({ entries }: { entries: IntensityEntry[] }) {
  const sorted = [...entries].sort((a, b) => b.at.localeCompare(a.at));
  if (sorted.length === 0) {
    return (
      <EmptyState title="No intensity checks yet">
        Your intensity checks will be listed here.
      </EmptyState>
    );
  }
  const recent = sorted.slice(0, 6);
  const earlier = sorted.slice(6);
  return (
    <div className="stack-sm">
      <ul className="intensity-checks">
        {recent.map((entry) => (
          <EntryItem key={entry.id} entry={entry} />
        ))}
      </ul>
      {earlier.length > 0 ? (
        <details className="disclosure">
          <summary>Earlier intensity checks ({earlier.length})</summary>
          <div className="disclosure__body">
            <ul className="intensity-checks">
              {earlier.map((entry) => (
                <EntryItem key={entry.id} entry={entry} />
              ))}
            </ul>
          </div>
        </details>
      ) : null}
    </div>
  );
}
