import { AddParagraphBody } from "../../../../contracts/story.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { MEANING_LIMITS } from "../../../../domain/limits.ts";
import type { StorySection } from "../../../../domain/story.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useAddParagraph } from "../api/story.ts";

const AddDraft = draftOf(AddParagraphBody).omit({ section: true });

export function AddParagraphForm({
  section,
  sectionTitle,
}: {
  section: StorySection;
  sectionTitle: string;
}) {
  const people = usePeople();
  const add = useAddParagraph();
  const id = `add-${section}`;
  const { form, errors, submit, summary, status } = useSchemaForm(AddDraft, {
    defaultValues: { text: "" },
    fieldIds: { text: id },
  });
  return (
    <form
      className="form form--tight"
      noValidate
      aria-label={`Add a paragraph to “${sectionTitle}”`}
      onSubmit={submit(async ({ text }) => {
        await add.mutateAsync({ section, text });
        form.reset({ text: "" });
        return people.partner
          ? `Your paragraph is in the story. ${people.partnerName} can read and mark it now, and so can you.`
          : "Your paragraph is in the story. Your partner can mark it once they've joined.";
      })}
    >
      <ErrorSummary errors={summary} />
      <TextAreaField
        id={id}
        label={`A paragraph for “${sectionTitle}”`}
        rows={5}
        hint="Write it as you would like it to stand in a story you both sign. Plain words work best; one thought per paragraph makes it easier to agree on."
        maxLength={MEANING_LIMITS.paragraphMax}
        error={errors.text?.message}
        {...form.register("text")}
      />
      <div className="actions">
        <Button type="submit" busy={add.isPending}>
          Add to the story
        </Button>
      </div>
      <LiveStatus message={status} />
    </form>
  );
}
