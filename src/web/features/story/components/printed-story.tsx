import { storyProgress } from "../../../../domain/story.ts";
import { formatDate } from "../../../ui/format.ts";
import type { Story } from "../api/story.ts";
import { progressLine, storySections } from "../story-view.ts";

export interface Signer {
  id: string;
  name: string;
}

/** The story as a document: every section, every paragraph's words, and the signatures. */
export function PrintedStory({ story, signers }: { story: Story; signers: Signer[] }) {
  const sections = storySections(story.sections, story.paragraphs);
  const progress = storyProgress(
    story.paragraphs,
    signers.map((s) => s.id),
  );
  const signed = story.signedAt !== null;
  return (
    <article className="story-print__doc" aria-label="The story">
      {signed ? null : (
        <p className="story-print__draft">
          A draft, not yet signed by both of you. {progressLine(progress)}.
        </p>
      )}
      {sections.map((section) => (
        <section key={section.key} className="story-print__section">
          <h2 className="story-print__title">{section.title}</h2>
          {section.paragraphs.length === 0 ? (
            <p className="story-print__empty">Not written yet.</p>
          ) : (
            section.paragraphs.map((paragraph) => (
              <p key={paragraph.id} className="story-print__paragraph user-text">
                {paragraph.text}
              </p>
            ))
          )}
        </section>
      ))}
      <section className="story-print__section story-print__signatures">
        <h2 className="story-print__title">Signatures</h2>
        <ul className="story-print__signers">
          {signers.map((signer) => (
            <li key={signer.id} className="story-print__signer">
              <span className="story-print__line" aria-hidden="true" />
              <span className="story-print__name">{signer.name}</span>
              <span className="story-print__when">{signedLine(story, signer.id)}</span>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

/** Each signature with its own day: one partner may sign days before the other. */
function signedLine(story: Pick<Story, "signatures">, signerId: string): string {
  const signature = story.signatures.find((s) => s.by === signerId);
  return signature ? `Signed in Mend on ${formatDate(signature.at)}` : "Not signed yet";
}
