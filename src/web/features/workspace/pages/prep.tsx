import { useParams } from "react-router";
import { isApiError } from "../../../ui/api-client.ts";
import { Button, ButtonLink } from "../../../ui/button.tsx";
import { formatDate } from "../../../ui/format.ts";
import { Page } from "../../../ui/page.tsx";
import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { PHASE_COPY } from "../../couples/copy.ts";
import { type SharedCouple, useSharedCouple } from "../api/workspace.ts";
import { partnerNames } from "../caseload.ts";
import { SharedItems } from "../components/shared-items.tsx";
import { SignalList } from "../components/signal-list.tsx";
import { groupSharedItems, sharedOverview, sharedSince } from "../shared-items.ts";
import { NotInCaseload } from "./couple.tsx";
import "../workspace.css";

function PrepSheet({ couple }: { couple: SharedCouple }) {
  const changed = sharedSince(couple.items, couple.lastNoteAt);
  const overview = sharedOverview(groupSharedItems(couple.items));
  return (
    <article className="workspace-print__doc" aria-label="Session prep">
      <section className="workspace-print__section">
        <h2 className="workspace-print__title">What changed since your last note</h2>
        {couple.lastNoteAt === null ? (
          <p className="muted">No note yet: everything they share is further down.</p>
        ) : changed.length === 0 ? (
          <p className="muted">
            Nothing new was written since your note of {formatDate(couple.lastNoteAt)}.
          </p>
        ) : (
          <>
            <p className="muted">Written since your note of {formatDate(couple.lastNoteAt)}.</p>
            <SharedItems items={changed} people={couple.partners} level={3} />
          </>
        )}
      </section>
      <section className="workspace-print__section">
        <h2 className="workspace-print__title">Open signals</h2>
        <SignalList signals={couple.signals} />
      </section>
      <section className="workspace-print__section">
        <h2 className="workspace-print__title">Everything they share with you</h2>
        {overview.length === 0 ? (
          <p className="muted">Nothing shared yet.</p>
        ) : (
          <>
            <ul className="workspace-overview">
              {overview.map((row) => (
                <li key={row.kind}>
                  {row.label}: {row.count}, the latest written on {formatDate(row.latest)}
                </li>
              ))}
            </ul>
            <SharedItems items={couple.items} people={couple.partners} level={3} />
          </>
        )}
      </section>
    </article>
  );
}

/** A page to print before a session: what is new, the signals, and what they share overall. */
export function PrepPage() {
  const { id = "" } = useParams();
  const couple = useSharedCouple(id);
  if (couple.isError && isApiError(couple.error) && couple.error.status === 404) {
    return <NotInCaseload />;
  }
  const names = couple.data ? partnerNames(couple.data.partners) : "";
  return (
    <Page
      heading={couple.data ? `Session prep: ${names}` : "Session prep"}
      title="Session prep, to print"
      intro={
        couple.data ? (
          <p>
            {PHASE_COPY[couple.data.phase].name} since {formatDate(couple.data.phaseSince)}.
            Prepared on {formatDate(new Date().toISOString())}.
          </p>
        ) : null
      }
    >
      <div className="workspace-print">
        <div className="actions workspace-print__toolbar">
          <Button onClick={() => window.print()} disabled={!couple.isSuccess}>
            Print
          </Button>
          <ButtonLink to={`/therapist/couples/${id}`} variant="quiet">
            Back to the couple
          </ButtonLink>
        </div>
        {couple.isPending ? <Loading label="Preparing the summary…" /> : null}
        {couple.isError ? (
          <ErrorState error={couple.error} onRetry={() => void couple.refetch()} />
        ) : null}
        {couple.data ? <PrepSheet couple={couple.data} /> : null}
      </div>
    </Page>
  );
}
