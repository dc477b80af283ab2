import type { ReactNode } from "react";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { EmptyState, ErrorState, Loading } from "../../../ui/query-state.tsx";
import { type Question, useQuestions } from "../api/questions.ts";
import { AskForm } from "../components/ask-form.tsx";
import { OpenMovesProvider } from "../components/open-moves.tsx";
import { QuestionCard } from "../components/question-card.tsx";
import { WeeklyCounts } from "../components/weekly-counts.tsx";
import { groupQuestions } from "../ledger.ts";
import "../questions.css";

function QuestionList({
  items,
  all,
  readOnly,
}: {
  items: Question[];
  all: readonly Question[];
  readOnly: boolean;
}) {
  return (
    <ul className="questions-list">
      {items.map((question) => (
        <li key={question.id}>
          <QuestionCard question={question} all={all} readOnly={readOnly} />
        </li>
      ))}
    </ul>
  );
}

function Subsection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="questions-subsection">
      <h3 className="questions-subsection__title">{title}</h3>
      {children}
    </section>
  );
}

function Ledger({ questions, readOnly }: { questions: Question[]; readOnly: boolean }) {
  const people = usePeople();
  const groups = groupQuestions(questions);
  const waiting = groups.toAnswer.length + groups.waitingForPartner.length;
  const list = (items: Question[]) => (
    <QuestionList items={items} all={questions} readOnly={readOnly} />
  );
  return (
    <>
      {waiting > 0 ? (
        <Card title={`Waiting for an answer (${waiting})`}>
          <div className="stack">
            {groups.toAnswer.length > 0 ? (
              <Subsection title="For you to answer">
                <p className="muted small">
                  Answer in writing when you're ready, or keep a question for your next talk time if
                  it's better said together.
                </p>
                {list(groups.toAnswer)}
              </Subsection>
            ) : null}
            {groups.waitingForPartner.length > 0 ? (
              <Subsection title={`Your questions, waiting for ${people.partnerName}`}>
                <p className="muted small">
                  If you find you no longer need an answer to one, you can let it go. It stays here,
                  closed.
                </p>
                {list(groups.waitingForPartner)}
              </Subsection>
            ) : null}
          </div>
        </Card>
      ) : null}

      {readOnly ? null : (
        <Card title="Ask a question" id="ask">
          <AskForm questions={questions} />
        </Card>
      )}

      {questions.length === 0 ? (
        <Card title="Your questions">
          <EmptyState title="No questions yet">
            <p>
              When one of you asks a question, it shows here, and every answer stays with it. Take
              your time: a question can wait for a written answer or for your next talk.
            </p>
          </EmptyState>
        </Card>
      ) : null}

      {groups.answered.length > 0 ? (
        <Card title={`Answered (${groups.answered.length})`}>
          <p className="muted">
            The latest answer first.
            {groups.answered.some((q) => q.mine) && !readOnly
              ? " Has an answer done what it can for now? If something is still unclear, ask again. If you don't need to keep asking, you can let it go: the middle way between pushing a question aside and asking it for ever."
              : ""}
          </p>
          {list(groups.answered)}
        </Card>
      ) : null}

      {groups.letGo.length > 0 ? (
        <Card title={`Let go (${groups.letGo.length})`} tone="quiet">
          <p className="muted">
            Questions the one who asked chose to stop asking. They still mattered; they stay here
            with their answers.
          </p>
          {list(groups.letGo)}
        </Card>
      ) : null}
    </>
  );
}

export function QuestionsPage() {
  const people = usePeople();
  const ledger = useQuestions();
  const readOnly = people.individualMode;

  let content: ReactNode;
  if (ledger.isPending) content = <Loading label="Loading your questions…" />;
  else if (ledger.isError) {
    content = <ErrorState error={ledger.error} onRetry={() => void ledger.refetch()} />;
  } else {
    content = (
      <>
        <Ledger questions={ledger.data.questions} readOnly={readOnly} />
        <Card title="Week by week" tone="quiet">
          <WeeklyCounts weeks={ledger.data.weeks} timeZone={ledger.data.timeZone} />
        </Card>
      </>
    );
  }

  return (
    <Page
      heading="Questions"
      intro={
        <p>
          Ask what you need to know, one question at a time. Answers come in writing, or at your
          next talk time. Every question stays here with its answers; when one keeps coming back,
          you'll both see it, and the one who asked can choose to let it go.
        </p>
      }
    >
      <OpenMovesProvider>{content}</OpenMovesProvider>
    </Page>
  );
}
