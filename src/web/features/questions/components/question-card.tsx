import { useEffect, useRef } from "react";
import { Link } from "react-router";
import type { QuestionMove, QuestionState } from "../../../../domain/questions.ts";
import { Button } from "../../../ui/button.tsx";
import { ConfirmInline } from "../../../ui/confirm-inline.tsx";
import { formatDate } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { ErrorState } from "../../../ui/query-state.tsx";
import { Notice } from "../../../ui/status.tsx";
import { useToast } from "../../../ui/toast.tsx";
import { isStaleMove, type Question, useLetGo } from "../api/questions.ts";
import { COMING_BACK_NOTICE, movesFor, timesAskedLabel, whatChanged } from "../ledger.ts";
import { AnswerForm, AskAgainForm, DeferForm } from "./move-forms.tsx";
import { type OpenMove, useOpenMoves } from "./open-moves.tsx";
import { QuestionHistory, Words } from "./question-history.tsx";

const STATE_LABELS: Record<QuestionState, string> = {
  open: "Waiting for an answer",
  "asked-again": "Asked again",
  answered: "Answered",
  "let-go": "Let go",
};

/** The card's anchor, so a repeat can point to the question it comes back to. */
function questionAnchor(id: string): string {
  return `question-${id.replace(/[^A-Za-z0-9_-]/g, "")}`;
}

/**
 * Said when the question moved on while a move was open here (the partner answered, or let it
 * go): what changed, and, if the move can no longer be made, the words that were not sent.
 */
function ChangedNotice({
  question,
  open,
  stillPossible,
}: {
  question: Question;
  open: OpenMove;
  stillPossible: boolean;
}) {
  const people = usePeople();
  const moves = useOpenMoves();
  const ref = useRef<HTMLDivElement>(null);
  const changes = whatChanged(open.seen, question, people.nameOf);
  const said = changes.length > 0 ? changes : open.conflict ? [open.conflict] : [];
  const signature = said.join(" ");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (said.length === 0) return null;
  const unsent = moves.text(question.id)?.trim();
  return (
    <div className="questions-changed" tabIndex={-1} ref={ref}>
      <Notice tone="warning" title="This question changed while you had it open">
        <p>{said.join(" ")}</p>
        {stillPossible ? (
          <p>Have a look at what's new above. You can still go on below.</p>
        ) : (
          <>
            {unsent ? (
              <>
                <p>What you wrote wasn't sent. Here it is, so it isn't lost:</p>
                <blockquote className="quote">
                  <span className="user-text">{unsent}</span>
                </blockquote>
              </>
            ) : null}
            <div className="actions">
              <Button size="small" variant="secondary" onClick={() => moves.close(question.id)}>
                {unsent ? "I've kept what I need" : "Understood"}
              </Button>
            </div>
          </>
        )}
      </Notice>
    </div>
  );
}

const MOVE_BUTTONS: Record<Exclude<QuestionMove, "let-go">, string> = {
  answer: "Answer in writing",
  defer: "Keep it for our next talk",
  "ask-again": "Ask again",
};

function LetGo({ question }: { question: Question }) {
  const moves = useOpenMoves();
  const toast = useToast();
  const letGo = useLetGo();
  return (
    <>
      <ConfirmInline
        label="Let it go"
        ariaLabel={`Let it go: ${question.text}`}
        question={
          <>
            Let this question go?{" "}
            <span className="questions-let-go__why">
              Letting go doesn't mean it stopped mattering, and it isn't pretending everything is
              settled. It means choosing not to keep asking it. It stays here with its answers,
              closed.
            </span>
          </>
        }
        confirmLabel="Yes, let it go"
        cancelLabel="Not now"
        variant="secondary"
        busy={letGo.isPending}
        onConfirm={() => {
          moves.start(question, "let-go");
          letGo.mutate(question.id, {
            onSuccess: () => {
              moves.close(question.id);
              toast("Let go. It stays in the ledger with its answers, closed.");
            },
            onError: (error) => {
              if (isStaleMove(error)) moves.conflict(question.id, error.message);
              else moves.close(question.id);
            },
          });
        }}
      />
      {letGo.isError && !isStaleMove(letGo.error) ? (
        <ErrorState title="That didn't go through" error={letGo.error} />
      ) : null}
    </>
  );
}

