import { useState } from "react";
import { Controller } from "react-hook-form";
import { z } from "zod";
import { AddStressorBody } from "../../../../contracts/stressors.ts";
import { draftOf } from "../../../../contracts/words.ts";
import { STABILIZE_LIMITS } from "../../../../domain/limits.ts";
import { STRESSOR_PLANS, type StressorPlan } from "../../../../domain/stressors.ts";
import { Button } from "../../../ui/button.tsx";
import { ChoiceGroup } from "../../../ui/choice-group.tsx";
import { ConfirmInline } from "../../../ui/confirm-inline.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { SelectField, TextField } from "../../../ui/field.tsx";
import { usePeople } from "../../../ui/people.tsx";
import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { Reveal } from "../../../ui/reveal.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { VisibilityField } from "../../../ui/visibility-field.tsx";
import {
  type Stressor,
  useAddStressor,
  useRemoveStressor,
  useSetStressorPlan,
  useStressors,
} from "../api/stressors.ts";
import { PLAN_DESCRIPTIONS, PLAN_LABELS } from "../copy.ts";

const AddForm = draftOf(AddStressorBody).extend({
  plan: z.enum(STRESSOR_PLANS, { error: "Choose what to do with it for now." }),
});

function AddStressorForm() {
  const people = usePeople();
  const add = useAddStressor();
  const privateOnly = people.individualMode;
  const ids = { text: "stressor-text", plan: "stressor-plan-pause" };
  const { form, errors, submit, summary, status } = useSchemaForm(AddForm, {
    defaultValues: { text: "", visibility: privateOnly ? "private" : "couple" },
    fieldIds: ids,
  });
  return (
    <form
      className="form form--tight"
      noValidate
      aria-label="Add a stressor"
      onSubmit={submit(async (values) => {
        const body = privateOnly ? { ...values, visibility: "private" as const } : values;
        await add.mutateAsync(body);
        form.reset({ text: "", visibility: body.visibility });
        return "Added to your stressors.";
      })}
    >
      <ErrorSummary errors={summary} />
      <TextField
        id={ids.text}
        label="What's weighing on you from outside?"
        hint="For example a deadline, family visits, a move, a second job."
        maxLength={STABILIZE_LIMITS.stressorMax}
        error={errors.text?.message}
        {...form.register("text")}
      />
      <ChoiceGroup
        id="stressor-plan"
        size="compact"
        legend="What will you do with it for now?"
        error={errors.plan?.message}
        registration={form.register("plan")}
        choices={STRESSOR_PLANS.map((plan) => ({
          value: plan,
          label: PLAN_LABELS[plan],
          description: PLAN_DESCRIPTIONS[plan],
        }))}
      />
      <Controller
        control={form.control}
        name="visibility"
        render={({ field }) => (
          <VisibilityField
            id="stressor-visibility"
            therapistCanRead={false}
            value={field.value ?? "couple"}
            onChange={field.onChange}
            partnerName={people.partnerName}
            privateOnly={privateOnly}
          />
        )}
      />
      <div className="actions">
        <Button type="submit" busy={add.isPending}>
          Add stressor
        </Button>
      </div>
      <LiveStatus message={status} />
    </form>
  );
}

function OwnStressor({ stressor }: { stressor: Stressor }) {
  const setPlan = useSetStressorPlan();
  const remove = useRemoveStressor();
  const [status, setStatus] = useState("");
  const textId = `stressor-${stressor.id}`;
  return (
    <li className="stressor">
      <p className="stressor__text user-text" id={textId}>
        {stressor.text}
        {stressor.visibility === "private" ? (
          <>
            {" "}
            <span className="badge badge--primary">Only you</span>
          </>
        ) : null}
      </p>
      <div className="stressor__controls">
        <SelectField
          id={`plan-${stressor.id}`}
          className="stressor__plan"
          label={<span className="small">For now</span>}
          // The visible label is short; its name says which stressor it plans for.
          aria-label={`For now: ${stressor.text}`}
          value={stressor.plan}
          aria-describedby={textId}
          disabled={setPlan.isPending}
          options={STRESSOR_PLANS.map((plan) => ({ value: plan, label: PLAN_LABELS[plan] }))}
          onChange={(event) => {
            const plan = event.target.value as StressorPlan;
            setStatus("");
            setPlan.mutate(
              { id: stressor.id, plan },
              { onSuccess: () => setStatus(`Saved: ${PLAN_LABELS[plan].toLowerCase()}.`) },
            );
          }}
        />
        <ConfirmInline
          label="Remove"
          ariaLabel={`Remove ${stressor.text}`}
          question="Remove this stressor from your list?"
          confirmLabel="Yes, remove it"
          cancelLabel="Keep it"
          busy={remove.isPending}
          onConfirm={() => remove.mutate(stressor.id)}
        />
      </div>
      <LiveStatus message={status} />
      {setPlan.isError || remove.isError ? (
        <ErrorState title="That didn't go through" error={setPlan.error ?? remove.error} />
      ) : null}
    </li>
  );
}

/** Each partner's outside stressors and the plan for each; only the author changes theirs. */
export function Stressors() {
  const people = usePeople();
  const stressors = useStressors();
  if (stressors.isPending) return <Loading label="Loading stressors…" />;
  if (stressors.isError) {
    return <ErrorState error={stressors.error} onRetry={() => void stressors.refetch()} />;
  }
  const mine = stressors.data.filter((s) => s.mine);
  const theirs = stressors.data.filter((s) => !s.mine);
  return (
    <div className="stack">
      <section aria-labelledby="stressors-mine">
        <h3 className="subsection-title" id="stressors-mine">
          Yours
        </h3>
        {mine.length === 0 ? (
          <p className="muted">None listed yet.</p>
        ) : (
          <ul className="stressors">
            {mine.map((stressor) => (
              <OwnStressor key={stressor.id} stressor={stressor} />
            ))}
          </ul>
        )}
      </section>
      {people.partner ? (
        <section aria-labelledby="stressors-theirs">
          <h3 className="subsection-title" id="stressors-theirs">
            {people.partnerName}'s
          </h3>
          {theirs.length === 0 ? (
            <p className="muted">Nothing shared yet.</p>
          ) : (
            <ul className="stressors">
              {theirs.map((stressor) => (
                <li key={stressor.id} className="stressor">
                  <p className="stressor__text user-text">{stressor.text}</p>
                  <span className="badge">{PLAN_LABELS[stressor.plan]}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <div className="subsection">
        <Reveal label="Add a stressor">
          <AddStressorForm />
        </Reveal>
      </div>
    </div>
  );
}
