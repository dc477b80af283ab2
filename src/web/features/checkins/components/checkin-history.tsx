import { usePeople } from "../../../ui/people.tsx";
import { EmptyState } from "../../../ui/query-state.tsx";
import type { CheckinWeek } from "../api/checkins.ts";
import { weekRange } from "../weeks.ts";
import { CheckinAnswers, CheckinPair } from "./checkin-answers.tsx";

/**
 * Earlier weeks, newest first: side by side where both checked in; where only one did, that
 * person's own answers stay with them, and the other only reads that the week was not shared.
 */
export function CheckinHistory({ weeks }: { weeks: readonly CheckinWeek[] }) {
  const people = usePeople();
  if (weeks.length === 0) {
    return (
      <EmptyState title="No earlier weeks yet">
        <p>Each week you both check in is kept here, with your answers side by side.</p>
      </EmptyState>
    );
  }
  return (
    <ol className="checkin-history">
      {weeks.map((week) => (
        <li key={week.week} className="checkin-history__week">
          <h3 className="checkin-history__title">{weekRange(week.week)}</h3>
          {week.mine && week.theirs ? (
            <CheckinPair mine={week.mine} theirs={week.theirs} level={4} />
          ) : week.mine ? (
            <>
              <p className="muted small">
                Only you checked in this week, so your answers stay with you.
              </p>
              <CheckinAnswers checkin={week.mine} level={4} />
            </>
          ) : (
            <p className="muted small">
              {people.nameOf(people.partner?.id, { capital: true })} checked in this week and you
              didn't, so their answers stay with them. Weeks come and go; the next one is a fresh
              start.
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
