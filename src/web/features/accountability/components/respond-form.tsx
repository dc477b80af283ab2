import { useState } from "react";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { newItemId } from "../../../../client/crypto/account-keys.ts";
import { ResponseBody } from "../../../../contracts/accountability.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { HEARD, HEARD_LABELS } from "../../../../domain/accountability.ts";
import { MEANING_LIMITS } from "../../../../domain/limits.ts";
import { Button } from "../../../ui/button.tsx";
import { ChoiceGroup } from "../../../ui/choice-group.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { useToast } from "../../../ui/toast.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useRespond } from "../api/accountability.ts";
import type { Version } from "../statements.ts";

/** The contract's body; "what is missing" may be left out only when the answer is "heard". */
const AnswerForm = draftOf(ResponseBody)
  .extend({ heard: z.enum(HEARD, { error: "Choose how this version leaves you feeling." }) })
  .superRefine((answer, context) => {
    if (answer.heard !== "yes" && !answer.missing) {
      context.addIssue({
        code: "custom",
        path: ["missing"],
        message: "Say in a few words what is still missing, so it can be added.",
      });
    }
  });

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/** The partner's answer to the version on screen, which it names. */
export function RespondForm({ version, authorName }: { version: Version; authorName: string }) {
  const toast = useToast();
  const respond = useRespond();
  // One id per answer, whatever is sent twice: a retry answers once.
  const [answerId, setAnswerId] = useState(newItemId);
  const ids = { heard: `answer-${version.id}-heard-yes`, missing: `answer-${version.id}-missing` };
  const { form, errors, submit, summary } = useSchemaForm(AnswerForm, {
    defaultValues: {},
    fieldIds: ids,
  });
  const heard = useWatch({ control: form.control, name: "heard" });

  return (
    <form
      className="inline-panel form form--tight"
      noValidate
      aria-label={`Your answer to version ${version.n}`}
      onSubmit={submit(async (body) => {
        await respond.mutateAsync({ versionId: version.id, id: answerId, body });
        setAnswerId(newItemId());
        form.reset({});
        toast(`Your answer to version ${version.n} is with ${authorName} now.`);
      })}
    >
      <ErrorSummary errors={summary} />
      <ChoiceGroup
        id={`answer-${version.id}-heard`}
        size="compact"
        legend={`Reading version ${version.n}, do you feel heard?`}
        hint="There is no wrong answer, and you can answer again later."
        error={errors.heard?.message}
        registration={form.register("heard")}
        choices={HEARD.map((value) => ({ value, label: HEARD_LABELS[value] }))}
      />
      <TextAreaField
        id={ids.missing}
        label={heard === "yes" ? "Anything still missing" : "What is missing"}
        optional={heard === "yes"}
        hint={`What you still need to hear, in your own words. ${authorName} will read this.`}
        maxLength={MEANING_LIMITS.missingMax}
        rows={4}
        error={errors.missing?.message}
        {...form.register("missing", { setValueAs: blankToUndefined })}
      />
      <div className="actions">
        <Button type="submit" busy={respond.isPending}>
          Send your answer
        </Button>
      </div>
    </form>
  );
}
