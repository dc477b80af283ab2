import { useState } from "react";
import { nextWindow } from "../../../../domain/schedule.ts";
import { Button } from "../../../ui/button.tsx";
import { ConfirmInline } from "../../../ui/confirm-inline.tsx";
import { browserTimeZone, formatClock, formatDate, zonePlace } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { answering, ProposalAnswers } from "../../../ui/proposal-answers.tsx";
import { ErrorState } from "../../../ui/query-state.tsx";
import { useToast } from "../../../ui/toast.tsx";
import { type TalkTime, type TalkTimeAction, useTalkTimeAction } from "../api/talk-times.ts";
import { formatMinutes, TALK_STATUS_LABELS, WEEKDAY_PLURALS } from "../copy.ts";
import { TalkTimeFormView } from "./talk-time-form.tsx";
import { TalkWindowText } from "./talk-window.tsx";

export type TalkTimeGroup = "my-answer" | "partner-answer" | "agreed" | "past";

/** "Wednesdays at 19:00 · 45 minutes", with the zone when it isn't the viewer's. */
export function talkTimeTitle(talkTime: TalkTime): string {
  const zone =
    talkTime.timeZone === browserTimeZone() ? "" : ` (${zonePlace(talkTime.timeZone)} time)`;
  return `${WEEKDAY_PLURALS[talkTime.weekday]} at ${formatClock(talkTime.start)}${zone} · ${formatMinutes(talkTime.minutes)}`;
}

/** The next window, or null if this browser can't read the zone (the server still can). */
function safeNextWindow(talkTime: TalkTime) {
  try {
    return nextWindow(talkTime, new Date());
  } catch {
    return null;
  }
}

const DONE: Record<TalkTimeAction, string> = {
  accept: "Agreed. You'll find it under your talk times, with the next date.",
  decline: "Declined. Either of you can suggest another time whenever you like.",
  withdraw: "Withdrawn.",
  end: "Stopped. Past talks and their logs stay in your history.",
};

interface TalkTimeCardProps {
  talkTime: TalkTime;
  group: TalkTimeGroup;
  replaces?: TalkTime | undefined;
  /** Couple actions are paused for the viewer: show the talk time, offer nothing to do. */
  readOnly?: boolean;
}

/** One talk time, with the answers that fit its state and the viewer. */
export function TalkTimeCard({ talkTime, group, replaces, readOnly = false }: TalkTimeCardProps) {
  const people = usePeople();
  const toast = useToast();
  const action = useTalkTimeAction();
  const [countering, setCountering] = useState(false);
  const titleId = `talk-time-${talkTime.id}`;
  const busy = action.isPending;
  const title = talkTimeTitle(talkTime);

  async function run(kind: TalkTimeAction) {
    try {
      await action.mutateAsync({ id: talkTime.id, action: kind });
      toast(DONE[kind]);
    } catch {
      // shown below from action.error
    }
  }

  const next = group === "past" ? null : safeNextWindow(talkTime);

  return (
    <article className={`talk-time talk-time--${group}`} aria-labelledby={titleId}>
      {group === "past" ? (
        <div className="agreement__tags">
          <span className="badge">{TALK_STATUS_LABELS[talkTime.status]}</span>
        </div>
      ) : null}
      <p className="talk-time__title" id={titleId}>
        {title}
      </p>
      {replaces && (group === "my-answer" || group === "partner-answer") ? (
        <p className="small talk-time__replaces">
          <span className="muted">Instead of: </span>
          {talkTimeTitle(replaces)}
        </p>
      ) : null}
      {next ? (
        <p className="talk-time__next">
          <span className="muted">{group === "agreed" ? "Next: " : "The first would be: "}</span>
          <TalkWindowText
            startsAt={next.startsAt.toISOString()}
            endsAt={next.endsAt.toISOString()}
            timeZone={talkTime.timeZone}
          />
        </p>
      ) : null}
      <p className="talk-time__meta">
        Suggested by {people.nameOf(talkTime.proposedBy)} on {formatDate(talkTime.createdAt)}
      </p>

      {readOnly ? null : (
        <>
          {group === "my-answer" && !countering ? (
            <ProposalAnswers
              running={answering(busy, action.variables?.action)}
              onAnswer={run}
              onCounter={() => setCountering(true)}
              counterLabel="Suggest another time"
            />
          ) : null}
          {group === "my-answer" && countering ? (
            <TalkTimeFormView counterTo={talkTime} onCancel={() => setCountering(false)} />
          ) : null}

          {group === "partner-answer" ? (
            <div className="actions">
              <p className="muted small agreement__waiting">
                {people.partner
                  ? `Waiting for ${people.partnerName} to answer.`
                  : "Your partner can answer once they've joined."}
              </p>
              <Button variant="quiet" size="small" busy={busy} onClick={() => run("withdraw")}>
                Withdraw
              </Button>
            </div>
          ) : null}

          {group === "agreed" ? (
            <ConfirmInline
              label="Stop this talk time"
              ariaLabel={`Stop this talk time: ${title}`}
              question={`Stop meeting on ${WEEKDAY_PLURALS[talkTime.weekday]} at ${formatClock(talkTime.start)}? ${people.partnerName} will see it has stopped. You can agree on a new time whenever you like.`}
              confirmLabel="Yes, stop it"
              cancelLabel="Keep it"
              busy={busy}
              onConfirm={() => void run("end")}
            />
          ) : null}
        </>
      )}

      {action.isError ? <ErrorState title="That didn't go through" error={action.error} /> : null}
    </article>
  );
}
