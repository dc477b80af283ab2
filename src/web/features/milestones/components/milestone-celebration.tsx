import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { MILESTONE_WORDS } from "../../../../domain/milestones.ts";
import { Button } from "../../../ui/button.tsx";
import { formatDate } from "../../../ui/format.ts";
import { useMarkMilestoneSeen, useMilestones } from "../api/milestones.ts";
import { toCelebrate } from "../milestones.ts";
import { MilestoneMark } from "./milestone-mark.tsx";
import "../milestones.css";

/**
 * Each milestone the viewer has not seen yet, one at a time and quietly: what was reached, when,
 * and a "Thank you" that puts it away for them. Nothing shows when there is nothing new, or
 * when the list can't be read (a celebration is never worth an error on Home).
 */
export function MilestoneCelebration() {
  const milestones = useMilestones();
  const seen = useMarkMilestoneSeen();
  const [thanked, setThanked] = useState<ReadonlySet<string>>(new Set());
  const [allThanked, setAllThanked] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const after = useRef<HTMLParagraphElement>(null);
  const moved = useRef(false);

  const waiting = toCelebrate(milestones.data?.milestones ?? [], thanked);
  const current = waiting[0];

  // After a thank-you, the next one (or the closing line) is where the person is taken.
  useEffect(() => {
    if (!moved.current) return;
    if (current) heading.current?.focus();
    else after.current?.focus();
  }, [current]);

  if (!current) {
    return allThanked ? (
      <p className="milestone-after muted small" tabIndex={-1} ref={after}>
        Every milestone you reach stays on <Link to="/milestones">Milestones</Link>.
      </p>
    ) : null;
  }

  const words = MILESTONE_WORDS[current.key];
  return (
    <section className="milestone" aria-labelledby="milestone-title">
      <MilestoneMark />
      <div className="milestone__body">
        <p className="milestone__eyebrow">
          {waiting.length > 1
            ? `Something you reached together · 1 of ${waiting.length}`
            : "Something you reached together"}
        </p>
        <h2 className="milestone__title" id="milestone-title" tabIndex={-1} ref={heading}>
          {words.title}
        </h2>
        <p className="milestone__words">{words.words}</p>
        <p className="milestone__when muted small">
          Reached on <time dateTime={current.reachedAt}>{formatDate(current.reachedAt)}</time>
        </p>
        <div className="actions">
          <Button
            variant="secondary"
            busy={seen.isPending}
            onClick={() =>
              seen.mutate(current.key, {
                onSuccess: () => {
                  moved.current = true;
                  setThanked((keys) => new Set([...keys, current.key]));
                  if (waiting.length === 1) setAllThanked(true);
                },
              })
            }
          >
            Thank you
          </Button>
        </div>
        {seen.isError ? (
          <p className="field__error" role="alert">
            That didn't go through. Please try again.
          </p>
        ) : null}
      </div>
    </section>
  );
}
