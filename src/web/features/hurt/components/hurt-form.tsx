import { useState } from "react";
import { Controller } from "react-hook-form";
import { z } from "zod";
import { HurtBody } from "../../../../contracts/hurt.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { REPAIR_SCALE } from "../../../../domain/emotions.ts";
import { MEANING_LIMITS } from "../../../../domain/limits.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { PrivateNote } from "../../../ui/private-note.tsx";
import { ScaleField } from "../../../ui/scale-field.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { VisibilityField } from "../../../ui/visibility-field.tsx";
import { useRecordHurt } from "../api/hurt.ts";
import { FeelingWordsField, wordsGroupId } from "./feeling-words-field.tsx";

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const Draft = draftOf(HurtBody);
const EntryForm = Draft.extend({
  // A box left or made empty says nothing, so it is sent as nothing rather than as "".
  broken: z.preprocess(blankToUndefined, Draft.shape.broken),
});
const FIELD_IDS = {
  words: wordsGroupId("hurt-word"),
  broken: "hurt-broken",
  repairPossible: "hurt-repair-0",
  visibility: "hurt-visibility-private",
};
/**
 * A fresh entry: no words, an empty box, and private. Every field is named, so nothing typed
 * for one entry can linger into the next (a field left out of a reset keeps what it showed).
 */
function blank() {
  return { words: [] as string[], broken: "", visibility: "private" as const };
}

/** One entry: the words for what is felt, what feels broken, whether repair feels possible. */
export function HurtForm() {
  const people = usePeople();
  const record = useRecordHurt();
  const privateOnly = people.individualMode;
  // Each saved entry starts the words afresh, with the person's own words of the last one gone.
  const [round, setRound] = useState(0);
  const { form, errors, submit, summary, status } = useSchemaForm(EntryForm, {
    defaultValues: blank(),
    fieldIds: FIELD_IDS,
  });
  const partner = `${people.partnerName.charAt(0).toUpperCase()}${people.partnerName.slice(1)}`;

  return (
    <form
      className="form hurt-form"
      noValidate
      aria-label="A new entry"
      onSubmit={submit(async (values) => {
        const body = privateOnly ? { ...values, visibility: "private" as const } : values;
        await record.mutateAsync(body);
        // Back to private: sharing is chosen again for each entry, never carried over.
        form.reset(blank());
        setRound((n) => n + 1);
        return body.visibility === "couple"
          ? `Saved, and shared with ${people.partnerName}. ${partner} can see this entry now.`
          : "Saved. This entry is private: only you can see it.";
      })}
    >
      <ErrorSummary errors={summary} />
      <Controller
        control={form.control}
        name="words"
        render={({ field }) => (
          <FeelingWordsField
            key={round}
            id="hurt-word"
            value={field.value ?? []}
            onChange={field.onChange}
            error={errors.words?.message}
          />
        )}
      />
      <TextAreaField
        id={FIELD_IDS.broken}
        label="What feels broken"
        optional
        hint="A trust, a picture of the two of you, a sense of safety, or something else. Only if you'd like to say."
        rows={3}
        maxLength={MEANING_LIMITS.brokenMax}
        error={errors.broken?.message}
        {...form.register("broken")}
      />
      <Controller
        control={form.control}
        name="repairPossible"
        render={({ field }) => (
          <ScaleField
            id="hurt-repair"
            legend="Does repair feel possible right now?"
            hint="Answer for today only. It's allowed to change, and neither end is wrong."
            lowLabel={REPAIR_SCALE.low}
            highLabel={REPAIR_SCALE.high}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={errors.repairPossible?.message}
          />
        )}
      />
      <Controller
        control={form.control}
        name="visibility"
        render={({ field }) => (
          <div className="stack-sm">
            <VisibilityField
              id="hurt-visibility"
              legend="Who sees this entry?"
              value={field.value ?? "private"}
              onChange={field.onChange}
              partnerName={people.partnerName}
              privateOnly={privateOnly}
            />
            {privateOnly ? null : (
              <PrivateNote>
                Private unless you choose otherwise. Only you see private entries; they are sealed
                in your browser before they are saved.
              </PrivateNote>
            )}
          </div>
        )}
      />
      <div className="actions">
        <Button type="submit" busy={record.isPending}>
          Save this entry
        </Button>
      </div>
      <LiveStatus message={status} />
    </form>
  );
}
