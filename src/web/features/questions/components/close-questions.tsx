import { useState } from "react";
import { AskAgainBody } from "../../../../contracts/questions.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { MEANING_LIMITS } from "../../../../domain/limits.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { formatDate } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { type Question, useAskAgain } from "../api/questions.ts";
import { askAgainWay } from "../ledger.ts";
import { blankToUndefined } from "./move-forms.tsx";
import { QuestionHistory, Words } from "./question-history.tsx";

const AskAgainDraft = draftOf(AskAgainBody);

interface CloseQuestionsProps {
  close: readonly Question[];
  /** What is being typed: the note an asking again starts from. */
  draft: string;
  /** The ask form, which "It's a different question" sends. */
  formId: string;
  sending: boolean;
  onEnough: () => void;
  onLinked: (earlier: Question) => void;
  onAskedAgain: () => void;
}

/** "You asked something close to this on 3 March — here is the answer." */
function useIntro(question: Question): string {
  const people = usePeople();
  const who = question.mine ? "You" : people.nameOf(question.askedBy, { capital: true });
  const start = `${who} asked something close to this on ${formatDate(question.askedAt)}`;
  const answers = question.answers.length;
  if (answers > 0) {
    const given = question.mine ? "" : " you gave";
    return `${start} — here ${answers === 1 ? `is the answer${given}` : `are the answers${given}`}:`;
  }
  if (question.state === "let-go") return `${start}, and it was let go without an answer.`;
  return question.mine
    ? `${start}. It's still waiting for ${people.partnerName}'s answer.`
    : `${start}, and it's waiting for your answer.`;
}

/** One's own answered question, asked again in place: the note starts from what was typed. */
function AskAgainInPlace({
  question,
  draft,
  onDone,
  onLinked,
  onCancel,
  sending,
}: {
  question: Question;
  draft: string;
  onDone: () => void;
  onLinked: () => void;
  onCancel: () => void;
  sending: boolean;
}) {
  const people = usePeople();
  const askAgain = useAskAgain();
  const fieldId = `questions-close-note-${question.id}`;
  const { form, errors, submit, summary } = useSchemaForm(AskAgainDraft, {
    defaultValues: { note: draft.trim().slice(0, MEANING_LIMITS.askAgainNoteMax) },
    fieldIds: { note: fieldId },
  });
  return (
    <form
      className="inline-panel form form--tight"
      noValidate
      aria-label="Ask your earlier question again"
      onSubmit={submit(async (body) => {
        await askAgain.mutateAsync({ id: question.id, body });
        onDone();
      })}
    >
      <p className="small">
        Asking it again keeps it one question, with its answer beside it, and {people.partnerName}{" "}
        can answer again. A new question starts a separate entry, linked to this one. Either way
        it's counted, so you both see what keeps coming back.
      </p>
      <ErrorSummary errors={summary} />
      <TextAreaField
        id={fieldId}
        label="What is still unclear?"
        optional
        hint="What you typed is here as a note; change it or leave it."
        rows={3}
        maxLength={MEANING_LIMITS.askAgainNoteMax}
        error={errors.note?.message}
        autoFocus
        {...form.register("note", { setValueAs: blankToUndefined })}
      />
      <div className="actions">
        <Button type="submit" size="small" busy={askAgain.isPending}>
          Ask it again
        </Button>
        <Button size="small" variant="secondary" busy={sending} onClick={onLinked}>
          Send as a new question instead
        </Button>
        <Button size="small" variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function CloseQuestion({
  question,
  draft,
  sending,
  onLinked,
  onAskedAgain,
}: {
  question: Question;
  draft: string;
  sending: boolean;
  onLinked: (earlier: Question) => void;
  onAskedAgain: () => void;
}) {
  const people = usePeople();
  const intro = useIntro(question);
  const [inPlace, setInPlace] = useState(false);
  const way = askAgainWay(question, people.meId);
  const textId = `questions-close-${question.id}`;
  return (
    <article className="questions-close__item" aria-labelledby={textId}>
      <p className="questions-close__intro">{intro}</p>
      <p className="questions-close__text" id={textId}>
        <Words text={question.text} />
      </p>
      <QuestionHistory question={question} />
      {inPlace ? (
        <AskAgainInPlace
          question={question}
          draft={draft}
          sending={sending}
          onDone={onAskedAgain}
          onLinked={() => onLinked(question)}
          onCancel={() => setInPlace(false)}
        />
      ) : (
        <div className="actions">
          <Button
            size="small"
            variant="secondary"
            busy={sending}
            aria-describedby={`${textId}-how`}
            onClick={() => (way === "in-place" ? setInPlace(true) : onLinked(question))}
          >
            {question.mine ? "Ask again" : "Ask it too, linked to this one"}
          </Button>
          <span className="small muted" id={`${textId}-how`}>
            {way === "in-place"
              ? "Asks this same question again, with its answer kept beside it."
              : "Sends what you wrote, linked to this one, so you both see it has come back."}
          </span>
        </div>
      )}
    </article>
  );
}

/** Earlier questions close to the one being written, each with its answers, before sending. */
export function CloseQuestions({
  close,
  draft,
  formId,
  sending,
  onEnough,
  onLinked,
  onAskedAgain,
}: CloseQuestionsProps) {
  const anyAnswered = close.some((q) => q.answers.length > 0);
  const allMineWaiting = close.every((q) => q.mine && q.state !== "let-go");
  return (
    <section className="questions-close" aria-labelledby="questions-close-title">
      <h3 className="questions-close__title" id="questions-close-title">
        Something close is already here
      </h3>
      <p className="small">
        Before you send it, have a look. Then choose what fits: nothing stops you from sending.
      </p>
      <ul className="questions-close__list">
        {close.map((question) => (
          <li key={question.id}>
            <CloseQuestion
              question={question}
              draft={draft}
              sending={sending}
              onLinked={onLinked}
              onAskedAgain={onAskedAgain}
            />
          </li>
        ))}
      </ul>
      <div className="actions questions-close__choices">
        <Button variant="secondary" onClick={onEnough}>
          {anyAnswered
            ? "Reading that answer is enough for now"
            : allMineWaiting
              ? "I'll wait for that answer"
              : "Leave it for now, without sending"}
        </Button>
        <Button type="submit" form={formId} variant="secondary" busy={sending}>
          It's a different question: send it
        </Button>
      </div>
    </section>
  );
}
