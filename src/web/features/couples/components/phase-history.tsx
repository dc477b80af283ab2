import { formatDate } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { EmptyState } from "../../../ui/query-state.tsx";
import type { CoupleViewData } from "../api/couple.ts";
import { PHASE_COPY } from "../copy.ts";

type Entry = CoupleViewData["phaseHistory"][number];

/** Every phase change, newest first: who, when and why. */
export function PhaseHistory({ history }: { history: Entry[] }) {
  const people = usePeople();
  if (history.length === 0) {
    return <EmptyState title="Nothing here yet">Changes of phase will be listed here.</EmptyState>;
  }
  const entries = [...history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <ol className="timeline">
      {entries.map((entry) => {
        const to = PHASE_COPY[entry.to].name;
        const title =
          entry.direction === "start"
            ? `Started in ${to}`
            : entry.direction === "forward"
              ? `Moved forward to ${to}`
              : `Stepped back to ${to}`;
        let who: string;
        if (entry.direction === "forward") {
          who = entry.confirmedBy
            ? `Suggested by ${people.nameOf(entry.by)}, agreed by ${people.nameOf(entry.confirmedBy)}`
            : `Suggested by ${people.nameOf(entry.by)}`;
        } else if (entry.direction === "back") {
          who = `Chosen by ${people.nameOf(entry.by)}`;
        } else {
          who = `Begun by ${people.nameOf(entry.by)}`;
        }
        return (
          <li
            key={`${entry.at}-${entry.to}`}
            className={`timeline__item timeline__item--${entry.direction}`}
          >
            <p className="timeline__title">{title}</p>
            <p className="timeline__meta">
              <time dateTime={entry.at}>{formatDate(entry.at)}</time> · {who}
            </p>
            {entry.reason ? (
              <blockquote className="quote user-text">{entry.reason}</blockquote>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
