import { Link } from "react-router";
import { ButtonLink } from "../../../ui/button.tsx";
import { Card } from "../../../ui/card.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { EmptyState, ErrorState, Loading } from "../../../ui/query-state.tsx";
import { useNow } from "../../../ui/use-now.ts";
import { useTalkTimes } from "../api/talk-times.ts";
import { talkName } from "./talk-logs.tsx";
import { talkTimeTitle } from "./talk-time-card.tsx";
import { TalkWindowText } from "./talk-window.tsx";

/** For Home: when the next talk is, or how to get to a first one. */
export function NextTalkSummary() {
  const people = usePeople();
  const talks = useTalkTimes();
  const now = useNow(30_000);
  if (talks.isPending) return <Loading label="Loading talk times…" />;
  if (talks.isError) return <ErrorState error={talks.error} onRetry={() => void talks.refetch()} />;
  const { next, talkTimes } = talks.data;
  const proposed = talkTimes.filter((t) => t.status === "proposed");
  const forMe = proposed.filter((t) => !people.isMe(t.proposedBy));
  const agreed = talkTimes.find((t) => t.id === next?.talkTimeId);

  if (next && agreed) {
    const running = Date.parse(next.startsAt) <= now.getTime();
    return (
      <div className="stack-sm">
        <p className="next-talk">
          <TalkWindowText
            startsAt={next.startsAt}
            endsAt={next.endsAt}
            timeZone={agreed.timeZone}
            now={now}
          />
        </p>
        <p className="muted small">
          {running
            ? "Your talk time is now. Go gently; a pause is one tap away at the top."
            : "Until then, anything that comes up can wait in the parking lot."}
        </p>
        {forMe.length > 0 ? (
          <p className="small">
            <span className="badge badge--attention">{forMe.length}</span> new time
            {forMe.length === 1 ? " is" : "s are"} waiting for your answer.
          </p>
        ) : null}
        <div className="actions">
          {running ? (
            <ButtonLink to="/talk" size="small">
              Start the talk
            </ButtonLink>
          ) : null}
          <ButtonLink to="/talks" variant="secondary" size="small">
            See talk times
          </ButtonLink>
        </div>
      </div>
    );
  }
  if (forMe.length > 0) {
    return (
      <EmptyState
        title={`${people.partnerName} suggested a talk time`}
        action={
          <ButtonLink to="/talks" size="small">
            Answer it
          </ButtonLink>
        }
      >
        <p>Accept it, or suggest a time that works better for you.</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title="No talk time agreed yet"
      action={
        <ButtonLink
          to={proposed.length > 0 ? "/talks" : "/talks#propose"}
          variant="secondary"
          size="small"
        >
          {proposed.length > 0 ? "See talk times" : "Propose a talk time"}
        </ButtonLink>
      }
    >
      <p>
        {proposed.length > 0
          ? `Your suggestion is waiting for ${people.partnerName}.`
          : "A set weekly time to talk about what happened keeps it from spilling into every evening."}
      </p>
    </EmptyState>
  );
}

/** For Home: after a talk, a gentle nudge to the one-minute log. Nothing when there is none. */
export function ToLogPrompt() {
  const talks = useTalkTimes();
  const toLog = talks.data?.toLog;
  if (!toLog) return null;
  return (
    <Card title={`How did ${talkName(toLog.startsAt)} go?`} tone="attention">
      {toLog.paused ? (
        <p>
          A pause came during it. That's all right: it is what a pause is for. Note how it went
          anyway, and what might help next time.
        </p>
      ) : (
        <p>One minute: how it went, and how intense it felt before and after.</p>
      )}
      <div className="actions">
        <ButtonLink to="/talks#log" size="small">
          Log it now
        </ButtonLink>
      </div>
    </Card>
  );
}

/** Under a "when we talk" agreement: the talk times agreed so far, and the way to them. */
export function AgreedTalkTimesLine() {
  const talks = useTalkTimes();
  if (!talks.data) return null;
  const agreed = talks.data.talkTimes.filter((t) => t.status === "accepted");
  return (
    <p className="small agreed-talks">
      {agreed.length > 0 ? (
        <>
          <span className="muted">Your talk times: </span>
          {agreed.map((t) => talkTimeTitle(t)).join("; ")}. <Link to="/talks">See talk times</Link>
        </>
      ) : (
        <>
          <span className="muted">No talk time agreed yet. </span>
          <Link to="/talks#propose">Propose one</Link>
        </>
      )}
    </p>
  );
}
