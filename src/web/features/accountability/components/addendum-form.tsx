import { useState } from "react";
import { useWatch } from "react-hook-form";
import { newItemId } from "../../../../client/crypto/account-keys.ts";
import { AddendumBody } from "../../../../contracts/accountability.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { MEANING_LIMITS } from "../../../../domain/limits.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { useToast } from "../../../ui/toast.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useAddAddendum } from "../api/accountability.ts";
import { MarkedTextArea } from "./marked-text-area.tsx";

const AddendumForm = draftOf(AddendumBody);
const FIELD_IDS = { text: "addendum-text" };

/** A later disclosure: dated, listed under the statement, never worked into a version. */
export function AddendumFormPanel({ newestN }: { newestN: number }) {
  const people = usePeople();
  const toast = useToast();
  const add = useAddAddendum();
  const [addendumId, setAddendumId] = useState(newItemId);
  const { form, errors, submit, summary } = useSchemaForm(AddendumForm, {
    defaultValues: { text: "" },
    fieldIds: FIELD_IDS,
  });
  const text = useWatch({ control: form.control, name: "text" }) ?? "";

  return (
    <form
      className="form form--tight"
      noValidate
      aria-label="Add something you did not say before"
      onSubmit={submit(async ({ text }) => {
        await add.mutateAsync({ id: addendumId, text });
        setAddendumId(newItemId());
        form.reset({ text: "" });
        toast(
          `It's added under your statement with today's date, after version ${newestN}. ${
            people.partner ? people.partnerName : "Your partner"
          } can read it now.`,
        );
      })}
    >
      <ErrorSummary errors={summary} />
      <MarkedTextArea
        id={FIELD_IDS.text}
        label="What you did not say before"
        hint={`It appears under your statement with today's date, as added after version ${newestN}. The versions themselves stay as they are, and this stays as you write it.`}
        value={text}
        maxLength={MEANING_LIMITS.addendumMax}
        rows={4}
        error={errors.text?.message}
        registration={form.register("text")}
      />
      <div className="actions">
        <Button type="submit" busy={add.isPending}>
          Add it to your statement
        </Button>
      </div>
    </form>
  );
}
