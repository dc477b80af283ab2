import type { ReactNode } from "react";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { EmptyState, ErrorState, Loading } from "../../../ui/query-state.tsx";
import { useCaseload } from "../api/workspace.ts";
import { CaseloadList } from "../components/caseload-list.tsx";
import { InvitationList } from "../components/invitation-list.tsx";
import { OwnFingerprint } from "../components/own-fingerprint.tsx";
import "../workspace.css";

export function CaseloadPage() {
  const caseload = useCaseload();
  let content: ReactNode;
  if (caseload.isPending) content = <Loading label="Loading your caseload…" />;
  else if (caseload.isError) {
    content = <ErrorState error={caseload.error} onRetry={() => void caseload.refetch()} />;
  } else if (caseload.data.couples.length === 0) {
    content = (
      <EmptyState title="No couples yet">
        <p>
          A couple links you from their own Mend: one of them proposes you by your e-mail, the other
          agrees, and their request appears here for you to accept.
        </p>
      </EmptyState>
    );
  } else {
    content = <CaseloadList couples={caseload.data.couples} />;
  }
  return (
    <Page
      heading="Your caseload"
      title="Caseload"
      intro={
        <p>
          Only what each couple chose to share with you. Those who may need you most come first.
        </p>
      }
    >
      <InvitationList />
      <Card title="Couples">{content}</Card>
      <Card title="Your key's fingerprint" tone="quiet">
        <OwnFingerprint />
      </Card>
    </Page>
  );
}
