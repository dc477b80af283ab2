import { isUnopened } from "../../../../client/sealing.ts";
import { formatDateTime } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { EmptyState } from "../../../ui/query-state.tsx";
import type { HurtEntry } from "../api/hurt.ts";
import { wordsByFamily } from "../words.ts";

const RECENT = 5;

function Words({ words, mine }: { words: HurtEntry["words"] | null; mine: boolean }) {
  // Chosen words are sealed as one list; a list that does not open comes back empty-handed.
  if (!Array.isArray(words)) {
    return <p className="unopened">These words could not be opened here.</p>;
  }
  return (
    <dl className="hurt-words">
      {wordsByFamily(words, mine ? "Your own words" : "Own words").map((group) => (
        <div className="hurt-words__group" key={group.key}>
          <dt className="hurt-words__family">{group.label}</dt>
          {group.words.map((word) => (
            <dd className="hurt-words__word user-text" key={word}>
              {word}
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}

function EntryItem({ entry }: { entry: HurtEntry }) {
  const people = usePeople();
  return (
    <li className="hurt-entry">
      <p className="hurt-entry__meta">
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
        {entry.mine ? (
          entry.visibility === "private" ? (
            <span className="badge badge--primary">Private</span>
          ) : (
            <span className="badge badge--calm">Shared with {people.partnerName}</span>
          )
        ) : null}
      </p>
      <Words words={entry.words} mine={entry.mine} />
      {entry.broken ? (
        <>
          <p className="hurt-entry__label">What feels broken</p>
          <p className={`quote user-text${isUnopened(entry.broken) ? " unopened" : ""}`}>
            {entry.broken}
          </p>
        </>
      ) : null}
      <p className="hurt-entry__repair">
        Does repair feel possible?{" "}
        <strong className="hurt-entry__number">{entry.repairPossible}</strong> of 10
      </p>
    </li>
  );
}

function EntryList({ entries, earlierLabel }: { entries: HurtEntry[]; earlierLabel: string }) {
  const recent = entries.slice(0, RECENT);
  const earlier = entries.slice(RECENT);
  return (
    <div className="stack-sm">
      <ul className="hurt-entries">
        {recent.map((entry) => (
          <EntryItem key={entry.id} entry={entry} />
        ))}
      </ul>
      {earlier.length > 0 ? (
        <details className="disclosure">
          <summary>
            {earlierLabel} ({earlier.length})
          </summary>
          <div className="disclosure__body">
            <ul className="hurt-entries">
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

/** What the viewer has written, and under the partner's name what they chose to share, newest first. */
export function HurtHistory({ entries }: { entries: HurtEntry[] }) {
  const people = usePeople();
  const newestFirst = entries.toSorted((a, b) => b.at.localeCompare(a.at));
  const mine = newestFirst.filter((entry) => entry.mine);
  const theirs = newestFirst.filter((entry) => !entry.mine);
  const partner = people.partner ? people.partner.name : "Your partner";
  return (
    <div className="hurt-history">
      <section className="hurt-history__part" aria-labelledby="hurt-history-mine">
        <h3 id="hurt-history-mine" className="hurt-history__title">
          Your entries {mine.length > 0 ? `(${mine.length})` : null}
        </h3>
        {mine.length > 0 ? (
          <EntryList entries={mine} earlierLabel="Your earlier entries" />
        ) : (
          <EmptyState title="Nothing written yet">
            <p>What you save above is kept here, so you can look back on it over the weeks.</p>
          </EmptyState>
        )}
      </section>
      {people.partner || theirs.length > 0 ? (
        <section className="hurt-history__part" aria-labelledby="hurt-history-theirs">
          <h3 id="hurt-history-theirs" className="hurt-history__title">
            Shared by {partner} {theirs.length > 0 ? `(${theirs.length})` : null}
          </h3>
          {theirs.length > 0 ? (
            <EntryList entries={theirs} earlierLabel={`Earlier entries from ${partner}`} />
          ) : (
            <EmptyState title={`Nothing shared by ${partner}`}>
              <p>
                If {partner} chooses to share an entry with you, it shows here. Entries kept private
                stay private.
              </p>
            </EmptyState>
          )}
        </section>
      ) : null}
    </div>
  );
}
