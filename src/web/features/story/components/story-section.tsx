import { Card } from "../../../ui/card.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { EmptyState } from "../../../ui/query-state.tsx";
import { Reveal } from "../../../ui/reveal.tsx";
import type { SectionView } from "../story-view.ts";
import { AddParagraphForm } from "./add-paragraph-form.tsx";
import { ParagraphCard } from "./paragraph-card.tsx";

export function StorySection({
  section,
  partners,
  signed,
}: {
  section: SectionView;
  partners: string[];
  /** Someone has signed the story as it stands. */
  signed: boolean;
}) {
  const people = usePeople();
  const readOnly = people.individualMode;
  const empty = section.paragraphs.length === 0;
  const form = readOnly ? null : (
    <Reveal label={empty ? "Write the first paragraph" : "Add a paragraph"} closeLabel="Close">
      <AddParagraphForm section={section.key} sectionTitle={section.title} />
    </Reveal>
  );
  return (
    <Card title={section.title} className="story-section" id={`story-${section.key}`}>
      <p className="story-section__invite">{section.invite}</p>
      {empty ? (
        <EmptyState title="Nothing here yet">
          {readOnly ? null : <p>Either of you can write the first paragraph.</p>}
        </EmptyState>
      ) : (
        <ol className="story-section__paragraphs">
          {section.paragraphs.map((paragraph, index) => (
            <li key={paragraph.id}>
              <ParagraphCard
                paragraph={paragraph}
                number={index + 1}
                sectionTitle={section.title}
                partners={partners}
                readOnly={readOnly}
                signed={signed}
              />
            </li>
          ))}
        </ol>
      )}
      {/* In the same place before and after the first paragraph, so the open form stays open. */}
      {form ? <div className="story-section__add">{form}</div> : null}
    </Card>
  );
}
