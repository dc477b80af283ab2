import { type ReactNode, useEffect } from "react";
import { useLocation } from "react-router";
import type { AgreementCategory } from "../../../../domain/agreements.ts";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { EmptyState, ErrorState, Loading } from "../../../ui/query-state.tsx";
import { ShowEarlier } from "../../../ui/show-earlier.tsx";
import { type Agreement, useAgreements } from "../api/agreements.ts";
import { AgreementCard, type AgreementGroup } from "../components/agreement-card.tsx";
import { ProposeAgreementForm } from "../components/propose-form.tsx";
import { groupAgreements } from "../group.ts";

/** Shown with agreements of a category, e.g. the agreed talk times with "when we talk". */
export type CategoryExtras = Partial<Record<AgreementCategory, ReactNode>>;

function AgreementList({
  items,
  group,
  all,
  extras,
  readOnly,
}: {
  items: Agreement[];
  group: AgreementGroup;
  all: Agreement[];
  extras: CategoryExtras;
  readOnly: boolean;
}) {
  return (
    <ul className="agreement-list">
      {items.map((agreement) => (
        <li key={agreement.id}>
          <AgreementCard
            agreement={agreement}
            group={group}
            extra={extras[agreement.category]}
            readOnly={readOnly}
            replaces={
              agreement.replacesId ? all.find((a) => a.id === agreement.replacesId) : undefined
            }
          />
        </li>
      ))}
    </ul>
  );
}

function Group({
  title,
  count,
  description,
  children,
}: {
  title: string;
  count: number;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card title={`${title} (${count})`}>
      {description ? <p className="muted">{description}</p> : null}
      {children}
    </Card>
  );
}

export function AgreementsPage({ categoryExtras = {} }: { categoryExtras?: CategoryExtras }) {
  const people = usePeople();
  const readOnly = people.individualMode;
  const list = (items: Agreement[], group: AgreementGroup, all: Agreement[]) => (
    <AgreementList
      items={items}
      group={group}
      all={all}
      extras={categoryExtras}
      readOnly={readOnly || group === "past"}
    />
  );
  const agreements = useAgreements();
  const location = useLocation();
  const ready = agreements.isSuccess;

  // "/agreements#propose" from Home: bring the form into view once it is there.
  useEffect(() => {
    if (ready && location.hash === "#propose") {
      document.getElementById("propose")?.scrollIntoView({ block: "start" });
    }
  }, [ready, location.hash]);

  const intro = (
    <p>
      Short-term agreements you both say yes to, for the weeks ahead. Each one gets a review date,
      so you can keep it, change it or let it go.
    </p>
  );

  let content: ReactNode;
  if (agreements.isPending) content = <Loading label="Loading agreements…" />;
  else if (agreements.isError) {
    content = <ErrorState error={agreements.error} onRetry={() => void agreements.refetch()} />;
  } else {
    const all = agreements.data;
    const groups = groupAgreements(all, people.meId);
    content = (
      <>
        {groups.myAnswer.length > 0 ? (
          <Group
            title="Waiting for your answer"
            count={groups.myAnswer.length}
            description="Accept, suggest other wording, or decline. Any of these is a fair answer."
          >
            {list(groups.myAnswer, "my-answer", all)}
          </Group>
        ) : null}

        <Group title="In place" count={groups.inPlace.length}>
          {groups.inPlace.length > 0 ? (
            list(groups.inPlace, "in-place", all)
          ) : (
            <EmptyState title="No agreement is in place yet">
              <p>
                {groups.myAnswer.length + groups.partnerAnswer.length > 0
                  ? "An agreement comes into place here once you've both said yes to it."
                  : "One small agreement is a good start, for example about when you talk about what happened. Propose one below; it's in place once you've both said yes."}
              </p>
            </EmptyState>
          )}
        </Group>

        {groups.partnerAnswer.length > 0 ? (
          <Group
            title={`Waiting for ${people.partnerName}`}
            count={groups.partnerAnswer.length}
            description="You proposed these. You can withdraw one until it's answered."
          >
            {list(groups.partnerAnswer, "partner-answer", all)}
          </Group>
        ) : null}

        {readOnly ? null : (
          <Card title="Propose an agreement" id="propose">
            <ProposeAgreementForm />
          </Card>
        )}

        {groups.past.length > 0 || agreements.hasNextPage ? (
          <Card
            title={
              agreements.hasNextPage ? "Past agreements" : `Past agreements (${groups.past.length})`
            }
            tone="quiet"
          >
            <details className="disclosure">
              <summary>Show past agreements</summary>
              <div className="disclosure__body stack-sm">
                {list(groups.past, "past", all)}
                <ShowEarlier list={agreements} label="Show earlier agreements" />
              </div>
            </details>
          </Card>
        ) : null}
      </>
    );
  }

  return (
    <Page heading="Agreements" intro={intro}>
      {content}
    </Page>
  );
}
