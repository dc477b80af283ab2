import { ButtonLink } from "../../../ui/button.tsx";
import { formatDay } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { EmptyState, ErrorState, Loading } from "../../../ui/query-state.tsx";
import { useAgreements } from "../api/agreements.ts";
import { CATEGORY_LABELS } from "../copy.ts";
import { groupAgreements } from "../group.ts";

/** On Home a few are enough; the agreements page has them all. */
const SHOWN = 2;

function More({ count }: { count: number }) {
  return count > SHOWN ? (
    <p className="muted small summary-more">and {count - SHOWN} more</p>
  ) : null;
}

/** For Home: what needs the viewer's answer, and what is due for review. */
export function AgreementsSummary() {
  const people = usePeople();
  const agreements = useAgreements();
  if (agreements.isPending) return <Loading label="Loading agreements…" />;
  if (agreements.isError) {
    return <ErrorState error={agreements.error} onRetry={() => void agreements.refetch()} />;
  }
  const groups = groupAgreements(agreements.data, people.meId);
  const due = groups.inPlace.filter((a) => a.dueForReview);

  if (groups.myAnswer.length === 0 && due.length === 0) {
    return (
      <EmptyState
        title="Nothing needs your answer right now"
        action={
          <ButtonLink
            to={groups.inPlace.length === 0 ? "/agreements#propose" : "/agreements"}
            variant="secondary"
            size="small"
          >
            {groups.inPlace.length === 0 ? "Propose a first agreement" : "See agreements"}
          </ButtonLink>
        }
      >
        <p>
          {groups.inPlace.length === 0
            ? "A first small agreement, for example about when you talk, helps things feel steadier."
            : `${groups.inPlace.length} agreement${groups.inPlace.length === 1 ? " is" : "s are"} in place.`}
          {groups.partnerAnswer.length > 0
            ? ` ${groups.partnerAnswer.length} of your proposals ${groups.partnerAnswer.length === 1 ? "is" : "are"} waiting for ${people.partnerName}.`
            : ""}
        </p>
      </EmptyState>
    );
  }

  return (
    <div className="stack-sm">
      {groups.myAnswer.length > 0 ? (
        <div>
          <h3 className="summary-heading">
            Waiting for your answer{" "}
            <span className="badge badge--attention">{groups.myAnswer.length}</span>
          </h3>
          <ul className="summary-list">
            {groups.myAnswer.slice(0, SHOWN).map((a) => (
              <li key={a.id} className="summary-list__item">
                <span className="summary-list__category">{CATEGORY_LABELS[a.category]}</span>
                <span className="user-text">{a.text}</span>
              </li>
            ))}
          </ul>
          <More count={groups.myAnswer.length} />
        </div>
      ) : null}
      {due.length > 0 ? (
        <div>
          <h3 className="summary-heading">
            Due for review <span className="badge badge--attention">{due.length}</span>
          </h3>
          <ul className="summary-list">
            {due.slice(0, SHOWN).map((a) => (
              <li key={a.id} className="summary-list__item">
                <span className="summary-list__category">
                  {CATEGORY_LABELS[a.category]}
                  {a.reviewOn ? ` · since ${formatDay(a.reviewOn)}` : ""}
                </span>
                <span className="user-text">{a.text}</span>
              </li>
            ))}
          </ul>
          <More count={due.length} />
        </div>
      ) : null}
      <div className="actions">
        <ButtonLink to="/agreements">Go to agreements</ButtonLink>
      </div>
    </div>
  );
}
