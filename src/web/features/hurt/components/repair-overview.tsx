import { useMemo } from "react";
import { REPAIR_SCALE } from "../../../../domain/emotions.ts";
import { formatDate, formatDateTime } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { EmptyState } from "../../../ui/query-state.tsx";
import { useNow } from "../../../ui/use-now.ts";
import type { RepairLine } from "../api/hurt.ts";
import { latestPoint, orderLines, pointCount, trendWords } from "../series.ts";
import { RepairChart } from "./repair-chart.tsx";

function AnswersTable({
  lines,
  nameOf,
}: {
  lines: RepairLine[];
  nameOf: (line: RepairLine) => string;
}) {
  const rows = lines
    .flatMap((line) => line.points.map((point) => ({ ...point, who: nameOf(line), by: line.by })))
    .sort((a, b) => b.at.localeCompare(a.at));
  return (
    <details className="disclosure">
      <summary>Show every answer</summary>
      <div className="disclosure__body table-wrap">
        <table className="numbers">
          <caption className="visually-hidden">
            Does repair feel possible: every answer, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Whose</th>
              <th scope="col">Answer (0–10)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.by}-${row.at}`}>
                <th scope="row">
                  <time dateTime={row.at}>{formatDateTime(row.at)}</time>
                </th>
                <td>{row.who}</td>
                <td>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** Every answer to "does repair feel possible" the viewer may see, as lines over time and in words. */
export function RepairOverview({ series }: { series: RepairLine[] }) {
  const people = usePeople();
  const now = useNow(60_000);
  const lines = useMemo(() => orderLines(series), [series]);
  const nameOf = (line: RepairLine) =>
    line.mine ? "You" : people.nameOf(line.by, { capital: true });

  if (pointCount(lines) < 2) {
    return (
      <EmptyState title={lines.length === 0 ? "No answers yet" : "One answer so far"}>
        <p>
          Each entry's answer to "does repair feel possible" becomes a point here. Once there are
          two, a line shows how it moves over time. There's no hurry, and no direction is wrong.
        </p>
      </EmptyState>
    );
  }

  const second = lines[1];
  return (
    <figure className="hurt-figure" aria-labelledby="hurt-figure-caption">
      <figcaption id="hurt-figure-caption">
        <ul className="hurt-legend">
          {lines.map((line, index) => {
            const latest = latestPoint(line.points);
            return (
              <li key={line.by} className="hurt-legend__item">
                <span
                  className={`hurt-legend__swatch hurt-legend__swatch--${index % 2}`}
                  aria-hidden="true"
                />
                <span>
                  <strong>{nameOf(line)}:</strong> {trendWords(line.points, now)}
                  {latest ? (
                    <span className="hurt-legend__latest">
                      {" "}
                      Latest answer: {latest.value} of 10, on{" "}
                      <time dateTime={latest.at}>{formatDate(latest.at)}</time>.
                    </span>
                  ) : null}
                </span>
              </li>
            );
          })}
        </ul>
        <span className="visually-hidden">
          A chart of the answers follows; every answer is also in a table.
        </span>
      </figcaption>
      <RepairChart lines={lines} />
      <p className="hurt-figure__scale muted small" aria-hidden="true">
        0: {REPAIR_SCALE.low}. 10: {REPAIR_SCALE.high}.
        {second
          ? ` ${nameOf(lines[0] ?? second)}: solid line. ${nameOf(second)}: dashed line.`
          : null}
      </p>
      <AnswersTable lines={lines} nameOf={nameOf} />
    </figure>
  );
}