function Moves({ question, allowed }: { question: Question; allowed: QuestionMove[] }) {
  const moves = useOpenMoves();
  const buttons = allowed.filter(
    (move): move is Exclude<QuestionMove, "let-go"> => move !== "let-go",
  );
  return (
    <div className="actions">
      {buttons.map((move) => (
        <Button
          key={move}
          size="small"
          variant={move === "answer" ? "primary" : "secondary"}
          onClick={() => moves.start(question, move)}
        >
          {MOVE_BUTTONS[move]}
        </Button>
      ))}
      {allowed.includes("let-go") ? <LetGo question={question} /> : null}
    </div>
  );
}

function WaitingLine({ question }: { question: Question }) {
  const people = usePeople();
  if (!question.mine || question.state === "answered" || question.state === "let-go") return null;
  return (
    <p className="small muted">
      {people.partner
        ? `Waiting for ${people.partnerName}'s answer.`
        : "Your partner can answer once they've joined."}
    </p>
  );
}

/** One question: who asked and when, what happened to it since, and the viewer's moves. */
export function QuestionCard({
  question,
  all,
  readOnly,
}: {
  question: Question;
  all: readonly Question[];
  readOnly: boolean;
}) {
  const people = usePeople();
  const moves = useOpenMoves();
  const open = moves.get(question.id);
  const allowed = readOnly ? [] : movesFor(question, people.meId);
  const stillPossible = open ? allowed.includes(open.move) : false;
  const earlier = question.repeatOf ? all.find((q) => q.id === question.repeatOf) : undefined;
  const times = timesAskedLabel(question.timesAsked);
  const textId = `${questionAnchor(question.id)}-text`;
  const panel = open && stillPossible ? open.move : null;

  return (
    <article
      className={`questions-card questions-card--${question.state}${allowed.includes("answer") ? " questions-card--to-answer" : ""}`}
      id={questionAnchor(question.id)}
      aria-labelledby={textId}
    >
      <div className="questions-card__tags">
        <span className="badge">{STATE_LABELS[question.state]}</span>
        {times ? <span className="badge">{times}</span> : null}
      </div>
      <p className="questions-card__text" id={textId}>
        <Words text={question.text} />
      </p>
      <p className="questions-card__meta">
        {question.mine
          ? "You asked"
          : `${people.nameOf(question.askedBy, { capital: true })} asked`}{" "}
        on {formatDate(question.askedAt)}
      </p>
      {earlier ? (
        <p className="questions-card__earlier small">
          <span className="muted">Comes back to an earlier question: </span>
          <a href={`#${questionAnchor(earlier.id)}`}>
            <Words text={earlier.text} />
          </a>
        </p>
      ) : null}
      {question.deferredTo ? (
        <p className="questions-card__deferred small">
          Kept for the next talk: it waits in the <Link to="/parking-lot">parking lot</Link> for
          your next talk time.
        </p>
      ) : null}

      <QuestionHistory question={question} />

      {question.timesAsked >= COMING_BACK_NOTICE && question.state !== "let-go" ? (
        <p className="questions-card__coming-back small">
          This question has come back {question.timesAsked} times. That happens with the hardest
          ones. When a written answer doesn't settle it, talking it through at a talk time, or with
          a therapist, may help more than another answer.
        </p>
      ) : null}

      <WaitingLine question={question} />

      {open ? (
        <ChangedNotice question={question} open={open} stillPossible={stillPossible} />
      ) : null}

      {panel === "answer" ? <AnswerForm question={question} /> : null}
      {panel === "defer" ? <DeferForm question={question} /> : null}
      {panel === "ask-again" ? <AskAgainForm question={question} /> : null}
      {panel === null || panel === "let-go" ? (
        allowed.length > 0 ? (
          <Moves question={question} allowed={allowed} />
        ) : null
      ) : null}
    </article>
  );
}
