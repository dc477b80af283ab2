import { type ReactNode, useMemo, useState } from "react";
import type { IsoDay } from "../../../../domain/dates.ts";
import { Button } from "../../../ui/button.tsx";
import { formatDate, formatDay } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { Notice } from "../../../ui/status.tsx";
import { useToast } from "../../../ui/toast.tsx";
import { ShareWithTherapist } from "../../therapists/components/share-toggle.tsx";
import {
  failureWords,
  type PromiseItem,
  type ProposalMove,
  usePromiseMove,
} from "../api/promises.ts";
import {
  AREA_LABELS,
  cadenceWords,
  ENDED_LABELS,
  pendingChangeOf,
  replacementOf,
  reviewDue,
} from "../promise-view.ts";
import { BrickWall } from "../wall/brick-wall.tsx";
import { DaysOff } from "./days-off.tsx";
import { PromiseBuilder } from "./promise-builder.tsx";
import { Record } from "./record.tsx";
import { ReviewPanel } from "./review-panel.tsx";
import { Tracking } from "./tracking.tsx";

/** A panel opened in place takes focus at its first field, so nobody is left on a gone button. */
function focusFirstField(element: HTMLDivElement | null) {
  element?.querySelector<HTMLElement>("textarea, input, select")?.focus();
}

export type PromiseGroup = "for-you" | "for-partner" | "active" | "ended";

const DONE: Record<ProposalMove, string> = {
  accept: "Accepted. Tracking starts today, and its first brick can go down today.",
  decline: "Noted: not this one. It's under Ended, and a different promise can always follow.",
  withdraw: "Withdrawn. It's under Ended.",
};

function ProposalAnswers({ promise, replaces }: { promise: PromiseItem; replaces: boolean }) {
  const people = usePeople();
  const toast = useToast();
  const move = usePromiseMove();
  const running = move.isPending ? move.variables?.move : undefined;
  // Said by the toast either way: once the list reloads, this card may have moved elsewhere.
  const run = (kind: ProposalMove) =>
    move.mutate(
      { id: promise.id, move: kind },
      {
        onSuccess: () => toast(DONE[kind]),
        onError: (error) => toast(`That didn't go through. ${failureWords(error)}`),
      },
    );
  const name = people.nameOf(promise.by, { capital: true });

  if (promise.mine) {
    return (
      <div className="actions">
        <p className="muted small promises-card__waiting">
          {people.partner
            ? `Waiting for ${people.partnerName} to accept it as meaningful.`
            : "Your partner can accept it once they've joined."}
        </p>
        <Button
          variant="quiet"
          size="small"
          busy={running === "withdraw"}
          onClick={() => run("withdraw")}
        >
          Withdraw
        </Button>
      </div>
    );
  }
  return (
    <>
      <p className="muted small">
        Accepting says this promise would mean something to you; tracking starts today
        {replaces ? ", and the earlier wording is retired with its wall" : ""}. If it isn't the one
        that would help, say so: {name} can offer a different one.
      </p>
      <div className="actions">
        <Button
          busy={running === "accept"}
          disabled={running !== undefined}
          onClick={() => run("accept")}
        >
          Accept as meaningful
        </Button>
        <Button
          variant="secondary"
          busy={running === "decline"}
          disabled={running !== undefined}
          onClick={() => run("decline")}
        >
          Not this one
        </Button>
      </div>
    </>
  );
}

interface PromiseCardProps {
  promise: PromiseItem;
  all: readonly PromiseItem[];
  group: PromiseGroup;
  today: IsoDay;
  readOnly: boolean;
  /** The viewer's promises tracked now, for the builder when the wording changes. */
  activeMine: number;
}

