import { isUnopened } from "../../../../client/sealing.ts";
import { CHECKIN_SCALES } from "../../../../domain/checkins.ts";
import { formatDateTime } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { ShareWithTherapist } from "../../therapists/components/share-toggle.tsx";
import type { Checkin } from "../api/checkins.ts";
import { SCALE_NAMES, WORDS_FIELDS, WORDS_ORDER } from "../copy.ts";

/** One person's check-in for a week: the four numbers, then the three things written. */
export function CheckinAnswers({ checkin, level = 3 }: { checkin: Checkin; level?: 3 | 4 }) {
  const people = usePeople();
  const Heading = level === 3 ? "h3" : "h4";
  const writer = checkin.mine ? "You" : people.nameOf(checkin.by, { capital: true });
  return (
    <article className="checkin-answers" aria-label={`${writer}: check-in`}>
      <header className="checkin-answers__header">
        <Heading className="checkin-answers__writer">{writer}</Heading>
        <p className="checkin-answers__when">
          Sent <time dateTime={checkin.at}>{formatDateTime(checkin.at)}</time>
        </p>
      </header>
      <dl className="checkin-numbers">
        {CHECKIN_SCALES.map((scale) => (
          <div className="checkin-numbers__item" key={scale}>
            <dt>{SCALE_NAMES[scale]}</dt>
            <dd>
              <span className="checkin-numbers__value">{checkin[scale]}</span>
              <span className="checkin-numbers__of"> of 10</span>
            </dd>
          </div>
        ))}
      </dl>
      <dl className="checkin-words">
        {WORDS_ORDER.map((field) => (
          <div key={field}>
            <dt className="checkin-words__name">{WORDS_FIELDS[field].name}</dt>
            <dd className={`quote user-text${isUnopened(checkin[field]) ? " unopened" : ""}`}>
              {checkin[field]}
            </dd>
          </div>
        ))}
      </dl>
      <ShareWithTherapist
        type="checkin"
        id={checkin.id}
        by={checkin.by}
        shared={checkin.sharedWithTherapist}
        itemLabel="your check-in"
      />
    </article>
  );
}

/** Both check-ins of a week, the viewer's first: side by side where there is room. */
export function CheckinPair({
  mine,
  theirs,
  level = 3,
}: {
  mine: Checkin;
  theirs: Checkin;
  level?: 3 | 4;
}) {
  return (
    <div className="checkin-pair">
      <CheckinAnswers checkin={mine} level={level} />
      <CheckinAnswers checkin={theirs} level={level} />
    </div>
  );
}
