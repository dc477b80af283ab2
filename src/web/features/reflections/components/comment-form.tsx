import { useEffect, useRef, useState } from "react";
import { newItemId } from "../../../../client/crypto/account-keys.ts";
import { CommentBody } from "../../../../contracts/reflections.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { MEANING_LIMITS } from "../../../../domain/limits.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useCommentOnReflection } from "../api/reflections.ts";

const CommentDraft = draftOf(CommentBody);

interface CommentFormProps {
  reflectionId: string;
  label: string;
  hint: string;
  /** Words to start from, e.g. those typed after the answer was already shared. */
  initialText?: string;
}

function OneComment({
  reflectionId,
  label,
  hint,
  initialText,
  focusOnShow,
  onAdded,
}: CommentFormProps & { focusOnShow: boolean; onAdded: () => void }) {
  const comment = useCommentOnReflection();
  const fieldId = `comment-${reflectionId}`;
  // One id per comment being written, so a retry after a lost answer cannot post it twice.
  const [commentId] = useState(newItemId);
  const { form, errors, submit, summary } = useSchemaForm(CommentDraft, {
    defaultValues: { text: initialText ?? "" },
    fieldIds: { text: fieldId },
  });
  const { ref, ...registration } = form.register("text");
  const field = useRef<HTMLTextAreaElement | null>(null);
  useEffect(() => {
    if (focusOnShow) field.current?.focus();
  }, [focusOnShow]);
  return (
    <form
      className="form form--tight reflections-comment-form"
      noValidate
      onSubmit={submit(async ({ text }) => {
        await comment.mutateAsync({ reflectionId, commentId, text });
        onAdded();
      })}
    >
      <ErrorSummary errors={summary} />
      <TextAreaField
        id={fieldId}
        label={label}
        hint={hint}
        rows={3}
        maxLength={MEANING_LIMITS.commentMax}
        error={errors.text?.message}
        {...registration}
        ref={(element) => {
          ref(element);
          field.current = element;
        }}
      />
      <div className="actions">
        <Button type="submit" size="small" busy={comment.isPending}>
          Add comment
        </Button>
      </div>
    </form>
  );
}

/**
 * A comment on one shared answer: a question, a thank-you, something to add. Each added comment
 * starts a fresh form (a new id, an empty field) and focus stays in it for the next one.
 */
export function CommentForm(props: CommentFormProps) {
  const [added, setAdded] = useState(0);
  const [status, setStatus] = useState("");
  return (
    <div className="reflections-comment-area">
      <OneComment
        key={added}
        {...props}
        initialText={added === 0 ? props.initialText : ""}
        focusOnShow={added > 0}
        onAdded={() => {
          setAdded((n) => n + 1);
          setStatus("Your comment is added.");
        }}
      />
      <LiveStatus message={status} />
    </div>
  );
}
