import { Link } from "react-router";
import type { Need, NeedKind } from "../../../domain/needs-you.ts";
import { useNeeds } from "../../features/couples/api/needs.ts";
import { Card } from "../../ui/card.tsx";
import { usePeople } from "../../ui/people.tsx";
import { ErrorState, Loading } from "../../ui/query-state.tsx";

const plural = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);

function label(need: Need, partner: string): string {
  const texts: Record<NeedKind, string> = {
    "phase-answer": `${partner} suggests moving on: your answer`,
    "agreement-answer": `${plural(need.count, "An agreement", "agreements")} waiting for your answer`,
    "talk-time-answer": `${plural(need.count, "A talk time", "talk times")} waiting for your answer`,
    "circle-answer": `${partner} added ${plural(need.count, "someone", "people")} to their circle of support`,
    "circle-concern": `${partner} has a concern about ${plural(need.count, "someone", "people")} you listed`,
    "agreement-review": `${plural(need.count, "An agreement is", "agreements are")} due for review`,
    "talk-log": "A minute to note how your last talk went",
    "statement-response": `${partner} shared a statement: say whether you feel heard`,
    "question-answer": `${plural(need.count, "A question", "questions")} from ${partner} waiting for an answer`,
    "story-mark": `${plural(need.count, "A paragraph", "paragraphs")} of your story to read and mark`,
    "story-sign": `${partner} signed your shared story`,
    "reflection-pair": `${partner} shared on ${plural(need.count, "a prompt", "prompts")} you haven't shared on yet`,
    "promise-answer": `${partner} made ${plural(need.count, "a promise", "promises")}: is it meaningful to you?`,
    "excusal-answer": `${partner} asked for days off a promise: your answer`,
    "promise-mark": `How did it go? ${plural(need.count, "A promise of yours", "promises of yours")} to mark`,
    "promise-view": `Did you see it? ${partner} marked ${plural(need.count, "a promise", "promises")}`,
    "promise-review": `${plural(need.count, "A promise is", "promises are")} due for a look together`,
    checkin: "This week's check-in is waiting for you",
    "setback-repair": `${partner} feels ${plural(need.count, "a setback is", "setbacks are")} repaired: do you?`,
    "therapist-consent": `${partner} proposed a therapist: your consent`,
    "therapist-let-in": "Your therapist accepted: compare their key and let them in",
  };
  return texts[need.kind];
}

/**
 * One glance at what waits for this person, each thing one tap away; when nothing does, it says
 * so plainly. The server works it out from what this person may read (states and dates, never
 * words), and every change refreshes it.
 */
export function NeedsYou() {
  const people = usePeople();
  const reply = useNeeds();
  // The card is there from the first render (its heading's id in a stable order), filled in
  // once the server has said what waits.
  if (reply.isPending) {
    return (
      <Card title="Needs you" id="needs-you">
        <Loading label="Looking at what waits for you…" />
      </Card>
    );
  }
  if (reply.isError) {
    return (
      <Card title="Needs you" id="needs-you">
        <ErrorState error={reply.error} onRetry={() => void reply.refetch()} />
      </Card>
    );
  }
  const { needs } = reply.data;
  return (
    <Card title="Needs you" id="needs-you">
      {needs.length === 0 ? (
        <p className="muted">
          Nothing waits for you right now. There's no need to do anything today.
        </p>
      ) : (
        <ul className="needs">
          {needs.map((need) => (
            <li key={need.kind} className="needs__item">
              {need.href.startsWith("/#") ? (
                <a href={need.href.slice(1)}>{label(need, people.partnerName)}</a>
              ) : (
                <Link to={need.href}>{label(need, people.partnerName)}</Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
