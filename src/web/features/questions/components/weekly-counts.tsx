import { useEffect, useRef, useState } from "react";
import { isoWeekOf } from "../../../../domain/questions.ts";
import { lazyDateFormat } from "../../../ui/format.ts";
import { EmptyState } from "../../../ui/query-state.tsx";
import {
  countsSentence,
  type LedgerCounts,
  type LedgerWeek,
  mondayOfIsoWeek,
  recentWeeks,
  totalsOf,
} from "../weeks.ts";

/** Enough weeks to see a rhythm, few enough to stay a glance. */
const WEEKS_SHOWN = 6;

const COLUMNS: ReadonlyArray<{ key: keyof LedgerCounts; label: string }> = [
  { key: "asked", label: "Asked" },
  { key: "askedAgain", label: "Asked again" },
  { key: "answered", label: "Answered" },
  { key: "letGo", label: "Let go" },
];

const shortDay = lazyDateFormat({
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

function weekLabel(week: string, index: number, count: number): string {
  if (index === count - 1) return "This week";
  if (index === count - 2) return "Last week";
  const monday = mondayOfIsoWeek(week);
  // "26 Oct" stays on one line; "Last week" may wrap on a phone.
  return monday
    ? shortDay()
        .format(new Date(`${monday}T12:00:00Z`))
        .replace(/\s/g, "\u00a0")
    : week;
}

/**
 * Whether a box is narrower than what it holds. On the narrowest phones the table scrolls
 * sideways (a table keeps its columns), and then it must be reachable by keyboard too.
 */
function useOverflowing<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const check = () => setOverflowing(element.scrollWidth > element.clientWidth);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, overflowing };
}

function WeeksTable({ rows }: { rows: readonly LedgerWeek[] }) {
  const wrap = useOverflowing<HTMLDivElement>();
  const max = Math.max(1, ...rows.flatMap((row) => COLUMNS.map((column) => row[column.key])));
  return (
    <div
      className="table-wrap"
      ref={wrap.ref}
      {...(wrap.overflowing
        ? { tabIndex: 0, role: "region", "aria-label": "Questions week by week" }
        : {})}
    >
      <table className="numbers questions-weeks">
        <caption className="visually-hidden">Questions week by week, the oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Week</th>
            {COLUMNS.map((column) => (
              <th scope="col" key={column.key}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.week}>
              <th scope="row">{weekLabel(row.week, index, rows.length)}</th>
              {COLUMNS.map((column) => (
                <td key={column.key}>
                  <span className="questions-weeks__cell">
                    <span className="questions-weeks__number">{row[column.key]}</span>
                    <span className="questions-weeks__track" aria-hidden="true">
                      <span
                        className={`questions-weeks__bar questions-weeks__bar--${column.key}`}
                        style={{ inlineSize: `${(row[column.key] / max) * 100}%` }}
                      />
                    </span>
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The ledger week by week: asked, asked again, answered, let go. A table first (it is the text),
 * with a small bar in each cell for the eye; looping and letting go show without a verdict.
 */
export function WeeklyCounts({
  weeks,
  timeZone,
  now = new Date(),
}: {
  weeks: readonly LedgerWeek[];
  /** The couple's zone, the one the server counted the weeks in. */
  timeZone: string;
  now?: Date;
}) {
  const rows = recentWeeks(weeks, isoWeekOf(now, timeZone), WEEKS_SHOWN);
  const recent = totalsOf(rows);
  const all = totalsOf(weeks);
  if (all.asked + all.askedAgain + all.answered + all.letGo === 0) {
    return (
      <EmptyState title="Nothing to count yet">
        <p>Once questions are asked and answered, you'll see here how the weeks go.</p>
      </EmptyState>
    );
  }
  const older = totalsOf(weeks.filter((week) => !rows.some((row) => row.week === week.week)));
  const olderAny = older.asked + older.askedAgain + older.answered + older.letGo > 0;
  return (
    <div className="stack-sm">
      <p>
        In the last {WEEKS_SHOWN} weeks: {countsSentence(recent)}.
      </p>
      <WeeksTable rows={rows} />
      {olderAny ? <p className="small muted">Before that: {countsSentence(older)}.</p> : null}
      <p className="small muted">
        Asking again is part of this: some answers take more than one go to land. Seeing the weeks
        side by side helps you both notice when a question keeps coming back, and when letting one
        go has given you some room.
      </p>
    </div>
  );
}
