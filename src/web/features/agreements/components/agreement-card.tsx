import { type ReactNode, useState } from "react";
import { DEFAULT_REVIEW_DAYS } from "../../../../domain/limits.ts";
import { Button } from "../../../ui/button.tsx";
import { formatDate, formatDay } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { answering, ProposalAnswers } from "../../../ui/proposal-answers.tsx";
import { ErrorState } from "../../../ui/query-state.tsx";
import { useToast } from "../../../ui/toast.tsx";
import {
  type Agreement,
  type SimpleAgreementAction,
  useAgreementAction,
} from "../api/agreements.ts";
import { CATEGORY_LABELS, STATUS_LABELS } from "../copy.ts";
import { AgreementHistory } from "./agreement-history.tsx";
import { CounterForm } from "./counter-form.tsx";
import { ReviewForm } from "./review-form.tsx";

export type AgreementGroup = "my-answer" | "partner-answer" | "in-place" | "past";

interface AgreementCardProps {
  agreement: Agreement;
  group: AgreementGroup;
  /** The agreement this one would replace, to show what changes. */
  replaces?: Agreement | undefined;
  /** Something to show with it, e.g. the agreed talk times under a "when we talk" agreement. */
  extra?: ReactNode;
  /** Couple actions are paused for the viewer: show it, offer nothing to do. */
  readOnly?: boolean;
}

const DONE_MESSAGES: Record<SimpleAgreementAction, string> = {
  accept: "Accepted. It's in place now, until its review date.",
  decline: "Declined. You can always suggest something else that would work for you.",
  withdraw: "Withdrawn. You'll find it under past agreements.",
};

/** One agreement with the answers that fit its state and the viewer. */
export function AgreementCard({
  agreement,
  group,
  replaces,
  extra,
  readOnly = false,
}: AgreementCardProps) {
  const people = usePeople();
  const action = useAgreementAction();
  const toast = useToast();
  const [panel, setPanel] = useState<"none" | "counter" | "review">("none");
  const textId = `agreement-${agreement.id}`;

  async function run(kind: SimpleAgreementAction) {
    try {
      // The card may move to another group once the list reloads: confirm from here.
      await action.mutateAsync({ id: agreement.id, action: kind });
      toast(DONE_MESSAGES[kind]);
    } catch {
      // shown below from action.error
    }
  }

  const busy = action.isPending;
  return (
    <article
      className={`agreement agreement--${group}${agreement.dueForReview ? " agreement--due" : ""}`}
      aria-labelledby={textId}
    >
      <div className="agreement__tags">
        <span className="badge">{CATEGORY_LABELS[agreement.category]}</span>
        {group === "past" ? <span className="badge">{STATUS_LABELS[agreement.status]}</span> : null}
        {agreement.dueForReview ? (
          <span className="badge badge--attention">Due for review</span>
        ) : null}
      </div>
      <p className="agreement__text user-text" id={textId}>
        {agreement.text}
      </p>
      {replaces ? (
        <p className="agreement__replaces small">
          <span className="muted">Instead of: </span>
          <span className="user-text">{replaces.text}</span>
        </p>
      ) : null}
      <p className="agreement__meta">
        Proposed by {people.nameOf(agreement.proposedBy)} on {formatDate(agreement.createdAt)}
        {agreement.reviewOn &&
        (group === "in-place" || group === "partner-answer" || group === "my-answer")
          ? ` · review ${agreement.dueForReview ? "was due" : "on"} ${formatDay(agreement.reviewOn)}`
          : ""}
        {!agreement.reviewOn && (group === "partner-answer" || group === "my-answer")
          ? ` · review ${DEFAULT_REVIEW_DAYS} days after you both agree`
          : ""}
        {group === "past" ? ` · last change ${formatDate(agreement.updatedAt)}` : ""}
      </p>

      {extra && group !== "past" ? <div className="agreement__extra">{extra}</div> : null}

      {readOnly ? null : (
        <>
          {group === "my-answer" && panel === "none" ? (
            <ProposalAnswers
              running={answering(busy, action.variables?.action)}
              onAnswer={run}
              onCounter={() => setPanel("counter")}
              counterLabel="Suggest other wording"
            />
          ) : null}
          {group === "my-answer" && panel === "counter" ? (
            <CounterForm agreement={agreement} onCancel={() => setPanel("none")} />
          ) : null}

          {group === "partner-answer" ? (
            <div className="actions">
              <p className="muted small agreement__waiting">
                {people.partner
                  ? `Waiting for ${people.partnerName} to answer.`
                  : "Your partner can answer once they've joined."}
              </p>
              <Button variant="quiet" busy={busy} onClick={() => run("withdraw")}>
                Withdraw
              </Button>
            </div>
          ) : null}

          {group === "in-place" && panel === "none" ? (
            <div className="actions">
              <Button
                variant={agreement.dueForReview ? "primary" : "secondary"}
                size="small"
                onClick={() => setPanel("review")}
              >
                Review now
              </Button>
            </div>
          ) : null}
          {group === "in-place" && panel === "review" ? (
            <ReviewForm agreement={agreement} onCancel={() => setPanel("none")} />
          ) : null}
        </>
      )}

      {action.isError ? <ErrorState title="That didn't go through" error={action.error} /> : null}
      <AgreementHistory id={agreement.id} />
    </article>
  );
}
