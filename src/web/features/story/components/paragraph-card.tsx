import { Fragment, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { isUnopened } from "../../../../client/sealing.ts";
import { Button } from "../../../ui/button.tsx";
import { formatDate } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { LiveStatus, Notice } from "../../../ui/status.tsx";
import { ShareWithTherapist } from "../../therapists/components/share-toggle.tsx";
import type { Paragraph } from "../api/story.ts";
import { type ParagraphState, paragraphState, rewrittenSince, standingOf } from "../story-view.ts";
import { MarkForm } from "./mark-form.tsx";
import { MarkLines } from "./mark-lines.tsx";
import { RewriteForm } from "./rewrite-form.tsx";

const STATE_BADGES: Record<ParagraphState, { label: string; className: string }> = {
  agreed: { label: "Agreed by both", className: "badge badge--calm" },
  disputed: { label: "Not agreed yet", className: "badge badge--attention" },
  waiting: { label: "Waiting for marks", className: "badge" },
};

function Meta({ paragraph }: { paragraph: Paragraph }) {
  const people = usePeople();
  const parts = [
    `Proposed by ${people.nameOf(paragraph.by)}`,
    paragraph.version === 1
      ? "version 1"
      : `version ${paragraph.version}, rewritten by ${people.nameOf(paragraph.editedBy)}`,
    formatDate(paragraph.updatedAt),
  ];
  return (
    <p className="story-paragraph__meta">
      {parts.map((part, index) => (
        <Fragment key={part}>
          {index > 0 ? " · " : null}
          <span className="story-paragraph__meta-part">{part}</span>
        </Fragment>
      ))}
    </p>
  );
}

const STATUS_MS = 8_000;

/** A confirmation said by the card, gone after a while so a long story doesn't fill with them. */
function useFadingStatus() {
  const [status, setStatus] = useState("");
  useEffect(() => {
    if (!status) return;
    const timer = window.setTimeout(() => setStatus(""), STATUS_MS);
    return () => window.clearTimeout(timer);
  }, [status]);
  return [status, setStatus] as const;
}

/** A mark of "needs a talk" points to the parking lot; nothing is put there for anyone. */
function TalkSuggestion({ paragraph, partners }: { paragraph: Paragraph; partners: string[] }) {
  const people = usePeople();
  const asking = partners.filter((id) => standingOf(paragraph, id).current?.mark === "needs-talk");
  if (asking.length === 0) return null;
  const who = asking.includes(people.meId)
    ? asking.length === 2
      ? "You both would"
      : "You'd"
    : `${people.partnerName} would`;
  return (
    <p className="story-paragraph__talk small">
      {who} like to talk about this one. If it helps, add it to the{" "}
      <Link to="/parking-lot">parking lot</Link> so it waits for your next talk time.
    </p>
  );
}

export function ParagraphCard({
  paragraph,
  number,
  sectionTitle,
  partners,
  readOnly,
  signed,
}: {
  paragraph: Paragraph;
  number: number;
  sectionTitle: string;
  partners: string[];
  readOnly: boolean;
  /** Someone has signed the story as it stands: any change here asks for new signatures. */
  signed: boolean;
}) {
  const people = usePeople();
  const [panel, setPanel] = useState<"none" | "mark" | "rewrite">("none");
  const [status, setStatus] = useFadingStatus();
  // The version this person has read. A rewrite by the other arriving live, or found by a
  // refused save, waits here until they say they have read it.
  const [readVersion, setReadVersion] = useState(paragraph.version);
  const [refused, setRefused] = useState(false);
  const stale = rewrittenSince(paragraph, readVersion, people.meId) || refused;
  const textRef = useRef<HTMLParagraphElement>(null);
  const triggerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!stale) setReadVersion(paragraph.version);
  }, [stale, paragraph.version]);

  const myMark = standingOf(paragraph, people.meId).current?.mark;
  const state = paragraphState(paragraph, partners);
  const badge = STATE_BADGES[state];
  const version = stale ? readVersion : paragraph.version;

  function open(next: "mark" | "rewrite") {
    setStatus("");
    setPanel(next);
  }
  function close(message = "") {
    setPanel("none");
    setStatus(message);
    window.requestAnimationFrame(() =>
      triggerRef.current?.querySelector<HTMLButtonElement>("button")?.focus(),
    );
  }
  function haveRead() {
    setRefused(false);
    setReadVersion(paragraph.version);
    textRef.current?.focus();
  }
  const meanwhile = () => setRefused(true);

  return (
    <article
      className={`story-paragraph story-paragraph--${state}`}
      aria-label={`Paragraph ${number} of “${sectionTitle}”`}
    >
      <div className="story-paragraph__tags">
        <span className={badge.className}>{badge.label}</span>
      </div>
      {stale ? (
        <div className="story-paragraph__rewritten" role="status">
          <Notice tone="warning" title="This paragraph was rewritten meanwhile">
            <p>
              {people.nameOf(paragraph.editedBy, { capital: true })} wrote version{" "}
              {paragraph.version} while you were looking at version {readVersion}. Read the new
              version below; marks start over for it.
            </p>
            <Button size="small" variant="secondary" onClick={haveRead}>
              I've read the new version
            </Button>
          </Notice>
        </div>
      ) : null}
      <p
        className={`story-paragraph__text user-text${isUnopened(paragraph.text) ? " story-paragraph__text--unopened" : ""}`}
        tabIndex={-1}
        ref={textRef}
      >
        {paragraph.text}
      </p>
      <Meta paragraph={paragraph} />
      <ShareWithTherapist
        type="paragraph"
        id={paragraph.id}
        by={paragraph.by}
        shared={paragraph.sharedWithTherapist}
        itemLabel={`paragraph ${number}`}
      />
      <MarkLines paragraph={paragraph} partners={partners} />
      <TalkSuggestion paragraph={paragraph} partners={partners} />

      {readOnly ? null : (
        <>
          {panel === "none" ? (
            <div className="actions story-paragraph__actions" ref={triggerRef}>
              <Button
                size="small"
                variant={myMark ? "secondary" : "primary"}
                onClick={() => open("mark")}
              >
                {myMark ? "Change my mark" : "Mark it"}
              </Button>
              <Button
                size="small"
                variant={state === "disputed" ? "secondary" : "quiet"}
                onClick={() => open("rewrite")}
              >
                Rewrite
              </Button>
            </div>
          ) : null}
          {panel === "mark" ? (
            <MarkForm
              paragraph={paragraph}
              version={version}
              current={myMark}
              stale={stale}
              signed={signed}
              onDone={close}
              onChangedMeanwhile={meanwhile}
              onCancel={() => close()}
            />
          ) : null}
          {panel === "rewrite" ? (
            <RewriteForm
              paragraph={paragraph}
              version={version}
              stale={stale}
              signed={signed}
              onDone={close}
              onChangedMeanwhile={meanwhile}
              onCancel={() => close()}
            />
          ) : null}
        </>
      )}
      <LiveStatus message={status} />
    </article>
  );
}
