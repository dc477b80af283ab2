import { Button } from "../../../ui/button.tsx";
import { ConfirmInline } from "../../../ui/confirm-inline.tsx";
import { formatDate } from "../../../ui/format.ts";
import { ErrorState } from "../../../ui/query-state.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useAnswerInvitation, useInvitations } from "../api/workspace.ts";
import { partnerNames } from "../caseload.ts";

/** Couples whose partners both consented: the therapist's answer is what is missing. */
export function InvitationList() {
  const invitations = useInvitations();
  const answer = useAnswerInvitation();
  if (invitations.isError) {
    return <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />;
  }
  const list = invitations.data?.invitations ?? [];
  const answered = answer.isSuccess
    ? answer.variables.answer === "accept"
      ? "Accepted. The couple is in your caseload now; they let you in once you have compared your key's fingerprint together."
      : "Declined."
    : "";
  if (list.length === 0) return <LiveStatus message={answered} />;
  return (
    <section
      className="card card--attention workspace-invitations"
      aria-labelledby="invitations-heading"
    >
      <h2 id="invitations-heading" className="card__title">
        Couples asking for you ({list.length})
      </h2>
      <ul className="workspace-invitations__list">
        {list.map((invitation) => {
          const names = partnerNames(invitation.partners);
          const busy = answer.isPending && answer.variables.linkId === invitation.linkId;
          return (
            <li key={invitation.linkId} className="workspace-invitation">
              <h3 className="workspace-invitation__names">{names}</h3>
              <p className="muted">
                Both of them asked to work with you in Mend (since{" "}
                {formatDate(invitation.consentedAt)}).
              </p>
              <div className="actions">
                <Button
                  busy={busy && answer.variables.answer === "accept"}
                  disabled={busy}
                  onClick={() => answer.mutate({ linkId: invitation.linkId, answer: "accept" })}
                >
                  Accept<span className="visually-hidden"> {names}</span>
                </Button>
                <ConfirmInline
                  label="Decline"
                  ariaLabel={`Decline ${names}`}
                  question={`Decline working with ${names} in Mend? They can ask again later.`}
                  confirmLabel="Yes, decline"
                  busy={busy && answer.variables.answer === "decline"}
                  onConfirm={() => answer.mutate({ linkId: invitation.linkId, answer: "decline" })}
                />
              </div>
            </li>
          );
        })}
      </ul>
      {answer.isError ? (
        <ErrorState title="That answer didn't go through" error={answer.error} />
      ) : null}
      <LiveStatus message={answered} />
    </section>
  );
}
