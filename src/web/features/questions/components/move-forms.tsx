import { AnswerBody, AskAgainBody, DeferBody } from "../../../../contracts/questions.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { MEANING_LIMITS, STABILIZE_LIMITS } from "../../../../domain/limits.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { useToast } from "../../../ui/toast.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import {
  isStaleMove,
  type Question,
  useAnswerQuestion,
  useAskAgain,
  useDeferQuestion,
} from "../api/questions.ts";
import { deferTopic } from "../ledger.ts";
import { useOpenMoves } from "./open-moves.tsx";

const AnswerDraft = draftOf(AnswerBody);
const DeferDraft = draftOf(DeferBody.shape.parkingLotItem);
const AskAgainDraft = draftOf(AskAgainBody);

/** An empty optional note is no note. */
export function blankToUndefined(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

/**
 * What every move's form shares: the words typed so far survive the card being drawn anew, a
 * stale screen is explained by the card rather than as an error, and success closes the move.
 */
function useMoveForm(question: Question) {
  const moves = useOpenMoves();
  const toast = useToast();
  return {
    saved: moves.text(question.id),
    remember: (event: { target: { value: string } }) =>
      moves.setText(question.id, event.target.value),
    done: (message: string) => {
      moves.close(question.id);
      toast(message);
    },
    cancel: () => moves.close(question.id),
    explain: (error: unknown) => {
      if (!isStaleMove(error) || !(error instanceof Error)) return undefined;
      moves.conflict(question.id, error.message);
      return [];
    },
  };
}

export function AnswerForm({ question }: { question: Question }) {
  const people = usePeople();
  const answer = useAnswerQuestion();
  const move = useMoveForm(question);
  const fieldId = `answer-${question.id}`;
  const { form, errors, submit, summary } = useSchemaForm(AnswerDraft, {
    defaultValues: { text: move.saved ?? "" },
    fieldIds: { text: fieldId },
  });
  const asker = people.nameOf(question.askedBy, { capital: true });
  return (
    <form
      className="inline-panel form form--tight"
      noValidate
      aria-label="Answer in writing"
      onSubmit={submit(async ({ text }) => {
        await answer.mutateAsync({ id: question.id, text });
        move.done(`Your answer is sent. ${asker} can read it now.`);
      }, move.explain)}
    >
      <ErrorSummary errors={summary} />
      <TextAreaField
        id={fieldId}
        label="Your answer"
        hint={`Plain and honest is enough; it doesn't have to be perfect. ${asker} sees it with the question.`}
        rows={5}
        maxLength={MEANING_LIMITS.answerMax}
        error={errors.text?.message}
        autoFocus
        {...form.register("text", { onChange: move.remember })}
      />
      <div className="actions">
        <Button type="submit" size="small" busy={answer.isPending}>
          Send my answer
        </Button>
        <Button size="small" variant="quiet" onClick={move.cancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function DeferForm({ question }: { question: Question }) {
  const people = usePeople();
  const defer = useDeferQuestion();
  const move = useMoveForm(question);
  const fieldId = `defer-${question.id}`;
  const { form, errors, submit, summary } = useSchemaForm(DeferDraft, {
    defaultValues: { topic: move.saved ?? deferTopic(question.text, STABILIZE_LIMITS.topicMax) },
    fieldIds: { topic: fieldId },
  });
  const asker = people.nameOf(question.askedBy);
  return (
    <form
      className="inline-panel form form--tight"
      noValidate
      aria-label="Keep it for your next talk"
      onSubmit={submit(async ({ topic }) => {
        await defer.mutateAsync({ id: question.id, topic });
        move.done("Kept for your next talk time. It's waiting in the parking lot.");
      }, move.explain)}
    >
      <p className="small">
        Some questions are better answered face to face. This puts it in the parking lot, so you can
        talk it through together at your next talk time. The question stays open here until it has
        an answer.
      </p>
      <ErrorSummary errors={summary} />
      <TextAreaField
        id={fieldId}
        label="The topic for your next talk"
        hint={`Change the words if you like; ${asker} sees them in the parking lot too.`}
        rows={3}
        maxLength={STABILIZE_LIMITS.topicMax}
        error={errors.topic?.message}
        autoFocus
        {...form.register("topic", { onChange: move.remember })}
      />
      <div className="actions">
        <Button type="submit" size="small" busy={defer.isPending}>
          Keep it for our next talk
        </Button>
        <Button size="small" variant="quiet" onClick={move.cancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function AskAgainForm({ question }: { question: Question }) {
  const people = usePeople();
  const askAgain = useAskAgain();
  const move = useMoveForm(question);
  const fieldId = `ask-again-${question.id}`;
  const { form, errors, submit, summary } = useSchemaForm(AskAgainDraft, {
    defaultValues: { note: move.saved ?? "" },
    fieldIds: { note: fieldId },
  });
  return (
    <form
      className="inline-panel form form--tight"
      noValidate
      aria-label="Ask again"
      onSubmit={submit(async (body) => {
        await askAgain.mutateAsync({ id: question.id, body });
        move.done(
          `Asked again. ${people.partnerName} sees it come back, with the answer so far, and can answer again.`,
        );
      }, move.explain)}
    >
      <p className="small">
        Asking again says the answer hasn't settled it yet. It stays one question, with its answers
        together, and {people.partnerName} can answer again.
      </p>
      <ErrorSummary errors={summary} />
      <TextAreaField
        id={fieldId}
        label="What is still unclear?"
        optional
        hint={`A few words help ${people.partnerName} know what to answer this time.`}
        rows={3}
        maxLength={MEANING_LIMITS.askAgainNoteMax}
        error={errors.note?.message}
        autoFocus
        {...form.register("note", { onChange: move.remember, setValueAs: blankToUndefined })}
      />
      <div className="actions">
        <Button type="submit" size="small" busy={askAgain.isPending}>
          Ask again
        </Button>
        <Button size="small" variant="quiet" onClick={move.cancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
