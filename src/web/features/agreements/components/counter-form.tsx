import { useWatch } from "react-hook-form";
import { CounterAgreementBody } from "../../../../contracts/agreements.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { LIMITS } from "../../../../domain/limits.ts";
import { agreementNudges } from "../../../../domain/nudges.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { Nudges } from "../../../ui/nudges.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { useToast } from "../../../ui/toast.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { type Agreement, useCounterAgreement } from "../api/agreements.ts";
import { blankToUndefined, ReviewDateField } from "./review-date-field.tsx";

const CounterDraft = draftOf(CounterAgreementBody);

/** Answer a proposal with other wording; it goes back to the partner as a new proposal. */
export function CounterForm({
  agreement,
  onCancel,
}: {
  agreement: Agreement;
  onCancel: () => void;
}) {
  const people = usePeople();
  const toast = useToast();
  const counter = useCounterAgreement();
  const ids = { text: `counter-text-${agreement.id}`, reviewOn: `counter-review-${agreement.id}` };
  const { form, errors, submit, summary } = useSchemaForm(CounterDraft, {
    defaultValues: { text: agreement.text },
    fieldIds: ids,
  });
  const text = useWatch({ control: form.control, name: "text" });
  return (
    <form
      className="inline-panel form form--tight"
      noValidate
      aria-label="Suggest other wording"
      onSubmit={submit(async (body) => {
        await counter.mutateAsync({ id: agreement.id, body });
        toast(`Your wording is sent. ${people.partnerName} can now accept it or answer it.`);
      })}
    >
      <ErrorSummary errors={summary} />
      <TextAreaField
        id={ids.text}
        label="Your wording"
        rows={4}
        hint="Change what you'd like. Your partner sees it as your suggestion."
        maxLength={LIMITS.agreementTextMax}
        error={errors.text?.message}
        autoFocus
        {...form.register("text")}
      />
      <Nudges nudges={agreementNudges(text ?? "")} />
      <ReviewDateField
        id={ids.reviewOn}
        error={errors.reviewOn?.message}
        registration={form.register("reviewOn", { setValueAs: blankToUndefined })}
      />
      <div className="actions">
        <Button type="submit" busy={counter.isPending}>
          Send my wording
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
