import { useMemo } from "react";
import type { DailyPoint } from "../../../../domain/intensity.ts";
import { Card } from "../../../ui/card.tsx";
import { formatDay } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { EmptyState } from "../../../ui/query-state.tsx";
import type { IntensityData, IntensityTrend } from "../api/intensity.ts";
import { seriesByPerson } from "../series.ts";
import { IntensityChart } from "./intensity-chart.tsx";

function NumbersTable({ points, caption }: { points: DailyPoint[]; caption: string }) {
  const days = points.filter((point) => point.value !== null).reverse();
  return (
    <details className="disclosure">
      <summary>Show the numbers</summary>
      <div className="disclosure__body table-wrap">
        <table className="numbers">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Intensity (0–10)</th>
            </tr>
          </thead>
          <tbody>
            {days.map((point) => (
              <tr key={point.day}>
                <th scope="row">{formatDay(point.day)}</th>
                <td>{point.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function PersonChart({
  personId,
  points,
  trend,
}: {
  personId: string;
  points: DailyPoint[];
  trend: IntensityTrend | undefined;
}) {
  const people = usePeople();
  const mine = people.isMe(personId);
  const name = mine ? "You" : people.nameOf(personId, { capital: true });
  const hasData = points.some((point) => point.value !== null);
  const captionId = `trend-${personId}`;
  return (
    <Card title={mine ? "Your intensity" : `${name}'s intensity`} level={2}>
      {hasData ? (
        <figure className="intensity-figure" aria-labelledby={captionId}>
          <figcaption id={captionId} className="intensity-figure__caption">
            <span className={`trend trend--${trend?.status ?? "not-enough-data"}`}>
              {trend
                ? trend.sentence
                : "Not enough intensity checks from the last two weeks to show a trend."}
            </span>
            <span className="visually-hidden">
              {" "}
              A chart of the daily numbers follows; the numbers are also in a table.
            </span>
          </figcaption>
          <IntensityChart points={points} />
          <p className="intensity-figure__scale muted small" aria-hidden="true">
            0 is calm, 10 is overwhelming. Each dot is a day's average.
          </p>
          <NumbersTable points={points} caption={`${name}: intensity by day, newest first`} />
        </figure>
      ) : (
        <EmptyState title={mine ? "No intensity checks yet" : `Nothing shared by ${name} yet`}>
          <p>
            {mine
              ? "Once you check in a few times, you'll see here how it goes over the weeks."
              : `When ${name} shares an intensity check, it shows here.`}
          </p>
        </EmptyState>
      )}
    </Card>
  );
}

/** One chart per partner, over the same days, with the trend in words. */
export function IntensityOverview({ data }: { data: IntensityData }) {
  const people = usePeople();
  const persons = useMemo(
    () => [people.meId, ...(people.partner ? [people.partner.id] : [])],
    [people.meId, people.partner],
  );
  const series = useMemo(
    () => seriesByPerson(data.entries, persons, data.timeZone),
    [data.entries, persons, data.timeZone],
  );
  return (
    <div className="grid-2">
      {persons.map((person) => (
        <PersonChart
          key={person}
          personId={person}
          points={series.get(person) ?? []}
          trend={data.trends.find((trend) => trend.by === person)}
        />
      ))}
    </div>
  );
}
