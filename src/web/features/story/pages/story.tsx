import "../story.css";
import type { ReactNode } from "react";
import { Button, ButtonLink } from "../../../ui/button.tsx";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { useMe } from "../../account/api/me.ts";
import { useStory } from "../api/story.ts";
import { PrintedStory } from "../components/printed-story.tsx";
import { StorySection } from "../components/story-section.tsx";
import { StoryStatus } from "../components/story-status.tsx";
import { storySections } from "../story-view.ts";

function usePartners(): string[] {
  const people = usePeople();
  return people.partner ? [people.meId, people.partner.id] : [people.meId];
}

function HowItWorks() {
  return (
    <Card title="How it works" tone="quiet" className="story-how">
      <ul className="story-how__list">
        <li>
          Either of you can add a paragraph to any of the five parts. It doesn't need to be perfect
          the first time.
        </li>
        <li>
          Each of you marks every paragraph: <strong>agree</strong>, <strong>disagree</strong>, or{" "}
          <strong>needs a talk</strong>. A short note helps the other understand.
        </li>
        <li>
          A paragraph that doesn't fit yet can be rewritten. Marks start over for the new version,
          so each of you reads it again.
        </li>
        <li>When you both agree with every paragraph as it stands, you can each sign it.</li>
      </ul>
    </Card>
  );
}

export function StoryPage() {
  const story = useStory();
  const partners = usePartners();
  const intro = (
    <p>
      The story of what happened, written by the two of you, one paragraph at a time. It doesn't ask
      you to see everything the same way: the aim is a shared account you can both live with, and
      sign when you're ready.
    </p>
  );

  let content: ReactNode;
  if (story.isPending) content = <Loading label="Loading your story…" />;
  else if (story.isError) {
    content = <ErrorState error={story.error} onRetry={() => void story.refetch()} />;
  } else {
    content = (
      <>
        <StoryStatus story={story.data} partners={partners} />
        {story.data.paragraphs.length === 0 ? <HowItWorks /> : null}
        {storySections(story.data.sections, story.data.paragraphs).map((section) => (
          <StorySection
            key={section.key}
            section={section}
            partners={partners}
            signed={story.data.signedBy.length > 0}
          />
        ))}
        {story.data.paragraphs.length > 0 ? <HowItWorks /> : null}
      </>
    );
  }
  return (
    <Page heading="Our shared story" title="Shared story" intro={intro}>
      <div className="story">{content}</div>
    </Page>
  );
}

export function StoryPrintPage() {
  const story = useStory();
  const people = usePeople();
  const me = useMe();
  const signers = [
    { id: people.meId, name: me.data?.user.name ?? "You" },
    ...(people.partner ? [people.partner] : []),
  ];
  const names = signers.map((s) => s.name).join(" and ");

  let content: ReactNode;
  if (story.isPending) content = <Loading label="Loading your story…" />;
  else if (story.isError) {
    content = <ErrorState error={story.error} onRetry={() => void story.refetch()} />;
  } else {
    content = <PrintedStory story={story.data} signers={signers} />;
  }
  return (
    <Page
      heading="Our shared story"
      title="Shared story, to print"
      intro={<p className="story-print__by">Written together by {names}</p>}
    >
      <div className="story-print">
        <div className="actions story-print__toolbar">
          <Button onClick={() => window.print()} disabled={!story.isSuccess}>
            Print
          </Button>
          <ButtonLink to="/story" variant="quiet">
            Back to the story
          </ButtonLink>
        </div>
        {content}
      </div>
    </Page>
  );
}
