import { useWatch } from "react-hook-form";
import { z } from "zod";
import { ProposeAgreementBody } from "../../../../contracts/agreements.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { AGREEMENT_CATEGORIES } from "../../../../domain/agreements.ts";
import { LIMITS } from "../../../../domain/limits.ts";
import { agreementNudges } from "../../../../domain/nudges.ts";
import { Button } from "../../../ui/button.tsx";
import { ChoiceGroup } from "../../../ui/choice-group.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { Nudges } from "../../../ui/nudges.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useProposeAgreement } from "../api/agreements.ts";
import { CATEGORY_EXAMPLES, CATEGORY_LABELS } from "../copy.ts";
import { blankToUndefined, ReviewDateField } from "./review-date-field.tsx";

/** The contract's body, with a kinder message when no topic is picked yet. */
const ProposeForm = draftOf(ProposeAgreementBody).extend({
  category: z.enum(AGREEMENT_CATEGORIES, { error: "Choose what the agreement is about." }),
});
const FIELD_IDS = {
  category: "propose-category-talk",
  text: "propose-text",
  reviewOn: "propose-review-on",
};

export function ProposeAgreementForm() {
  const people = usePeople();
  const propose = useProposeAgreement();
  const { form, errors, submit, summary, status } = useSchemaForm(ProposeForm, {
    defaultValues: { text: "" },
    fieldIds: FIELD_IDS,
  });
  const category = useWatch({ control: form.control, name: "category" });
  const text = useWatch({ control: form.control, name: "text" });

  return (
    <form
      className="form form--tight"
      noValidate
      aria-label="Propose an agreement"
      onSubmit={submit(async (values) => {
        await propose.mutateAsync(values);
        form.reset({ text: "" });
        return people.partner
          ? `Your suggestion is on its way. ${people.partnerName} can now accept it or suggest other wording.`
          : "Your suggestion is saved. Your partner can answer it once they've joined.";
      })}
    >
      <ErrorSummary errors={summary} />
      <ChoiceGroup
        id="propose-category"
        size="compact"
        legend="What is it about?"
        error={errors.category?.message}
        registration={form.register("category")}
        choices={AGREEMENT_CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }))}
      />
      <TextAreaField
        id={FIELD_IDS.text}
        label="The agreement"
        hint={`Small and concrete works best, something you can both picture. For example: "${CATEGORY_EXAMPLES[category ?? "talk"]}"`}
        maxLength={LIMITS.agreementTextMax}
        error={errors.text?.message}
        {...form.register("text")}
      />
      <Nudges nudges={agreementNudges(text ?? "")} />
      <ReviewDateField
        id={FIELD_IDS.reviewOn}
        error={errors.reviewOn?.message}
        registration={form.register("reviewOn", { setValueAs: blankToUndefined })}
      />
      <div className="actions">
        <Button type="submit" busy={propose.isPending}>
          Propose agreement
        </Button>
      </div>
      <LiveStatus message={status} />
    </form>
  );
}
