import { storyProgress } from "../../../../domain/story.ts";
import { ButtonLink } from "../../../ui/button.tsx";
import { Card } from "../../../ui/card.tsx";
import { ConfirmInline } from "../../../ui/confirm-inline.tsx";
import { formatDate } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { ErrorState } from "../../../ui/query-state.tsx";
import { useToast } from "../../../ui/toast.tsx";
import { isChangedMeanwhile, type Story, useSignStory } from "../api/story.ts";
import { progressLine, signingOf } from "../story-view.ts";

const LATER_CHANGES =
  "If either of you changes a paragraph or a mark later, the story asks for both signatures again.";

function SignButton({ revision }: { revision: number }) {
  const people = usePeople();
  const sign = useSignStory();
  const toast = useToast();
  // The button gives way to the signatures once signed: the confirmation is said by the toast.
  async function run() {
    try {
      const done = await sign.mutateAsync(revision);
      toast(
        done.signedAt
          ? "You've both signed."
          : `Your signature is there. It waits for ${people.partnerName}'s.`,
      );
    } catch (error) {
      if (isChangedMeanwhile(error)) {
        toast(
          "The story changed while you were reading it. Have a look at what's new, then sign again if it still fits.",
        );
      }
    }
  }
  return (
    <>
      <ConfirmInline
        label="Sign the story"
        variant="secondary"
        size="normal"
        question={`Sign the story as it reads now? ${LATER_CHANGES}`}
        confirmLabel="Yes, sign it"
        cancelLabel="Not yet"
        busy={sign.isPending}
        onConfirm={() => void run()}
      />
      {sign.isError && !isChangedMeanwhile(sign.error) ? (
        <ErrorState title="Your signature didn't go through" error={sign.error} />
      ) : null}
    </>
  );
}

/** How far the two have come, and the signatures once they agree with every paragraph. */
export function StoryStatus({ story, partners }: { story: Story; partners: string[] }) {
  const people = usePeople();
  const progress = storyProgress(story.paragraphs, partners);
  const signing = signingOf(story, people.meId, people.partner?.id ?? null);
  const printLink = (
    <p className="story-status__print">
      <ButtonLink to="/story/print" variant="quiet" size="small">
        Printable version
      </ButtonLink>
    </p>
  );

  if (signing.kind === "signed") {
    return (
      <Card title="Your story is signed" tone="calm" className="story-status">
        <p className="story-status__signed">
          Both of you signed on <span className="story-status__date">{formatDate(signing.at)}</span>
          .
        </p>
        <p>
          It took patience to write this together. It's yours now, as it stands, in words you can
          both live with.
        </p>
        <p className="small">{LATER_CHANGES}</p>
        {printLink}
      </Card>
    );
  }

  return (
    <Card title="Where you are" className="story-status">
      <p className="story-status__progress">{progressLine(progress)}</p>
      {signing.kind === "not-ready" ? (
        <p className="muted">
          {progress.paragraphs === 0
            ? "Once there are paragraphs and you both agree with each one, you can each sign the story."
            : "When you both agree with every paragraph as it stands, you can each sign the story."}
        </p>
      ) : (
        <>
          <p>
            You both agree with every paragraph. The story is ready for your signatures, each in
            your own time.
          </p>
          <ul className="story-status__signers">
            <li>{signing.mine ? "You have signed." : "You haven't signed yet."}</li>
            <li>
              {people.partner
                ? `${people.partnerName} ${signing.partners ? "has signed." : "hasn't signed yet."}`
                : "Your partner can sign once they've joined."}
            </li>
          </ul>
          {signing.mine || people.individualMode ? null : <SignButton revision={story.revision} />}
        </>
      )}
      {progress.paragraphs > 0 ? printLink : null}
    </Card>
  );
}