/** One promise with what fits its state and the viewer. */
export function PromiseCard({
  promise,
  all,
  group,
  today,
  readOnly,
  activeMine,
}: PromiseCardProps) {
  const people = usePeople();
  const toast = useToast();
  const [changing, setChanging] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const textId = `promise-${promise.id}`;
  const wall = useMemo(
    () => [{ id: promise.id, label: promise.text, occurrences: promise.occurrences }],
    [promise],
  );
  const due = reviewDue(promise, today);
  const replaced = promise.replaces ? all.find((p) => p.id === promise.replaces) : undefined;
  const pendingChange = group === "active" ? pendingChangeOf(promise, all) : undefined;
  const successor = group === "ended" ? replacementOf(promise, all) : undefined;
  const who = promise.mine ? "you" : people.nameOf(promise.by);

  const partnerName = people.partner ? people.partnerName : "your partner";
  const builder = (
    <div className="inline-panel" ref={focusFirstField}>
      <h4 className="promises-card__subheading">New wording</h4>
      <p className="muted small">
        The promise as it is stays tracked until {partnerName} accepts the new wording.
      </p>
      <PromiseBuilder
        today={today}
        activeMine={activeMine}
        replacing={promise}
        onClose={(sent) => {
          setChanging(false);
          setReviewing(false);
          if (sent) {
            toast(
              `The new wording is with ${partnerName}. This one is tracked until they accept it.`,
            );
          }
        }}
      />
    </div>
  );
  let reviewArea: ReactNode = null;
  if (changing) reviewArea = builder;
  else if (due) {
    reviewArea = (
      <div className="promises-card__review">
        <Notice tone="warning" title="Time to look at this together">
          <p>
            Its review day has come. How has it been for you both? Keep it as it is,
            {promise.mine ? " change its wording," : ""} or retire it.
          </p>
        </Notice>
        {readOnly ? null : (
          <ReviewPanel promise={promise} today={today} onChange={() => setChanging(true)} />
        )}
      </div>
    );
  } else if (reviewing) {
    reviewArea = (
      <div className="inline-panel" ref={focusFirstField}>
        <h4 className="promises-card__subheading">Look at it together</h4>
        <ReviewPanel promise={promise} today={today} onChange={() => setChanging(true)} />
        <div className="actions">
          <Button variant="quiet" size="small" onClick={() => setReviewing(false)}>
            Close
          </Button>
        </div>
      </div>
    );
  } else if (!readOnly) {
    reviewArea = (
      <div className="actions">
        <Button variant="quiet" size="small" onClick={() => setReviewing(true)}>
          Look at it together now
        </Button>
      </div>
    );
  }

  return (
    <article
      className={`promises-card promises-card--${group}${due ? " promises-card--due" : ""}`}
      aria-labelledby={textId}
    >
      <div className="promises-card__tags">
        {promise.kind === "transparency" ? (
          <span className="badge badge--primary">
            Transparency routine{promise.area ? ` · ${AREA_LABELS[promise.area]}` : ""}
          </span>
        ) : null}
        {group === "ended" && promise.status !== "active" && promise.status !== "proposed" ? (
          <span className="badge">{ENDED_LABELS[promise.status]}</span>
        ) : null}
        {due ? <span className="badge badge--attention">Time to look at it together</span> : null}
      </div>
      <p className="promises-card__text user-text" id={textId}>
        {promise.text}
      </p>
      <p className="promises-card__notice small">
        <span className="muted">How {promise.mine ? partnerName : "you"} would notice: </span>
        <span className="user-text">{promise.noticeHow}</span>
      </p>
      {promise.kind === "transparency" && group !== "ended" ? (
        <p className="promises-card__routine small muted">
          Offered freely and agreed by you both, until its review day. Never monitoring: no
          tracking, no location sharing, no access to anyone's devices.
        </p>
      ) : null}
      {replaced ? (
        <p className="promises-card__replaces small">
          <span className="muted">This changes the wording of an earlier promise: </span>
          <span className="user-text">{replaced.text}</span>
        </p>
      ) : null}
      <p className="promises-card__meta">
        {cadenceWords(promise.cadence, promise.startedOn)}
        {" · "}
        {group === "active" && promise.startedOn
          ? `${who === "you" ? "Yours" : `${people.nameOf(promise.by, { capital: true })}'s`}, since ${formatDay(promise.startedOn)}`
          : `Offered by ${who} on ${formatDate(promise.proposedAt)}`}
        {promise.reviewOn && group !== "ended"
          ? ` · look at it again ${due ? "was due" : "on"} ${formatDay(promise.reviewOn)}`
          : ""}
        {group === "ended" && promise.endedAt ? ` · ended ${formatDate(promise.endedAt)}` : ""}
      </p>
      <ShareWithTherapist
        type="promise"
        id={promise.id}
        by={promise.by}
        shared={promise.sharedWithTherapist}
        itemLabel="this promise"
      />

      {readOnly ? null : group === "for-you" || group === "for-partner" ? (
        <ProposalAnswers promise={promise} replaces={replaced !== undefined} />
      ) : null}

      {group === "ended" && successor ? (
        <p className="small muted">Its new wording took over from here.</p>
      ) : null}

      {group === "active" ? (
        <>
          {pendingChange ? (
            <p className="promises-card__pending small">
              New wording is waiting for {pendingChange.mine ? partnerName : "you"} to accept it;
              this one is tracked until then.
            </p>
          ) : null}
          {due ? reviewArea : null}

          <Tracking promise={promise} today={today} readOnly={readOnly} />
          <DaysOff promise={promise} today={today} readOnly={readOnly} />
          <Record promise={promise} />
          <details className="disclosure">
            <summary>Its wall</summary>
            <div className="disclosure__body">
              <BrickWall promises={wall} today={today} title={`Brick wall for “${promise.text}”`} />
            </div>
          </details>
          {due ? null : reviewArea}
        </>
      ) : null}
    </article>
  );
}
