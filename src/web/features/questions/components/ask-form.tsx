import { useEffect, useMemo, useState } from "react";
import { useWatch } from "react-hook-form";
import { AskBody } from "../../../../contracts/questions.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { MEANING_LIMITS } from "../../../../domain/limits.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { type Question, useAskQuestion } from "../api/questions.ts";
import { closeEarlier } from "../ledger.ts";
import { CloseQuestions } from "./close-questions.tsx";

const AskDraft = draftOf(AskBody).omit({ repeatOf: true });
const FORM_ID = "questions-ask";
const FIELD_ID = "questions-ask-text";
/** Long enough to let a word be finished, short enough to feel like it keeps up. */
const SETTLE_MS = 250;

/** The draft once typing pauses; an emptied draft at once, so nothing lingers after sending. */
function useSettled(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return value.trim() === "" ? "" : settled;
}

function closeAnnouncement(count: number): string {
  if (count === 0) return "";
  return count === 1
    ? "An earlier question close to this one is shown after the text box."
    : `${count} earlier questions close to this one are shown after the text box.`;
}

/**
 * Ask the partner a question. While it is typed, earlier questions close to it show with their
 * answers, so an answer one already has can be read first, or the question asked again on
 * purpose. Nothing here stops a question from being sent.
 */
export function AskForm({ questions }: { questions: readonly Question[] }) {
  const people = usePeople();
  const ask = useAskQuestion();
  const { form, errors, submit, summary } = useSchemaForm(AskDraft, {
    defaultValues: { text: "" },
    fieldIds: { text: FIELD_ID },
  });
  const [said, setSaid] = useState("");
  const text = useWatch({ control: form.control, name: "text" }) ?? "";
  const settled = useSettled(text, SETTLE_MS);
  const close = useMemo(
    () => (settled ? closeEarlier(settled, questions) : []),
    [settled, questions],
  );

  function done(message: string) {
    // Back to the empty default through the form's own reset, which clears the box at once, so
    // its length counter reads 0 on the next render.
    form.reset();
    setSaid(message);
    form.setFocus("text");
  }

  const partner = people.partner ? people.partnerName : "Your partner";
  const sendNew = submit(async (values) => {
    setSaid("");
    await ask.mutateAsync({ text: values.text });
    done(
      `Your question is on its way. ${partner} can answer it in writing, or keep it for your next talk time.`,
    );
  });
  const sendLinked = (earlier: Question) =>
    submit(async (values) => {
      setSaid("");
      await ask.mutateAsync({ text: values.text, repeatOf: earlier.id });
      done("Sent, linked to the earlier question, so you can both see it has come back.");
    })();

  return (
    <>
      <form
        id={FORM_ID}
        className="form form--tight"
        noValidate
        aria-label="Ask a question"
        onSubmit={sendNew}
      >
        <ErrorSummary errors={summary} />
        <TextAreaField
          id={FIELD_ID}
          label="Your question"
          hint={`One question at a time is easier to answer. ${partner} answers in writing, or keeps it for your next talk time.`}
          rows={3}
          maxLength={MEANING_LIMITS.questionMax}
          error={errors.text?.message}
          {...form.register("text", { onChange: () => setSaid("") })}
        />
        {close.length === 0 ? (
          <div className="actions">
            <Button type="submit" busy={ask.isPending}>
              Send the question
            </Button>
          </div>
        ) : null}
        <LiveStatus message={said} />
        <p className="visually-hidden" role="status">
          {closeAnnouncement(close.length)}
        </p>
      </form>
      {close.length > 0 ? (
        <CloseQuestions
          close={close}
          draft={text}
          formId={FORM_ID}
          sending={ask.isPending}
          onEnough={() =>
            done(
              "Nothing was sent. The earlier question stays in your ledger, whenever you'd like to read it again.",
            )
          }
          onLinked={sendLinked}
          onAskedAgain={() =>
            done(
              `Asked again. ${partner} sees it come back, with the answer so far, and can answer again.`,
            )
          }
        />
      ) : null}
    </>
  );
}
