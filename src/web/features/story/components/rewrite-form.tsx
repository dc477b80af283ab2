import { isUnopened } from "../../../../client/sealing.ts";
import { EditParagraphBody } from "../../../../contracts/story.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { MEANING_LIMITS } from "../../../../domain/limits.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { isChangedMeanwhile, type Paragraph, useRewriteParagraph } from "../api/story.ts";
import { SignaturesNote } from "./signatures-note.tsx";

const RewriteDraft = draftOf(EditParagraphBody).omit({ version: true });

/** A new version of a paragraph, written over the one this person read. */
export function RewriteForm({
  paragraph,
  version,
  stale,
  signed,
  onDone,
  onChangedMeanwhile,
  onCancel,
}: {
  paragraph: Paragraph;
  version: number;
  stale: boolean;
  signed: boolean;
  onDone: (message: string) => void;
  onChangedMeanwhile: () => void;
  onCancel: () => void;
}) {
  const people = usePeople();
  const rewrite = useRewriteParagraph();
  const id = `rewrite-${paragraph.id}`;
  const waitingId = `rewrite-wait-${paragraph.id}`;
  // Words that can't be opened here are not words to build on: start from a blank page.
  const unopened = isUnopened(paragraph.text);
  const { form, errors, submit, summary } = useSchemaForm(RewriteDraft, {
    defaultValues: { text: unopened ? "" : paragraph.text },
    fieldIds: { text: id },
  });

  return (
    <form
      className="inline-panel form form--tight"
      noValidate
      aria-label="Rewrite this paragraph"
      onSubmit={submit(
        async ({ text }) => {
          const done = await rewrite.mutateAsync({ id: paragraph.id, text, version });
          onDone(
            `Version ${done.paragraph.version} is in the story. Marks start over: ${
              people.partner ? `you and ${people.partnerName}` : "each of you"
            } can mark it again.`,
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
      <TextAreaField
        id={id}
        label={`Your new version (replaces version ${version})`}
        rows={6}
        hint={
          unopened
            ? "The current words can't be opened on this device, so you start from a blank page."
            : "Change what you'd like. Marks start over for the new version: both of you read it and mark it again."
        }
        maxLength={MEANING_LIMITS.paragraphMax}
        error={errors.text?.message}
        autoFocus
        {...form.register("text")}
      />
      {signed ? <SignaturesNote /> : null}
      <div className="actions">
        <Button
          type="submit"
          busy={rewrite.isPending}
          disabled={stale}
          aria-describedby={stale ? waitingId : undefined}
        >
          Save the new version
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
        {stale ? (
          <p className="small muted story-form__waiting" id={waitingId}>
            Read the new version above first. Your words stay here.
          </p>
        ) : null}
      </div>
    </form>
  );
}
