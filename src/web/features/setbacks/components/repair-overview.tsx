import { useMemo } from "react";
import { durationInWords, SETBACK_KIND_LABELS } from "../../../../domain/setbacks.ts";
import { formatDate } from "../../../ui/format.ts";
import { EmptyState } from "../../../ui/query-state.tsx";
import type { SetbacksData } from "../api/setbacks.ts";
import { hoursText, repairRows } from "../repair.ts";
import { RepairChart } from "./repair-chart.tsx";

/** How long repair took, setback by setback: the trend in words, a bar each, and a table. */
export function RepairOverview({ data }: { data: SetbacksData }) {
  const rows = useMemo(() => repairRows(data), [data]);
  if (rows.length === 0) {
    return (
      <EmptyState title="No setback repaired yet">
        <p>
          Once you have both said a setback feels repaired, the time it took shows here. Over time,
          how quickly and honestly you find your way back tells more than how often setbacks happen.
        </p>
      </EmptyState>
    );
  }
  return (
    <figure className="setback-figure" aria-labelledby="setback-figure-caption">
      <figcaption id="setback-figure-caption">
        <p className="setback-figure__trend">{data.trend}</p>
        <span className="visually-hidden">
          A chart of the hours each repair took follows; they are also in a table.
        </span>
      </figcaption>
      {rows.length > 1 ? (
        <>
          <RepairChart rows={rows} />
          <p className="muted small setback-figure__scale" aria-hidden="true">
            Each bar is one repaired setback, the first on the left; its height is the hours from
            noting it to both of you saying it feels repaired.
          </p>
        </>
      ) : null}
      <details className="disclosure">
        <summary>Show the time each repair took</summary>
        <div className="disclosure__body table-wrap">
          <table className="numbers">
            <caption className="visually-hidden">
              Time to repair, each repaired setback, the latest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Setback</th>
                <th scope="col">Noted</th>
                <th scope="col">Time to repair</th>
                <th scope="col">Hours</th>
              </tr>
            </thead>
            <tbody>
              {rows.toReversed().map((row) => (
                <tr key={row.setbackId}>
                  <th scope="row">
                    #{row.number}
                    {row.kind ? ` ${SETBACK_KIND_LABELS[row.kind]}` : ""}
                  </th>
                  <td>{row.at ? <time dateTime={row.at}>{formatDate(row.at)}</time> : "—"}</td>
                  <td>{durationInWords(row.hours)}</td>
                  <td>{hoursText(row.hours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
