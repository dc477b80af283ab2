import { type ReactNode, useEffect } from "react";
import { Link, useLocation } from "react-router";
import { ButtonLink } from "../../../ui/button.tsx";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { EmptyState, ErrorState, Loading } from "../../../ui/query-state.tsx";
import { useToast } from "../../../ui/toast.tsx";
import { useParkingLot } from "../api/parking-lot.ts";
import { type TalkTime, useTalkTimes } from "../api/talk-times.ts";
import { TalkLogForm } from "../components/talk-log-form.tsx";
import { TalkLogs, talkName } from "../components/talk-logs.tsx";
import { TalkTimeCard, type TalkTimeGroup } from "../components/talk-time-card.tsx";
import { TalkTimeFormView } from "../components/talk-time-form.tsx";
import { TalkWindowText } from "../components/talk-window.tsx";

function TalkTimeList({
  items,
  group,
  all,
  readOnly,
}: {
  items: TalkTime[];
  group: TalkTimeGroup;
  all: TalkTime[];
  readOnly: boolean;
}) {
  return (
    <ul className="agreement-list">
      {items.map((talkTime) => (
        <li key={talkTime.id}>
          <TalkTimeCard
            talkTime={talkTime}
            group={group}
            readOnly={readOnly}
            replaces={
              talkTime.replacesId ? all.find((t) => t.id === talkTime.replacesId) : undefined
            }
          />
        </li>
      ))}
    </ul>
  );
}

function WaitingTopics() {
  const lot = useParkingLot();
  const open = lot.data?.filter((item) => item.status === "open").length ?? 0;
  if (!lot.data) return null;
  return (
    <p className="small">
      {open === 0 ? (
        <>
          No topics are waiting. <Link to="/parking-lot">Open the parking lot</Link>
        </>
      ) : (
        <>
          <Link to="/parking-lot">
            {open} topic{open === 1 ? "" : "s"} waiting in the parking lot
          </Link>{" "}
          for your next talk.
        </>
      )}
    </p>
  );
}

export function TalkTimesPage() {
  const people = usePeople();
  const toast = useToast();
  const talks = useTalkTimes();
  const location = useLocation();
  const ready = talks.isSuccess;
  const readOnly = people.individualMode;

  // "/talks#log" or "#propose" from Home: bring that part into view once it is there.
  useEffect(() => {
    if (ready && location.hash) {
      document.getElementById(location.hash.slice(1))?.scrollIntoView({ block: "start" });
    }
  }, [ready, location.hash]);

  const intro = (
    <p>
      A set time each week to talk about what happened, so it doesn't spill into every evening or
      turn into a late-night crisis. Outside those times, topics can wait in the parking lot.
    </p>
  );

  let content: ReactNode;
  if (talks.isPending) content = <Loading label="Loading talk times…" />;
  else if (talks.isError) {
    content = <ErrorState error={talks.error} onRetry={() => void talks.refetch()} />;
  } else {
    const { talkTimes: all, next, toLog } = talks.data;
    const byNewest = (a: TalkTime, b: TalkTime) => b.createdAt.localeCompare(a.createdAt);
    const proposed = all.filter((t) => t.status === "proposed").sort(byNewest);
    const myAnswer = proposed.filter((t) => !people.isMe(t.proposedBy));
    const partnerAnswer = proposed.filter((t) => people.isMe(t.proposedBy));
    const agreed = all.filter((t) => t.status === "accepted");
    const past = all
      .filter((t) => t.status !== "proposed" && t.status !== "accepted")
      .sort(byNewest);
    const nextTalk = all.find((t) => t.id === next?.talkTimeId);
    const logTalk = all.find((t) => t.id === toLog?.talkTimeId);

    content = (
      <>
        {toLog && logTalk && !readOnly ? (
          <Card title={`How did ${talkName(toLog.startsAt)} go?`} tone="attention" id="log">
            <p>
              <TalkWindowText
                startsAt={toLog.startsAt}
                endsAt={toLog.endsAt}
                timeZone={logTalk.timeZone}
              />
            </p>
            <p>One minute each, on your own: how it went, and how intense it felt.</p>
            <TalkLogForm key={toLog.startsAt + toLog.talkTimeId} window={toLog} onLogged={toast} />
          </Card>
        ) : null}

        <Card title="Next talk">
          {next && nextTalk ? (
            <div className="stack-sm">
              <p className="next-talk">
                <TalkWindowText
                  startsAt={next.startsAt}
                  endsAt={next.endsAt}
                  timeZone={nextTalk.timeZone}
                />
              </p>
              <WaitingTopics />
              {readOnly ? null : (
                <div className="actions">
                  <ButtonLink to="/talk" variant="secondary" size="small">
                    Open the talk: agenda, turns and a timer
                  </ButtonLink>
                </div>
              )}
            </div>
          ) : (
            <EmptyState title="No talk time agreed yet">
              <p>
                {proposed.length > 0
                  ? "Once one of the suggested times is accepted, the next date shows here."
                  : "Suggest a weekly time below. It's agreed once you've both said yes."}
              </p>
            </EmptyState>
          )}
        </Card>

        {myAnswer.length > 0 ? (
          <Card title={`Waiting for your answer (${myAnswer.length})`}>
            <p className="muted">
              Accept, suggest another time, or decline. Any of these is a fair answer.
            </p>
            <TalkTimeList items={myAnswer} group="my-answer" all={all} readOnly={readOnly} />
          </Card>
        ) : null}

        <Card title={`Agreed talk times (${agreed.length})`}>
          {agreed.length > 0 ? (
            <TalkTimeList items={agreed} group="agreed" all={all} readOnly={readOnly} />
          ) : (
            <EmptyState title="None agreed yet">
              <p>A talk time shows here once you've both said yes to it.</p>
            </EmptyState>
          )}
        </Card>

        {partnerAnswer.length > 0 ? (
          <Card title={`Waiting for ${people.partnerName} (${partnerAnswer.length})`}>
            <p className="muted">You suggested these. You can withdraw one until it's answered.</p>
            <TalkTimeList
              items={partnerAnswer}
              group="partner-answer"
              all={all}
              readOnly={readOnly}
            />
          </Card>
        ) : null}

        {readOnly ? null : (
          <Card title="Propose a talk time" id="propose">
            <p className="muted">
              A weekly time when you both have the energy, not late at night. Thirty to sixty
              minutes is often enough; you can always agree on more than one.
            </p>
            <TalkTimeFormView />
          </Card>
        )}

        <Card title="How your talks went">
          <TalkLogs />
        </Card>

        {past.length > 0 ? (
          <Card title={`Earlier suggestions (${past.length})`} tone="quiet">
            <details className="disclosure">
              <summary>Show earlier suggestions</summary>
              <div className="disclosure__body">
                <TalkTimeList items={past} group="past" all={all} readOnly />
              </div>
            </details>
          </Card>
        ) : null}
      </>
    );
  }

  return (
    <Page heading="Talk times" intro={intro}>
      {content}
    </Page>
  );
}
