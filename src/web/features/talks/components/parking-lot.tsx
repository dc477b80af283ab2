import { useState } from "react";
import { EditTopicBody, RaiseTopicBody } from "../../../../contracts/talks.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { STABILIZE_LIMITS } from "../../../../domain/limits.ts";
import { CARRIED_OVER_NOTICE } from "../../../../domain/talks.ts";
import { Button, ButtonLink } from "../../../ui/button.tsx";
import { Card } from "../../../ui/card.tsx";
import { ConfirmInline } from "../../../ui/confirm-inline.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField } from "../../../ui/field.tsx";
import { formatDate } from "../../../ui/format.ts";
import { usePeople } from "../../../ui/people.tsx";
import { EmptyState, ErrorState, Loading } from "../../../ui/query-state.tsx";
import { ShowEarlier } from "../../../ui/show-earlier.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useToast } from "../../../ui/toast.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import {
  type ParkingItem,
  type TopicAction,
  useEditTopic,
  useParkingLot,
  useRaiseTopic,
  useTopicAction,
  useWithdrawTopic,
} from "../api/parking-lot.ts";

const RaiseTopicDraft = draftOf(RaiseTopicBody);

/** Write a topic down now, to talk about at the next talk time. */
export function RaiseTopicForm() {
  const people = usePeople();
  const raise = useRaiseTopic();
  const { form, errors, submit, summary, status } = useSchemaForm(RaiseTopicDraft, {
    defaultValues: { topic: "" },
    fieldIds: { topic: "topic" },
  });
  return (
    <form
      className="form form--tight"
      noValidate
      aria-label="Park a topic"
      onSubmit={submit(async (values) => {
        await raise.mutateAsync(values);
        form.reset({ topic: "" });
        return "Parked. It will wait for your next talk time.";
      })}
    >
      <ErrorSummary errors={summary} />
      <TextAreaField
        id="topic"
        label="What would you like to talk about?"
        hint={`A few words are enough to hold it for later. ${people.partner ? people.partnerName : "Your partner"} will see it too.`}
        rows={2}
        maxLength={STABILIZE_LIMITS.topicMax}
        error={errors.topic?.message}
        {...form.register("topic")}
      />
      <div className="actions">
        <Button type="submit" busy={raise.isPending}>
          Park it for our next talk
        </Button>
      </div>
      <LiveStatus message={status} />
    </form>
  );
}

const DONE: Record<TopicAction, string> = {
  discussed: "Marked as talked about.",
  "carry-over": "Carried over to your next talk.",
};

function timesWord(n: number): string {
  return n === 1 ? "once" : n === 2 ? "twice" : `${n} times`;
}

const EditTopicDraft = draftOf(EditTopicBody);

/** New words for one's own topic: a line written in anger need not stay as it was. */
function EditTopicForm({ item, onDone }: { item: ParkingItem; onDone: () => void }) {
  const edit = useEditTopic();
  const toast = useToast();
  const fieldId = `edit-topic-${item.id}`;
  const { form, errors, submit, summary } = useSchemaForm(EditTopicDraft, {
    defaultValues: { topic: item.topic },
    fieldIds: { topic: fieldId },
  });
  return (
    <form
      className="inline-panel form form--tight"
      noValidate
      aria-label="Say it differently"
      onSubmit={submit(async ({ topic }) => {
        await edit.mutateAsync({ id: item.id, topic });
        toast("Changed. Your partner sees the new words.");
        onDone();
      })}
    >
      <ErrorSummary errors={summary} />
      <TextAreaField
        id={fieldId}
        label="Say it differently"
        rows={2}
        maxLength={STABILIZE_LIMITS.topicMax}
        error={errors.topic?.message}
        {...form.register("topic")}
      />
      <div className="actions">
        <Button type="submit" size="small" busy={edit.isPending}>
          Save the new words
        </Button>
        <Button size="small" variant="quiet" onClick={onDone}>
          Keep it as it was
        </Button>
      </div>
    </form>
  );
}

