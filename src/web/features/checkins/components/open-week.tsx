import { useEffect, useRef, useState } from "react";
import { Card } from "../../../ui/card.tsx";
import { formatDateTime } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { Reveal } from "../../../ui/reveal.tsx";
import { Notice } from "../../../ui/status.tsx";
import type { CheckinWeek } from "../api/checkins.ts";
import { weekRange, weekState } from "../weeks.ts";
import { CheckinAnswers, CheckinPair } from "./checkin-answers.tsx";
import { CheckinForm } from "./checkin-form.tsx";

interface OpenWeekProps {
  week: CheckinWeek;
  /** "This week" or "Last week". */
  title: string;
  /** "this week's" or "last week's", for the form's name. */
  weekName: string;
  /** Couple features are paused for the viewer: answers show, nothing is written. */
  readOnly: boolean;
  /** Last week, not yet written: its form waits behind a button, this week's comes first. */
  catchUp?: boolean;
}

/**
 * A week that can still be written: one's own form, or one's own answers that stay changeable
 * until both have sent theirs; once both have, the two side by side. Whether the partner has
 * sent theirs is said, never what it says.
 */
export function OpenWeek({ week, title, weekName, readOnly, catchUp = false }: OpenWeekProps) {
  const people = usePeople();
  const partner = people.nameOf(people.partner?.id, { capital: true });
  const state = weekState(week);
  const [editing, setEditing] = useState(false);
  const formArea = useRef<HTMLDivElement>(null);
  const changeButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const sentNote = useRef<HTMLDivElement>(null);
  const justSent = useRef(false);

  useEffect(() => {
    if (editing) formArea.current?.querySelector<HTMLElement>("input, textarea")?.focus();
    else if (wasEditing.current) changeButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  // A first check-in sent: the form gives way to one's answers, and focus to the note above them.
  useEffect(() => {
    if (state !== "mine-open" || !justSent.current) return;
    justSent.current = false;
    sentNote.current?.focus();
  }, [state]);

  const heading = (
    <>
      {title} <span className="checkin-week__range">{weekRange(week.week)}</span>
    </>
  );

  if (state === "revealed") {
    return (
      <Card title={heading} tone="calm" className="checkin-week">
        <p>You have both checked in, so this week is closed. Here are your answers side by side.</p>
        {week.mine && week.theirs ? (
          <CheckinPair mine={week.mine} theirs={week.theirs} />
        ) : week.mine ? (
          <CheckinAnswers checkin={week.mine} />
        ) : null}
      </Card>
    );
  }

  if (state === "mine-open" && week.mine) {
    return (
      <Card title={heading} className="checkin-week">
        <div ref={sentNote} tabIndex={-1} className="checkin-week__sent">
          <Notice tone="success">
            <p>
              You sent yours on <time dateTime={week.mine.at}>{formatDateTime(week.mine.at)}</time>.
              You can change it until you both have submitted.
            </p>
            <p>{partner} hasn't sent theirs yet. You'll see each other's answers once they have.</p>
          </Notice>
        </div>
        {editing ? (
          <div ref={formArea}>
            <CheckinForm
              week={week.week}
              weekName={weekName}
              mine={week.mine}
              onCancel={() => setEditing(false)}
              onSent={() => setEditing(false)}
            />
          </div>
        ) : (
          <>
            <CheckinAnswers checkin={week.mine} />
            {readOnly ? null : (
              <div className="actions">
                <button
                  ref={changeButton}
                  type="button"
                  className="button button--secondary"
                  onClick={() => setEditing(true)}
                >
                  Change my answers
                </button>
              </div>
            )}
          </>
        )}
      </Card>
    );
  }

  return (
    <Card title={heading} className="checkin-week">
      <p className="checkin-week__partner">
        {week.partnerSubmitted
          ? `${partner} has sent theirs. You'll see it once you've sent yours, and they'll see yours then too.`
          : `${partner} hasn't sent theirs yet. Neither of you sees the other's answers until you both have.`}
      </p>
      {readOnly ? (
        <p className="muted">While couple features are paused for you, check-ins wait.</p>
      ) : catchUp ? (
        <>
          <p>
            If last week slipped by, you can still check in for it until you have both sent one.
          </p>
          <Reveal label="Check in for last week" closeLabel="Not now">
            <CheckinForm
              week={week.week}
              weekName={weekName}
              mine={null}
              onSent={() => {
                justSent.current = true;
              }}
            />
          </Reveal>
        </>
      ) : (
        <CheckinForm
          week={week.week}
          weekName={weekName}
          mine={null}
          onSent={() => {
            justSent.current = true;
          }}
        />
      )}
    </Card>
  );
}
