import type { StoryMark } from "../../../../domain/story.ts";
import { formatDate } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import type { Paragraph } from "../api/story.ts";
import { MARK_LABELS } from "../copy.ts";
import { type StoryMarkEntry, standingOf } from "../story-view.ts";

const MARK_TONE: Record<StoryMark, string> = {
  agree: "badge--calm",
  disagree: "badge--attention",
  "needs-talk": "badge--primary",
};

function MarkNote({ note }: { note: string | undefined }) {
  if (!note) return null;
  return <p className="story-mark__note user-text">{note}</p>;
}

function MarkBadge({ mark }: { mark: StoryMarkEntry }) {
  return <span className={`badge ${MARK_TONE[mark.mark]}`}>{MARK_LABELS[mark.mark]}</span>;
}

/** Each partner's mark on the version as it stands, and an earlier one only for what it was. */
export function MarkLines({ paragraph, partners }: { paragraph: Paragraph; partners: string[] }) {
  const people = usePeople();
  return (
    <ul className="story-marks" aria-label="Marks on this version">
      {partners.map((personId) => {
        const { current, earlier } = standingOf(paragraph, personId);
        const who = people.nameOf(personId, { capital: true });
        return (
          <li key={personId} className="story-mark">
            <p className="story-mark__line">
              <span className="story-mark__who">{who}</span>
              {current ? (
                <>
                  <MarkBadge mark={current} />
                  <span className="story-mark__when">{formatDate(current.at)}</span>
                </>
              ) : (
                <span className="story-mark__none">
                  {people.isMe(personId) ? "haven't" : "hasn't"} marked this version yet
                </span>
              )}
            </p>
            {current ? <MarkNote note={current.note} /> : null}
            {earlier ? (
              <div className="story-mark__earlier">
                <p className="story-mark__line">
                  <MarkBadge mark={earlier} />
                  <span className="story-mark__when">
                    on an earlier version (version {earlier.version}) — no longer counts
                  </span>
                </p>
                <MarkNote note={earlier.note} />
              </div>
            ) : null}
          </li>
        );
      })}
      {people.partner ? null : (
        <li className="story-mark">
          <p className="story-mark__line story-mark__none">
            Your partner can mark it once they've joined.
          </p>
        </li>
      )}
    </ul>
  );
}
