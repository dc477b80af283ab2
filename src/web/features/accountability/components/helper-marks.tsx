import { DEFENSIVENESS_LABELS, type DefensivenessMark } from "../../../../domain/defensiveness.ts";
import { phraseCount } from "../highlight.ts";

/**
 * The helper's marks as a list under a field: the words, what kind of move they are, why they
 * can land badly, and a gentler way to say it. This list is the marks' accessible form; the
 * highlight behind the text only points to it.
 */
export function HelperMarks({ marks, id }: { marks: readonly DefensivenessMark[]; id: string }) {
  if (marks.length === 0) return null;
  return (
    <div className="accountability-marks" id={id}>
      <p className="accountability-marks__title">
        The helper marks {phraseCount(marks.length)} here.
      </p>
      <ol className="accountability-marks__list">
        {marks.map((mark) => (
          <li className="accountability-mark" key={`${mark.kind}-${mark.start}`}>
            <p className="accountability-mark__head">
              <span className="accountability-mark__phrase">“{mark.text}”</span>{" "}
              <span className="badge badge--attention">{DEFENSIVENESS_LABELS[mark.kind]}</span>
            </p>
            <p className="accountability-mark__why">{mark.why}</p>
            <p className="accountability-mark__instead">
              <span className="accountability-mark__instead-label">Another way: </span>
              {mark.instead}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
