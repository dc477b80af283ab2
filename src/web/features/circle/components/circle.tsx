import { useState } from "react";
import { AddCirclePersonBody, RaiseConcernBody } from "../../../../contracts/circle.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { STABILIZE_LIMITS } from "../../../../domain/limits.ts";
import { Button } from "../../../ui/button.tsx";
import { ConfirmInline } from "../../../ui/confirm-inline.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextAreaField, TextField } from "../../../ui/field.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { Reveal } from "../../../ui/reveal.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useToast } from "../../../ui/toast.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useRaiseTopic } from "../../talks/api/parking-lot.ts";
import {
  type CirclePerson,
  useAddCirclePerson,
  useAgreePerson,
  useCircle,
  useRaiseConcern,
  useRemovePerson,
} from "../api/circle.ts";
import { CIRCLE_STATUS_LABELS } from "../copy.ts";

const AddPersonDraft = draftOf(AddCirclePersonBody);
const ConcernDraft = draftOf(RaiseConcernBody);

function AddPersonForm() {
  const people = usePeople();
  const add = useAddCirclePerson();
  const ids = { name: "circle-name", relation: "circle-relation" };
  const { form, errors, submit, summary, status } = useSchemaForm(AddPersonDraft, {
    defaultValues: { name: "", relation: "" },
    fieldIds: ids,
  });
  return (
    <form
      className="form form--tight"
      noValidate
      aria-label="Add someone you talk to"
      onSubmit={submit(async (values) => {
        await add.mutateAsync(values);
        form.reset({ name: "", relation: "" });
        return `Added. ${people.partner ? `${people.partnerName} can now agree or raise a concern.` : ""}`;
      })}
    >
      <ErrorSummary errors={summary} />
      <div className="form-row form-row--two">
        <TextField
          id={ids.name}
          label="Name"
          autoComplete="off"
          maxLength={STABILIZE_LIMITS.circleNameMax}
          error={errors.name?.message}
          {...form.register("name")}
        />
        <TextField
          id={ids.relation}
          label="Who they are to you"
          hint="For example: my sister, a friend, my doctor."
          maxLength={STABILIZE_LIMITS.circleRelationMax}
          error={errors.relation?.message}
          {...form.register("relation")}
        />
      </div>
      <div className="actions">
        <Button type="submit" busy={add.isPending}>
          Add to my circle
        </Button>
      </div>
      <LiveStatus message={status} />
    </form>
  );
}

