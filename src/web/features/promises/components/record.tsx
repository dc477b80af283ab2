import { useMemo } from "react";
import { formatDay } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import type { PromiseItem } from "../api/promises.ts";
import { alignSeries, percent } from "../promise-view.ts";
import { RecordChart } from "./record-chart.tsx";

/** One marked day is a dot, not a course: the line over time waits for a second. */
const MIN_CHART_DAYS = 2;

/** A score as a quiet bar with its percentage: there to glance at, after the words. */
export function ScoreBar({
  score,
  label,
  shown,
}: {
  score: number | null;
  /** Its name for screen readers. */
  label: string;
  /** A short name on screen, before the bar. */
  shown?: string;
}) {
  if (score === null) return null;
  const value = percent(score);
  return (
    <p className="promises-score">
      {shown ? <span aria-hidden="true">{shown}</span> : null}
      <span className="promises-score__bar" aria-hidden="true">
        <span className="promises-score__fill" style={{ width: `${value}%` }} />
      </span>
      <span className="promises-score__value">
        <span className="visually-hidden">{label}: </span>
        {value}%
      </span>
    </p>
  );
}

function RecordTable({
  days,
  self,
  partner,
  selfLabel,
  partnerLabel,
  caption,
}: {
  days: string[];
  self: Array<number | null>;
  partner: Array<number | null>;
  selfLabel: string;
  partnerLabel: string;
  caption: string;
}) {
  const rows = days.map((day, i) => ({ day, self: self[i] ?? null, partner: partner[i] ?? null }));
  const cell = (score: number | null) => (score === null ? "—" : `${percent(score)}%`);
  return (
    <details className="disclosure">
      <summary>Show the numbers</summary>
      <div className="disclosure__body table-wrap">
        <table className="numbers">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">{selfLabel}</th>
              <th scope="col">{partnerLabel}</th>
            </tr>
          </thead>
          <tbody>
            {rows.reverse().map((row) => (
              <tr key={row.day}>
                <th scope="row">{formatDay(row.day)}</th>
                <td>{cell(row.self)}</td>
                <td>{cell(row.partner)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/**
 * How a promise is going, in words first: the promiser's own record and what the partner saw,
 * each on its own and never blended. The forgiving score follows as a quiet bar, and its course
 * over time as a chart with a table beside it.
 */
export function Record({ promise }: { promise: PromiseItem }) {
  const people = usePeople();
  const { self, partner } = promise.record;
  const marks = promise.mine ? "your marks" : `${people.nameOf(promise.by)}'s marks`;
  const seen = `what ${promise.mine ? (people.partner ? people.partnerName : "your partner") : "you"} saw`;
  const selfLabel = `From ${marks}`;
  const partnerLabel = `From ${seen}`;
  const series = useMemo(() => alignSeries(self.series, partner.series), [self, partner]);

  return (
    <div className="promises-record">
      <h4 className="promises-card__subheading">How it's going</h4>
      <dl className="promises-record__list">
        <div className="promises-record__item">
          <dt>{selfLabel}</dt>
          <dd>
            <p className="promises-record__words">{self.words}</p>
            <ScoreBar score={self.score} label={`${selfLabel}, the forgiving score`} />
          </dd>
        </div>
        <div className="promises-record__item">
          <dt>{partnerLabel}</dt>
          <dd>
            <p className="promises-record__words">{partner.words}</p>
            <ScoreBar score={partner.score} label={`${partnerLabel}, the forgiving score`} />
          </dd>
        </div>
      </dl>
      {series.days.length >= MIN_CHART_DAYS ? (
        <details className="disclosure">
          <summary>See it over time</summary>
          <div className="disclosure__body">
            <figure className="promises-figure">
              <figcaption className="small muted">
                The forgiving score after each marked day: one miss dents it, it never resets it,
                and days off leave it as it was. Solid line: {marks}. Dashed line: {seen}.
              </figcaption>
              <RecordChart series={series} />
              <RecordTable
                days={series.days}
                self={series.self}
                partner={series.partner}
                selfLabel={selfLabel}
                partnerLabel={partnerLabel}
                caption="The forgiving score of this promise by day, newest first"
              />
            </figure>
          </div>
        </details>
      ) : null}
    </div>
  );
}
