import { useMemo, useState } from "react";
import {
  CHECKIN_SCALE_LABELS,
  CHECKIN_SCALES,
  type CheckinScale,
} from "../../../../domain/checkins.ts";
import { ChoiceGroup } from "../../../ui/choice-group.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { EmptyState } from "../../../ui/query-state.tsx";
import type { CheckinWeek } from "../api/checkins.ts";
import { SCALE_NAMES } from "../copy.ts";
import { trendPoints, trendSentence, weekRange } from "../weeks.ts";
import { CheckinChart } from "./checkin-chart.tsx";

/**
 * How each scale moves across the weeks you both checked in, one scale at a time: a line each,
 * the latest of each in words, and every number in a table.
 */
export function CheckinTrends({ weeks }: { weeks: readonly CheckinWeek[] }) {
  const people = usePeople();
  const partner = people.nameOf(people.partner?.id, { capital: true });
  const [scale, setScale] = useState<CheckinScale>("trust");
  const points = useMemo(() => trendPoints(weeks, scale), [weeks, scale]);

  if (points.length === 0) {
    return (
      <EmptyState title="Nothing to draw yet">
        <p>
          Once you have both checked in for a week, your answers show here as two lines, one for
          each of you, so you can see how each scale moves over the weeks.
        </p>
      </EmptyState>
    );
  }

  const labels = CHECKIN_SCALE_LABELS[scale];
  return (
    <div className="stack checkin-trends">
      <ChoiceGroup
        size="compact"
        id="checkin-trend-scale"
        legend="Which scale to show"
        name="checkin-trend-scale"
        value={scale}
        onChange={setScale}
        choices={CHECKIN_SCALES.map((value) => ({ value, label: SCALE_NAMES[value] }))}
      />
      <figure className="checkin-figure" aria-labelledby="checkin-figure-caption">
        <figcaption id="checkin-figure-caption">
          <p className="checkin-figure__question">{labels.label}</p>
          <ul className="checkin-legend">
            <li className="checkin-legend__item">
              <span className="checkin-legend__swatch" aria-hidden="true" />
              <span>
                <strong>You:</strong> {trendSentence(points.map((p) => p.mine))}
              </span>
            </li>
            <li className="checkin-legend__item">
              <span
                className="checkin-legend__swatch checkin-legend__swatch--theirs"
                aria-hidden="true"
              />
              <span>
                <strong>{partner}:</strong> {trendSentence(points.map((p) => p.theirs))}
              </span>
            </li>
          </ul>
          <span className="visually-hidden">
            A chart of the weeks follows; every week's answers are also in a table.
          </span>
        </figcaption>
        {points.length > 1 ? (
          <>
            <CheckinChart points={points} />
            <p className="muted small checkin-figure__scale" aria-hidden="true">
              0: {labels.low}. 10: {labels.high}. You: solid line. {partner}: dashed line.
            </p>
          </>
        ) : (
          <p className="muted small">
            One week so far. A line shows once you have both checked in for a second week.
          </p>
        )}
        <details className="disclosure">
          <summary>Show every week's {SCALE_NAMES[scale].toLowerCase()} answers</summary>
          <div className="disclosure__body table-wrap">
            <table className="numbers">
              <caption className="visually-hidden">
                {SCALE_NAMES[scale]}, 0 ({labels.low}) to 10 ({labels.high}), newest week first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Week</th>
                  <th scope="col">You</th>
                  <th scope="col">{partner}</th>
                </tr>
              </thead>
              <tbody>
                {points.toReversed().map((point) => (
                  <tr key={point.week}>
                    <th scope="row">{weekRange(point.week)}</th>
                    <td>{point.mine}</td>
                    <td>{point.theirs}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figure>
    </div>
  );
}