function ConcernForm({ person, onCancel }: { person: CirclePerson; onCancel: () => void }) {
  const raise = useRaiseConcern();
  const people = usePeople();
  const id = `concern-${person.id}`;
  const { form, errors, submit, summary } = useSchemaForm(ConcernDraft, {
    defaultValues: { concern: "" },
    fieldIds: { concern: id },
  });
  return (
    <form
      className="inline-panel form form--tight"
      noValidate
      aria-label={`Raise a concern about ${person.name}`}
      onSubmit={submit(async (values) => {
        await raise.mutateAsync({ id: person.id, concern: values.concern });
        onCancel();
      })}
    >
      <ErrorSummary errors={summary} />
      <TextAreaField
        id={id}
        label="What worries you?"
        hint={`Say it as calmly and plainly as you can. ${people.partnerName} will read it.`}
        rows={3}
        maxLength={STABILIZE_LIMITS.concernMax}
        error={errors.concern?.message}
        autoFocus
        {...form.register("concern")}
      />
      <div className="actions">
        <Button type="submit" busy={raise.isPending}>
          Share my concern
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function statusBadge(person: CirclePerson) {
  const tone =
    person.status === "agreed"
      ? "badge--calm"
      : person.status === "concern"
        ? "badge--attention"
        : "";
  return <span className={`badge ${tone}`.trim()}>{CIRCLE_STATUS_LABELS[person.status]}</span>;
}

function PersonItem({ person, readOnly }: { person: CirclePerson; readOnly: boolean }) {
  const people = usePeople();
  const mine = people.isMe(person.by);
  const agree = useAgreePerson();
  const remove = useRemovePerson();
  // A concern about someone one listed is answered by talking it over, not only by removing.
  const talk = useRaiseTopic();
  const toast = useToast();
  const [concerning, setConcerning] = useState(false);
  const nameId = `person-${person.id}`;
  return (
    <li className="person">
      <div className="person__head">
        <p className="person__name" id={nameId}>
          <span className="user-text">{person.name}</span>
          <span className="person__relation user-text"> · {person.relation}</span>
        </p>
        {statusBadge(person)}
      </div>
      {person.status === "concern" && person.concern ? (
        <div>
          <p className="small muted person__concern-by">
            {mine ? `${people.partnerName}'s concern:` : "Your concern:"}
          </p>
          <p className="quote user-text">{person.concern}</p>
        </div>
      ) : null}
      {mine && person.status === "proposed" ? (
        <p className="small muted">Waiting for {people.partnerName} to answer.</p>
      ) : null}
      {readOnly ? null : mine ? (
        <div className="actions">
          {person.status === "concern" ? (
            <Button
              size="small"
              variant="secondary"
              busy={talk.isPending}
              disabled={talk.isSuccess}
              aria-describedby={nameId}
              onClick={() =>
                talk.mutate(
                  { topic: `${people.partnerName}'s concern about ${person.name}` },
                  { onSuccess: () => toast("Parked for your next talk.") },
                )
              }
            >
              {talk.isSuccess ? "Parked for your next talk" : "Let's talk about it"}
            </Button>
          ) : null}
          <ConfirmInline
            label="Remove"
            ariaLabel={`Remove ${person.name} from your circle`}
            question={`Remove ${person.name} from your circle?`}
            confirmLabel="Yes, remove"
            cancelLabel="Keep"
            busy={remove.isPending}
            onConfirm={() => remove.mutate(person.id)}
          />
        </div>
      ) : concerning ? (
        <ConcernForm person={person} onCancel={() => setConcerning(false)} />
      ) : (
        <div className="actions">
          {person.status !== "agreed" ? (
            <Button
              size="small"
              variant="secondary"
              busy={agree.isPending}
              aria-label={`${person.status === "concern" ? "Agree after all" : "Agree"}: ${person.name}`}
              onClick={() => agree.mutate(person.id)}
            >
              {person.status === "concern" ? "Agree after all" : "Agree"}
            </Button>
          ) : null}
          {person.status !== "concern" ? (
            <Button
              size="small"
              variant="quiet"
              aria-describedby={nameId}
              onClick={() => setConcerning(true)}
            >
              Raise a concern
            </Button>
          ) : null}
        </div>
      )}
      {agree.isError || remove.isError || talk.isError ? (
        <ErrorState
          title="That didn't go through"
          error={agree.error ?? remove.error ?? talk.error}
        />
      ) : null}
    </li>
  );
}

/** Who each partner talks to about what happened; the other agrees or raises a concern. */
export function Circle() {
  const people = usePeople();
  const circle = useCircle();
  const readOnly = people.individualMode;
  if (circle.isPending) return <Loading label="Loading your circle…" />;
  if (circle.isError)
    return <ErrorState error={circle.error} onRetry={() => void circle.refetch()} />;
  const byName = (a: CirclePerson, b: CirclePerson) => a.name.localeCompare(b.name);
  const mine = circle.data.filter((p) => people.isMe(p.by)).sort(byName);
  const theirs = circle.data.filter((p) => !people.isMe(p.by)).sort(byName);
  return (
    <div className="stack">
      <section aria-labelledby="circle-mine">
        <h3 className="subsection-title" id="circle-mine">
          People you talk to
        </h3>
        {mine.length === 0 ? (
          <p className="muted">Nobody listed yet.</p>
        ) : (
          <ul className="people">
            {mine.map((person) => (
              <PersonItem key={person.id} person={person} readOnly={readOnly} />
            ))}
          </ul>
        )}
      </section>
      {people.partner ? (
        <section aria-labelledby="circle-theirs">
          <h3 className="subsection-title" id="circle-theirs">
            People {people.partnerName} talks to
          </h3>
          {theirs.length === 0 ? (
            <p className="muted">Nobody listed yet.</p>
          ) : (
            <ul className="people">
              {theirs.map((person) => (
                <PersonItem key={person.id} person={person} readOnly={readOnly} />
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {readOnly ? null : (
        <div className="subsection">
          <Reveal label="Add someone you talk to">
            <AddPersonForm />
          </Reveal>
        </div>
      )}
    </div>
  );
}
