import { useMemo } from "react";
import { z } from "zod";
import type { IsoDay } from "../../../../domain/dates.ts";
import { type PromiseKind, reviewDayProblem } from "../../../../domain/promises.ts";
import { Button } from "../../../ui/button.tsx";
import { ConfirmInline } from "../../../ui/confirm-inline.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextField } from "../../../ui/field.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { useToast } from "../../../ui/toast.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { failureWords, type PromiseItem, useReviewPromise } from "../api/promises.ts";
import { defaultReviewOn, reviewBounds } from "../builder.ts";

function keepSchema(kind: PromiseKind, today: IsoDay) {
  return z.object({ reviewOn: z.string() }).superRefine(({ reviewOn }, context) => {
    const problem =
      reviewOn === ""
        ? "Choose the day to look at it again."
        : reviewDayProblem(kind, reviewOn, today);
    if (problem) context.addIssue({ code: "custom", path: ["reviewOn"], message: problem });
  });
}

/**
 * Looking at a promise together: keep it until a new day, change its wording (its promiser
 * only: the new wording replaces it once accepted), or retire it. Either partner may keep or
 * retire it.
 */
export function ReviewPanel({
  promise,
  today,
  onChange,
}: {
  promise: PromiseItem;
  today: IsoDay;
  onChange: () => void;
}) {
  const people = usePeople();
  const toast = useToast();
  const review = useReviewPromise();
  const fieldId = `review-${promise.id}`;
  const bounds = reviewBounds(promise.kind, today);
  const schema = useMemo(() => keepSchema(promise.kind, today), [promise.kind, today]);
  const { form, errors, submit, summary } = useSchemaForm(schema, {
    defaultValues: { reviewOn: defaultReviewOn(today) },
    fieldIds: { reviewOn: fieldId },
  });
  const promiser = people.nameOf(promise.by, { capital: true });

  return (
    <div className="promises-review">
      <form
        className="form form--tight"
        noValidate
        aria-label="Keep this promise until a new day"
        onSubmit={submit(
          async ({ reviewOn }) => {
            await review.mutateAsync({ id: promise.id, reviewOn });
            toast("Kept. It goes on as it is until the new day.");
          },
          (error) => {
            // Also said by the toast: a promise retired meanwhile leaves this form behind.
            toast(`That didn't go through. ${failureWords(error)}`);
            return undefined;
          },
        )}
      >
        <ErrorSummary errors={summary} />
        <TextField
          id={fieldId}
          type="date"
          label="Keep it, and look again on"
          min={bounds.min}
          max={bounds.max}
          error={errors.reviewOn?.message}
          {...form.register("reviewOn")}
        />
        <div className="actions">
          <Button type="submit" busy={review.isPending && review.variables?.reviewOn !== null}>
            Keep it
          </Button>
        </div>
      </form>
      <div className="actions promises-review__other">
        {promise.mine ? (
          <Button variant="secondary" size="small" onClick={onChange}>
            Change it
          </Button>
        ) : null}
        <ConfirmInline
          label="Retire it"
          question="Retire this promise? It stops being tracked and stays with its wall under Ended."
          confirmLabel="Yes, retire it"
          cancelLabel="Not now"
          variant="secondary"
          busy={review.isPending && review.variables?.reviewOn === null}
          onConfirm={() =>
            review.mutate(
              { id: promise.id, reviewOn: null },
              {
                onSuccess: () => toast("Retired. It stays under Ended, with its wall."),
                onError: (error) => toast(`That didn't go through. ${failureWords(error)}`),
              },
            )
          }
        />
      </div>
      {promise.mine ? null : (
        <p className="muted small">
          Only {promiser} can change its wording. If it needs changing, you could talk it through,
          or retire it and let a new one take its place.
        </p>
      )}
    </div>
  );
}
