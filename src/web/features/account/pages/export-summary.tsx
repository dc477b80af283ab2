import "../export.css";
import { Link } from "react-router";
import type { ExportDocument } from "../../../../client/export.ts";
import { Button } from "../../../ui/button.tsx";
import { formatDate, formatDateTime } from "../../../ui/format.ts";
import { Page } from "../../../ui/page.tsx";
import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { PHASE_COPY } from "../../couples/copy.ts";
import { useExportSummary } from "../api/export.ts";
import { ExportValue } from "../components/export-value.tsx";

type ItemKey = keyof ExportDocument["items"];

/** The export's parts in the order a person would look for them, each named in our words. */
const SECTIONS: ReadonlyArray<{ key: ItemKey; title: string; about?: string }> = [
  { key: "safetyChecks", title: "Your safety checks", about: "Only you ever see these." },
  { key: "agreements", title: "Agreements", about: "Each with what happened to it since." },
  { key: "talkTimes", title: "Talk times" },
  { key: "talkLogs", title: "How your talks went" },
  { key: "parkingLot", title: "Parking lot", about: "Topics kept for a talk, open and discussed." },
  { key: "intensity", title: "Intensity checks" },
  { key: "stressors", title: "Stressors" },
  { key: "circle", title: "Circle of support" },
  { key: "reflections", title: "Reflections" },
  { key: "accountability", title: "Accountability statement" },
  { key: "hurt", title: "Hurt and repair" },
  { key: "questions", title: "Questions and answers" },
  { key: "story", title: "Your shared story" },
  { key: "promises", title: "Promises" },
  { key: "checkins", title: "Weekly check-ins" },
  { key: "setbacks", title: "Setbacks" },
  { key: "milestones", title: "Milestones" },
  { key: "signals", title: "When to seek support" },
  { key: "therapistLinks", title: "Therapist links" },
  { key: "audit", title: "Who saw what", about: "Your couple's own record of links and keys." },
  { key: "calendar", title: "Calendar feed" },
  { key: "reminders", title: "Reminders by e-mail" },
  { key: "sessions", title: "Your devices", about: "Where you were signed in when this was made." },
];

function namesOf(document: ExportDocument): ReadonlyMap<string, string> {
  const partners = document.couple?.partners ?? [];
  return new Map([
    [document.person.id, document.person.name],
    ...partners.map((partner) => [partner.id, partner.name] as const),
  ]);
}

function Summary({ document }: { document: ExportDocument }) {
  const names = namesOf(document);
  const { couple } = document;
  return (
    <div className="export-summary">
      <div className="export-summary__toolbar actions">
        <Button variant="secondary" onClick={() => window.print()}>
          Print
        </Button>
        <Link to="/account">Back to your account</Link>
      </div>
      <p className="export-summary__made">
        Made for {document.person.name} ({document.person.email}) on{" "}
        {formatDateTime(document.exportedAt)}. It holds your words unsealed: keep the paper, or the
        PDF, where only you can reach it.
      </p>
      {couple ? (
        <section className="export-section" aria-labelledby="export-couple">
          <h2 id="export-couple">Your couple space</h2>
          <p>
            {couple.partners.map((partner) => partner.name).join(" and ")}, in{" "}
            {PHASE_COPY[couple.phase].name} since {formatDate(couple.phaseSince)}.
          </p>
          <h3>The way here</h3>
          <ExportValue value={couple.phaseHistory} names={names} />
        </section>
      ) : (
        <p>You were not in a couple space when this was made.</p>
      )}
      {SECTIONS.filter(({ key }) => key in document.items).map(({ key, title, about }) => (
        <section key={key} className="export-section" aria-labelledby={`export-${key}`}>
          <h2 id={`export-${key}`}>{title}</h2>
          {about ? <p className="muted">{about}</p> : null}
          <ExportValue value={document.items[key]} names={names} />
        </section>
      ))}
    </div>
  );
}

/** The printable summary: the same data as the download, laid out to be read on paper. */
export function ExportSummaryPage() {
  const summary = useExportSummary();
  return (
    <Page
      heading="Everything you can read in Mend"
      title="Your data"
      width="narrow"
      intro="Your own words, private ones too, and what your partner shared with you. Your partner's private words are never here."
    >
      {summary.isPending ? (
        <Loading label="Opening your words…" />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Summary document={summary.data} />
      )}
    </Page>
  );
}
