import { useParams } from "react-router";
import { isApiError } from "../../../ui/api-client.ts";
import { ButtonLink } from "../../../ui/button.tsx";
import { Card } from "../../../ui/card.tsx";
import { formatDate } from "../../../ui/format.ts";
import { Page } from "../../../ui/page.tsx";
import { EmptyState, ErrorState, Loading } from "../../../ui/query-state.tsx";
import { PHASE_COPY } from "../../couples/copy.ts";
import { type SharedCouple, useSharedCouple } from "../api/workspace.ts";
import { partnerNames } from "../caseload.ts";
import { Notes } from "../components/notes.tsx";
import { OwnFingerprint } from "../components/own-fingerprint.tsx";
import { SharedItems } from "../components/shared-items.tsx";
import { SignalList } from "../components/signal-list.tsx";
import "../workspace.css";

export function NotInCaseload() {
  return (
    <Page heading="This couple isn't in your caseload" title="Couple" width="narrow">
      <p>
        A couple appears here only while both partners keep you linked. They may have ended the
        link, or the address may be wrong.
      </p>
      <div className="actions">
        <ButtonLink to="/therapist" variant="secondary">
          Back to your caseload
        </ButtonLink>
      </div>
    </Page>
  );
}

function NotLetInYet({ names }: { names: string }) {
  return (
    <Card title="Waiting to be let in" tone="calm">
      <p>
        {names} still have to let you in: together you compare your key's fingerprint in person, and
        then one of them lets you in from their own Mend. Until then, what they share stays locked
        for you.
      </p>
      <OwnFingerprint />
    </Card>
  );
}

function Couple({ couple }: { couple: SharedCouple }) {
  const names = partnerNames(couple.partners);
  const letIn = couple.keys.grants.length > 0;
  return (
    <Page
      heading={names}
      title="Couple"
      intro={
        <p>
          {PHASE_COPY[couple.phase].name} since {formatDate(couple.phaseSince)}. Only what they
          chose to share with you.
        </p>
      }
    >
      <div className="actions">
        <ButtonLink to={`/therapist/couples/${couple.id}/prep`} variant="secondary">
          Session prep, to print
        </ButtonLink>
        <ButtonLink to="/therapist" variant="quiet">
          Back to your caseload
        </ButtonLink>
      </div>
      {/* On a phone the shared items run long: the notes stay one tap away. */}
      <nav className="workspace-jump" aria-label="On this page">
        <ul>
          <li>
            <a href="#signals">Signals</a>
          </li>
          <li>
            <a href="#shared">What they shared</a>
          </li>
          <li>
            <a href="#notes">Your notes</a>
          </li>
        </ul>
      </nav>
      {letIn ? null : <NotLetInYet names={names} />}
      <Card id="signals" title="Signals they share">
        <SignalList signals={couple.signals} />
      </Card>
      <Card id="shared" title="What they shared with you">
        {couple.items.length === 0 ? (
          <EmptyState title="Nothing shared yet">
            <p>
              When either of them chooses “and your therapist” for something they write, or shares
              an item with you, it appears here.
            </p>
          </EmptyState>
        ) : (
          <SharedItems items={couple.items} people={couple.partners} level={3} />
        )}
      </Card>
      <Card id="notes" title="Your private notes">
        <Notes coupleId={couple.id} />
      </Card>
      {letIn ? (
        <Card title="Your key's fingerprint" tone="quiet">
          <OwnFingerprint />
        </Card>
      ) : null}
    </Page>
  );
}

/** One couple as their therapist sees it: what they shared, opened here, and private notes. */
export function TherapistCouplePage() {
  const { id = "" } = useParams();
  const couple = useSharedCouple(id);
  if (couple.isPending) return <Loading label="Opening what they shared…" />;
  if (couple.isError) {
    if (isApiError(couple.error) && couple.error.status === 404) return <NotInCaseload />;
    return <ErrorState error={couple.error} onRetry={() => void couple.refetch()} />;
  }
  return <Couple couple={couple.data} />;
}
