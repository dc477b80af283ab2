import { useWatch } from "react-hook-form";
import { z } from "zod";
import { MarkBody } from "../../../../contracts/story.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { MEANING_LIMITS } from "../../../../domain/limits.ts";
import { STORY_MARKS, type StoryMark } from "../../../../domain/story.ts";
import { Button } from "../../../ui/button.tsx";
import { ChoiceGroup } from "../../../ui/choice-group.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { blankToUndefined } from "../../agreements/components/review-date-field.tsx";
import { isChangedMeanwhile, type Paragraph, useMarkParagraph } from "../api/story.ts";
import { MARK_DESCRIPTIONS, MARK_LABELS, noteHint } from "../copy.ts";
import { SignaturesNote } from "./signatures-note.tsx";

/** What the person chooses; the version is the one on their screen, not a field. */
const MarkDraft = draftOf(MarkBody)
  .omit({ version: true })
  .extend({ mark: z.enum(STORY_MARKS, { error: "Choose your mark." }) });

export function MarkForm({
  paragraph,
  version,
  current,
  stale,
  signed,
  onDone,
  onChangedMeanwhile,
  onCancel,
}: {
  paragraph: Paragraph;
  /** The version this person has read: the one their mark is for. */
  version: number;
  current: StoryMark | undefined;
  /** Rewritten since they read it: nothing is sent until they have read the new version. */
  stale: boolean;
  signed: boolean;
  onDone: (message: string) => void;
  onChangedMeanwhile: () => void;
  onCancel: () => void;
}) {
  const people = usePeople();
  const mark = useMarkParagraph();
  const ids = { mark: `mark-${paragraph.id}`, note: `mark-note-${paragraph.id}` };
  const { form, errors, submit, summary } = useSchemaForm(MarkDraft, {
    defaultValues: current ? { mark: current } : {},
    fieldIds: { mark: `${ids.mark}-agree`, note: ids.note },
  });
  const chosen = useWatch({ control: form.control, name: "mark" });
  const waitingId = `mark-wait-${paragraph.id}`;

  return (
    <form
      className="inline-panel form form--tight"
      noValidate
      aria-label="Your mark"
      onSubmit={submit(
        async (values) => {
          await mark.mutateAsync({ id: paragraph.id, version, ...values });
          onDone(
            people.partner
              ? `Your mark is saved. ${people.partnerName} sees it now.`
              : "Your mark is saved.",
          );
        },
        (error) => {
          if (!isChangedMeanwhile(error)) return undefined;
          onChangedMeanwhile();
          return [];
        },
      )}
    >
      <ErrorSummary errors={summary} />
      <ChoiceGroup
        id={ids.mark}
        size="compact"
        legend={`Your mark on version ${version}`}
        error={errors.mark?.message}
        registration={form.register("mark")}
        choices={STORY_MARKS.map((value) => ({
          value,
          label: MARK_LABELS[value],
          description: MARK_DESCRIPTIONS[value],
        }))}
      />
      <TextAreaField
        id={ids.note}
        label={`A note for ${people.partnerName}`}
        optional
        rows={3}
        hint={noteHint(chosen, people.partnerName)}
        maxLength={MEANING_LIMITS.markNoteMax}
        error={errors.note?.message}
        {...form.register("note", { setValueAs: blankToUndefined })}
      />
      {signed ? <SignaturesNote /> : null}
      <div className="actions">
        <Button
          type="submit"
          busy={mark.isPending}
          disabled={stale}
          aria-describedby={stale ? waitingId : undefined}
        >
          Save my mark
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
        {stale ? (
          <p className="small muted story-form__waiting" id={waitingId}>
            Read the new version above first.
          </p>
        ) : null}
      </div>
    </form>
  );
}
