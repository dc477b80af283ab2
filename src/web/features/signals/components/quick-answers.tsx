import { useState } from "react";
import {
  SUPPORT_ANSWER_KINDS,
  type SupportAnswerKind,
} from "../../../../domain/support-signals.ts";
import { Button } from "../../../ui/button.tsx";
import { ChoiceGroup } from "../../../ui/choice-group.tsx";
import { formatDate } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { type SupportAnswer, useSayAnswer, useTakeBack } from "../api/signals.ts";
import { ANSWER_WORDS, standingAnswer } from "../signals.ts";
import "../signals.css";

/** The two quick answers: said in a tap, private unless one chooses to share, taken back any time. */
export function QuickAnswers({ answers }: { answers: readonly SupportAnswer[] }) {
  return (
    <div className="quick-answers">
      <h3 className="quick-answers__title">Something you'd like to say?</h3>
      <p className="muted small">
        Saying one of these is not a complaint about anyone. It only helps notice when support could
        help. It stays private unless you choose to share it.
      </p>
      <ul className="quick-answers__list">
        {SUPPORT_ANSWER_KINDS.map((kind) => (
          <li key={kind}>
            <QuickAnswer kind={kind} standing={standingAnswer(answers, kind)} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function QuickAnswer({
  kind,
  standing,
}: {
  kind: SupportAnswerKind;
  standing: SupportAnswer | null;
}) {
  const people = usePeople();
  const say = useSayAnswer();
  const takeBack = useTakeBack();
  const [visibility, setVisibility] = useState<"private" | "couple">("private");
  const words = ANSWER_WORDS[kind];
  const failed = say.isError || takeBack.isError;

  if (standing) {
    return (
      <div className="quick-answer quick-answer--said">
        <p className="quick-answer__words">“{words.said}”</p>
        <p className="muted small">
          You said this on <time dateTime={standing.at}>{formatDate(standing.at)}</time>.{" "}
          {standing.visibility === "private"
            ? "Only you see it."
            : `${people.nameOf(people.partner?.id, { capital: true })} sees it too.`}
        </p>
        <Button
          variant="secondary"
          size="small"
          busy={takeBack.isPending}
          onClick={() => takeBack.mutate(standing.id)}
        >
          Take it back
        </Button>
        {failed ? <Failed /> : null}
      </div>
    );
  }
  return (
    <div className="quick-answer">
      <p className="quick-answer__words">“{words.said}”</p>
      <p className="muted small">{words.hint}</p>
      <ChoiceGroup
        id={`answer-${kind}`}
        size="compact"
        legend="Who sees it"
        choices={[
          { value: "private", label: "Only me" },
          { value: "couple", label: `Me and ${people.partnerName}` },
        ]}
        value={visibility}
        onChange={setVisibility}
      />
      <Button
        variant="secondary"
        size="small"
        busy={say.isPending}
        onClick={() => say.mutate({ kind, visibility })}
      >
        Say this
      </Button>
      {failed ? <Failed /> : null}
    </div>
  );
}

function Failed() {
  return (
    <p className="field__error" role="alert">
      That didn't go through. Please try again.
    </p>
  );
}
