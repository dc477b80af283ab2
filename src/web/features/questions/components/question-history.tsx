import { isUnopened } from "../../../../client/sealing.ts";
import { formatDate } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import type { Question } from "../api/questions.ts";
import { questionHistory } from "../ledger.ts";

/** A person's words, shown calmly as they are, also when they could not be opened. */
export function Words({ text, className = "" }: { text: string; className?: string }) {
  return (
    <span className={`user-text${isUnopened(text) ? " unopened" : ""} ${className}`.trim()}>
      {text}
    </span>
  );
}

/** The answers and askings again of one question, in the order they happened. */
export function QuestionHistory({ question }: { question: Question }) {
  const people = usePeople();
  const entries = questionHistory(question);
  if (entries.length === 0) return null;
  const asker = people.nameOf(question.askedBy, { capital: true });
  return (
    <ol className="questions-history" aria-label="Answers and askings">
      {entries.map((entry) => (
        <li
          key={`${entry.kind}-${entry.id}`}
          className={`questions-history__item questions-history__item--${entry.kind}`}
        >
          {entry.kind === "answer" ? (
            <>
              <p className="questions-history__when">
                {people.nameOf(entry.by, { capital: true })} answered on {formatDate(entry.at)}
              </p>
              <blockquote className="quote questions-history__words">
                <Words text={entry.text} />
              </blockquote>
            </>
          ) : null}
          {entry.kind === "asked-again" ? (
            <>
              <p className="questions-history__when">
                {asker} asked again on {formatDate(entry.at)}
                {entry.note ? ":" : "."}
              </p>
              {entry.note ? (
                <blockquote className="quote questions-history__words">
                  <Words text={entry.note} />
                </blockquote>
              ) : null}
            </>
          ) : null}
          {entry.kind === "let-go" ? (
            <p className="questions-history__when">
              Let go on {formatDate(entry.at)}
              {question.mine ? ", by you." : `, by ${people.nameOf(question.askedBy)}.`}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
