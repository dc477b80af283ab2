import { useState } from "react";
import { useWatch } from "react-hook-form";
import { newItemId } from "../../../../client/crypto/account-keys.ts";
import { ReviewAgreementBody } from "../../../../contracts/agreements.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { LIMITS } from "../../../../domain/limits.ts";
import { Button } from "../../../ui/button.tsx";
import { ChoiceGroup } from "../../../ui/choice-group.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { useToast } from "../../../ui/toast.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { type Agreement, useReviewAgreement } from "../api/agreements.ts";
import { blankToUndefined, ReviewDateField } from "./review-date-field.tsx";

const ReviewDraft = draftOf(ReviewAgreementBody);

/** Keep, change or retire an agreement that is in place. */
export function ReviewForm({
  agreement,
  onCancel,
}: {
  agreement: Agreement;
  onCancel: () => void;
}) {
  const people = usePeople();
  const toast = useToast();
  const review = useReviewAgreement();
  const [requestId] = useState(newItemId);
  const ids = {
    outcome: `review-outcome-${agreement.id}-keep`,
    text: `review-text-${agreement.id}`,
    reviewOn: `review-date-${agreement.id}`,
    note: `review-note-${agreement.id}`,
  };
  const { form, errors, submit, summary } = useSchemaForm(ReviewDraft, {
    defaultValues: { outcome: "keep" },
    // The outcomes take different fields (a union): their ids are listed for every one.
    fieldIds: ids as never,
    // Only the fields of the chosen outcome are sent.
    shouldUnregister: true,
  });
  const outcome = useWatch({ control: form.control, name: "outcome" });
  const fieldErrors = errors as Partial<Record<"text" | "reviewOn" | "note", { message?: string }>>;

  return (
    <form
      className="inline-panel form form--tight"
      noValidate
      aria-label="Review this agreement"
      onSubmit={submit(async (body) => {
        // One id for this review, whatever is sent twice: a retry answers, never repeats.
        await review.mutateAsync({ id: agreement.id, body, requestId });
        onCancel();
        toast(
          body.outcome === "keep"
            ? "Kept. It stays in place until its next review."
            : body.outcome === "retire"
              ? "Retired. You'll find it under past agreements."
              : `Your new wording is sent. The current one stays in place until ${people.partnerName} accepts it.`,
        );
      })}
    >
      <ErrorSummary errors={summary} />
      <ChoiceGroup
        id={`review-outcome-${agreement.id}`}
        legend="How is this agreement working?"
        registration={form.register("outcome")}
        choices={[
          {
            value: "keep",
            label: "Keep it",
            description: "It helps. Keep it as it is, and look at it again later.",
          },
          {
            value: "change",
            label: "Change it",
            description: "Suggest new wording. The current one stays until your partner accepts.",
          },
          {
            value: "retire",
            label: "Retire it",
            description: "It has done its job, or it no longer fits.",
          },
        ]}
      />
      {outcome === "change" ? (
        <TextAreaField
          id={ids.text}
          label="New wording"
          maxLength={LIMITS.agreementTextMax}
          defaultValue={agreement.text}
          rows={4}
          error={fieldErrors.text?.message}
          {...form.register("text")}
        />
      ) : null}
      {outcome === "keep" || outcome === "change" ? (
        <ReviewDateField
          id={ids.reviewOn}
          label="Next review date"
          from={outcome === "keep" ? "from today" : "after it's accepted"}
          error={fieldErrors.reviewOn?.message}
          registration={form.register("reviewOn", { setValueAs: blankToUndefined })}
        />
      ) : null}
      {outcome === "keep" || outcome === "retire" ? (
        <TextAreaField
          id={ids.note}
          label="A note for the history"
          optional
          hint="What you noticed, or what you learned from it. Your partner will see this."
          maxLength={LIMITS.reviewNoteMax}
          rows={2}
          error={fieldErrors.note?.message}
          {...form.register("note", { setValueAs: blankToUndefined })}
        />
      ) : null}
      <div className="actions">
        <Button type="submit" busy={review.isPending}>
          Save review
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
