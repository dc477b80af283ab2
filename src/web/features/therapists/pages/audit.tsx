import { Link } from "react-router";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { EmptyState, ErrorState, Loading } from "../../../ui/query-state.tsx";
import { useCouple } from "../../couples/api/couple.ts";
import { useAudit, useTherapistLinks } from "../api/therapists.ts";
import { auditEntryWords } from "../links.ts";
import "../therapists.css";

/**
 * "Who saw what": the couple's own audit chain in their words, newest first. The server keeps
 * it append-only and hash-linked; it never holds anyone's sign-ins or times of use.
 */
export function AuditPage() {
  const couple = useCouple();
  const links = useTherapistLinks();
  const audit = useAudit();
  const failed = [couple, links, audit].find((query) => query.isError);

  return (
    <Page
      heading="Who saw what"
      intro={
        <p>
          Every time a therapist opened something you shared, and every link, consent, key and
          change of what you share, in the order it happened. Nobody can change or remove an entry.
          Your sign-ins are never recorded here: they are on your account's devices list, for you
          alone.
        </p>
      }
    >
      <Card title="What happened, newest first">
        {failed ? (
          <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />
        ) : !couple.data || !links.data || !audit.data ? (
          <Loading />
        ) : audit.data.entries.length === 0 ? (
          <EmptyState title="Nothing here yet">
            <p>
              Once one of you proposes a therapist on the <Link to="/support#therapy">Support</Link>{" "}
              page, each step and each read is listed here.
            </p>
          </EmptyState>
        ) : (
          <ol className="audit-list" reversed>
            {[...audit.data.entries].reverse().map((entry) => (
              <li key={entry.id} className="audit-entry">
                {auditEntryWords(entry, {
                  meId: couple.data.me.id,
                  partners: couple.data.partners,
                  links: links.data.links,
                })}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </Page>
  );
}
