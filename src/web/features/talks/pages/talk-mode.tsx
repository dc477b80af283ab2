import { useState } from "react";
import { Link } from "react-router";
import { Button, ButtonLink } from "../../../ui/button.tsx";
import { Card } from "../../../ui/card.tsx";
import { formatTime } from "../../../ui/format.ts";
import { Page } from "../../../ui/page.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { EmptyState, ErrorState, Loading } from "../../../ui/query-state.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useNow } from "../../../ui/use-now.ts";
import {
  type ParkingItem,
  useParkingLot,
  useSetAgenda,
  useTopicAction,
} from "../api/parking-lot.ts";
import { useTalkTimes } from "../api/talk-times.ts";

/** A talk with no agreed window running still gets a gentle frame of this length. */
const DEFAULT_MINUTES = 45;
/** More than this, and a talk tends to become a list of grievances. */
const SUGGESTED_TOPICS = 3;

type Step = "agenda" | "talking" | "ending";

function remaining(until: Date, now: Date): string {
  const minutes = Math.max(0, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return minutes === 0 ? "Time is up" : minutes === 1 ? "1 minute left" : `${minutes} minutes left`;
}

/**
 * The talk itself, on one shared phone or on each partner's own: an agenda drawn from the
 * parking lot, chosen together; turns of speaker and listener, where the listener sums up before
 * answering; a gentle timer; the pause one tap away in the header; a calm ending that settles
 * each topic; then the one-minute log. What is said stays in the room: nothing here is sent
 * except what happened to each topic.
 */
export function TalkModePage() {
  const people = usePeople();
  const lot = useParkingLot();
  const talks = useTalkTimes();
  const now = useNow(1_000);
  const [step, setStep] = useState<Step>("agenda");
  const setAgenda = useSetAgenda();
  const [at, setAt] = useState(0);
  const [speakerIsMe, setSpeakerIsMe] = useState(true);
  // On two phones each shows the turns from its own side: both choose the same first speaker.
  const [firstIsMe, setFirstIsMe] = useState(true);
  const [summedUp, setSummedUp] = useState(false);
  const [until, setUntil] = useState<Date | null>(null);
  const [agendaAtStart, setAgendaAtStart] = useState<ParkingItem[]>([]);

  if (lot.isPending || talks.isPending) return <Loading label="Getting your talk ready…" />;
  if (lot.isError) return <ErrorState error={lot.error} onRetry={() => void lot.refetch()} />;
  const open = lot.data
    .filter((item) => item.status === "open")
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  // One agenda for both: chosen on either phone, it shows on the other within seconds.
  const chosen = open.filter((item) => item.onAgenda);
  const agenda = step === "agenda" ? chosen : agendaAtStart;
  const next = talks.data?.next ?? null;
  const runningUntil =
    next && Date.parse(next.startsAt) <= now.getTime() ? new Date(next.endsAt) : null;

  function start() {
    setAgendaAtStart(chosen);
    setUntil(runningUntil ?? new Date(now.getTime() + DEFAULT_MINUTES * 60_000));
    setAt(0);
    setSpeakerIsMe(firstIsMe);
    setSummedUp(false);
    setStep("talking");
  }

  const me = "You";
  const partner = people.partnerName;
  const speaker = speakerIsMe ? me : partner;
  const listener = speakerIsMe ? partner : me;

  return (
    <Page heading="Your talk" title="Talk" width="narrow">
      {step === "agenda" ? (
        <Card title="What will you talk about?">
          {open.length === 0 ? (
            <EmptyState title="Nothing is waiting in the parking lot">
              <p>
                You can still talk about how the week went.{" "}
                <Link to="/parking-lot">Park a topic</Link> first if something is on your mind.
              </p>
            </EmptyState>
          ) : (
            <fieldset className="choices">
              <legend>
                Choose together, one to three topics. On two phones, what one of you ticks shows on
                the other's too.
              </legend>
              {open.map((item) => {
                const id = `agenda-${item.id}`;
                return (
                  <div key={item.id} className="check">
                    <input
                      id={id}
                      type="checkbox"
                      checked={item.onAgenda}
                      disabled={setAgenda.isPending}
                      onChange={(event) =>
                        setAgenda.mutate({ id: item.id, on: event.target.checked })
                      }
                    />
                    <label htmlFor={id} className="user-text">
                      {item.topic}
                    </label>
                  </div>
                );
              })}
            </fieldset>
          )}
          <fieldset className="choices">
            <legend>Who speaks first?</legend>
            {([true, false] as const).map((me) => {
              const id = `first-${me ? "me" : "partner"}`;
              return (
                <div key={id} className="check">
                  <input
                    id={id}
                    type="radio"
                    name="first-speaker"
                    checked={firstIsMe === me}
                    onChange={() => setFirstIsMe(me)}
                  />
                  <label htmlFor={id}>{me ? "I do" : people.partnerName}</label>
                </div>
              );
            })}
          </fieldset>
          {chosen.length > SUGGESTED_TOPICS ? (
            <p className="small">
              That is a lot for one talk. Whatever you don't reach can wait for the next one.
            </p>
          ) : null}
          <p className="small muted">
            {runningUntil
              ? `Your talk time runs until ${formatTime(runningUntil.toISOString())}.`
              : `No agreed talk time is running now; the timer will give you ${DEFAULT_MINUTES} minutes.`}
          </p>
          <div className="actions">
            <Button onClick={start} disabled={open.length > 0 && chosen.length === 0}>
              Begin
            </Button>
          </div>
        </Card>
      ) : null}

      {step === "talking" && until ? (
        <>
          <p className="talk-timer" role="timer" aria-live="off">
            {remaining(until, now)}
          </p>
          <Card title={agenda[at] ? `Topic ${at + 1} of ${agenda.length}` : "How the week went"}>
            {agenda[at] ? <p className="quote user-text">{agenda[at].topic}</p> : null}
            <p>
              <strong>{speaker === me ? "You speak" : `${partner} speaks`}</strong>: what you feel
              about it, in a few sentences, starting with "I".
            </p>
            <p>
              <strong>{listener === me ? "You listen" : `${partner} listens`}</strong>, then sums up
              before answering: "What I hear is…", until the speaker says "yes, that's it".
            </p>
            <div className="actions">
              {summedUp ? (
                <Button
                  onClick={() => {
                    setSpeakerIsMe((value) => !value);
                    setSummedUp(false);
                  }}
                >
                  Switch: {listener === me ? "you" : partner} speak{listener === me ? "" : "s"} now
                </Button>
              ) : (
                <Button variant="secondary" onClick={() => setSummedUp(true)}>
                  {listener === me ? "I" : partner} summed it up
                </Button>
              )}
              {at + 1 < agenda.length ? (
                <Button variant="quiet" onClick={() => setAt((n) => n + 1)}>
                  Next topic
                </Button>
              ) : null}
            </div>
          </Card>
          <p className="small muted">
            If it gets too heated, call a pause at the top: it tells {partner} when you'll be back,
            never why.
          </p>
          <div className="actions">
            <Button variant="secondary" onClick={() => setStep("ending")}>
              End the talk
            </Button>
          </div>
        </>
      ) : null}

      {step === "ending" ? <TalkEnding agenda={agenda} partner={partner} /> : null}
    </Page>
  );
}

/** A calm ending: each topic talked about, or carried to the next talk; then the log. */
function TalkEnding({ agenda, partner }: { agenda: ParkingItem[]; partner: string }) {
  const action = useTopicAction();
  const [settled, setSettled] = useState<Record<string, "discussed" | "carry-over">>({});
  const [status, setStatus] = useState("");
  return (
    <Card title="Thank you for talking" tone="calm">
      <p>
        That took courage, from both of you. Take a moment before you go back to the evening;
        nothing more needs to be solved tonight.
      </p>
      {agenda.length > 0 ? (
        <ul className="agreement-list">
          {agenda.map((item) => (
            <li key={item.id} className="topic">
              <p className="topic__text user-text">{item.topic}</p>
              {settled[item.id] ? (
                <p className="small">
                  {settled[item.id] === "discussed" ? "Talked about." : "Waits for your next talk."}
                </p>
              ) : (
                <div className="actions">
                  {(["discussed", "carry-over"] as const).map((how) => (
                    <Button
                      key={how}
                      size="small"
                      variant={how === "discussed" ? "secondary" : "quiet"}
                      busy={action.isPending && action.variables?.id === item.id}
                      onClick={() =>
                        action.mutate(
                          { id: item.id, action: how },
                          {
                            onSuccess: () => {
                              setSettled((all) => ({ ...all, [item.id]: how }));
                              setStatus(
                                how === "discussed" ? "Marked as talked about." : "Carried over.",
                              );
                            },
                          },
                        )
                      }
                    >
                      {how === "discussed" ? "We talked about it" : "Carry it over"}
                    </Button>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {action.isError ? <ErrorState title="That didn't go through" error={action.error} /> : null}
      <LiveStatus message={status} />
      <p>Each of you can take a minute to note how it went; {partner} sees only what you share.</p>
      <div className="actions">
        <ButtonLink to="/talks#log">Log how it went</ButtonLink>
      </div>
    </Card>
  );
}