/** One waiting topic: talked about, or carried over to the next talk; one's own can change. */
function TopicCard({ item, readOnly }: { item: ParkingItem; readOnly: boolean }) {
  const people = usePeople();
  const toast = useToast();
  const action = useTopicAction();
  const withdraw = useWithdrawTopic();
  const [editing, setEditing] = useState(false);
  const mine = people.isMe(item.raisedBy);
  const textId = `topic-${item.id}`;
  const looping = item.carriedOver >= CARRIED_OVER_NOTICE;

  async function run(kind: TopicAction) {
    try {
      await action.mutateAsync({ id: item.id, action: kind });
      toast(DONE[kind]);
    } catch {
      // shown below
    }
  }

  return (
    <article className="topic" aria-labelledby={textId}>
      <p className="topic__text user-text" id={textId}>
        {item.topic}
      </p>
      <p className="topic__meta">
        Raised by {people.nameOf(item.raisedBy)} on {formatDate(item.createdAt)}
        {item.carriedOver > 0 ? (
          <>
            {" "}
            <span className={`badge${looping ? " badge--attention" : ""}`}>
              Carried over {timesWord(item.carriedOver)}
            </span>
          </>
        ) : null}
      </p>
      {looping && item.status === "open" ? (
        <p className="topic__loop small">
          This topic keeps coming back. That happens with the hardest things. It may deserve a
          longer talk of its own, or a conversation with a therapist who can help you both through
          it.
        </p>
      ) : null}
      {item.status === "open" && !readOnly ? (
        <div className="actions">
          <Button
            size="small"
            variant="secondary"
            busy={action.isPending && action.variables?.action === "discussed"}
            disabled={action.isPending}
            onClick={() => run("discussed")}
          >
            We talked about it
          </Button>
          <Button
            size="small"
            variant="quiet"
            busy={action.isPending && action.variables?.action === "carry-over"}
            disabled={action.isPending}
            onClick={() => run("carry-over")}
          >
            Carry over to next time
          </Button>
        </div>
      ) : null}
      {item.status === "open" && mine && !readOnly ? (
        editing ? (
          <EditTopicForm item={item} onDone={() => setEditing(false)} />
        ) : (
          <div className="actions">
            <Button size="small" variant="quiet" onClick={() => setEditing(true)}>
              Say it differently
            </Button>
            <ConfirmInline
              label="Take it back"
              ariaLabel={`Take it back: ${item.topic}`}
              question="Take this topic back? It goes from the parking lot for both of you."
              confirmLabel="Yes, take it back"
              cancelLabel="Keep it"
              busy={withdraw.isPending}
              onConfirm={() => withdraw.mutate(item.id, { onSuccess: () => toast("Taken back.") })}
            />
          </div>
        )
      ) : null}
      {action.isError ? <ErrorState title="That didn't go through" error={action.error} /> : null}
      {withdraw.isError ? (
        <ErrorState title="That didn't go through" error={withdraw.error} />
      ) : null}
    </article>
  );
}

/** Waiting topics first (oldest first, as they came up), then those talked about. */
export function ParkingLotList({ readOnly }: { readOnly: boolean }) {
  const lot = useParkingLot();
  if (lot.isPending) return <Loading label="Loading the parking lot…" />;
  if (lot.isError) return <ErrorState error={lot.error} onRetry={() => void lot.refetch()} />;
  const open = lot.data
    .filter((item) => item.status === "open")
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const discussed = lot.data
    .filter((item) => item.status === "discussed")
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <>
      <Card title={`Waiting for your next talk (${open.length})`}>
        {open.length === 0 ? (
          <EmptyState title="Nothing is waiting">
            <p>When something comes up between talk times, park it here.</p>
          </EmptyState>
        ) : (
          <ul className="agreement-list">
            {open.map((item) => (
              <li key={item.id}>
                <TopicCard item={item} readOnly={readOnly} />
              </li>
            ))}
          </ul>
        )}
      </Card>
      {discussed.length > 0 ? (
        <Card
          title={lot.hasNextPage ? "Talked about" : `Talked about (${discussed.length})`}
          tone="quiet"
        >
          <details className="disclosure">
            <summary>Show topics you've talked about</summary>
            <div className="disclosure__body">
              <ul className="agreement-list">
                {discussed.map((item) => (
                  <li key={item.id}>
                    <TopicCard item={item} readOnly />
                  </li>
                ))}
              </ul>
              <ShowEarlier list={lot} label="Show earlier topics" />
            </div>
          </details>
        </Card>
      ) : null}
    </>
  );
}

/** For Home: how many topics wait, and the first few. */
export function ParkingLotSummary() {
  const lot = useParkingLot();
  if (lot.isPending) return <Loading label="Loading the parking lot…" />;
  if (lot.isError) return <ErrorState error={lot.error} onRetry={() => void lot.refetch()} />;
  const open = lot.data
    .filter((item) => item.status === "open")
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (open.length === 0) {
    return (
      <EmptyState
        title="Nothing is waiting"
        action={
          <ButtonLink to="/parking-lot" variant="secondary" size="small">
            Park a topic
          </ButtonLink>
        }
      >
        <p>If something comes up between talk times, write it down for later.</p>
      </EmptyState>
    );
  }
  return (
    <div className="stack-sm">
      <p>
        <strong>
          {open.length} topic{open.length === 1 ? "" : "s"}
        </strong>{" "}
        waiting for your next talk.
      </p>
      <ul className="summary-list">
        {open.slice(0, 3).map((item) => (
          <li key={item.id} className="summary-list__item">
            <span className="user-text">{item.topic}</span>
          </li>
        ))}
      </ul>
      {open.length > 3 ? <p className="muted small">and {open.length - 3} more</p> : null}
      <div className="actions">
        <ButtonLink to="/parking-lot" variant="secondary" size="small">
          Open the parking lot
        </ButtonLink>
      </div>
    </div>
  );
}
