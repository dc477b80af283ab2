import { useState } from "react";
import { isApiError } from "../../../ui/api-client.ts";
import { Button } from "../../../ui/button.tsx";
import { ChoiceGroup } from "../../../ui/choice-group.tsx";
import { ErrorSummary, type SummaryError } from "../../../ui/error-summary.tsx";
import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { type SafetyResult, useSafetyQuestions, useTakeSafetyCheck } from "../api/safety.ts";

const AREA_NAMES = {
  emotional: "How you feel",
  physical: "Your body and your home",
  financial: "Money",
  control: "Your own choices",
} as const;

const MISSING = "Please choose an answer. “I'd rather not say” is a fine answer too.";

/** The private questions, one group each; every one needs an answer, "rather not say" counts. */
export function SafetyCheckForm({ onDone }: { onDone: (result: SafetyResult) => void }) {
  const questions = useSafetyQuestions();
  const take = useTakeSafetyCheck();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string[]>([]);

  if (questions.isPending) return <Loading label="Loading the questions…" />;
  if (questions.isError) {
    return <ErrorState error={questions.error} onRetry={() => void questions.refetch()} />;
  }
  const list = questions.data;
  const firstOption = (key: string) =>
    `safety-${key}-${list.find((q) => q.key === key)?.options[0]?.value ?? ""}`;
  const summaryItems: SummaryError[] = [
    ...list
      .filter((q) => errors[q.key])
      .map((q) => ({ fieldId: firstOption(q.key), message: `${q.text} ${errors[q.key]}` })),
    ...summary.map((message) => ({ message })),
  ];

  return (
    <form
      className="form safety-form"
      noValidate
      aria-label="Private safety check"
      onSubmit={(event) => {
        event.preventDefault();
        setSummary([]);
        const missing = Object.fromEntries(
          list.filter((q) => !answers[q.key]).map((q) => [q.key, MISSING]),
        );
        setErrors(missing);
        if (Object.keys(missing).length > 0) return;
        take.mutateAsync(answers).then(onDone, (error: unknown) => {
          if (isApiError(error)) {
            const fields = Object.fromEntries(
              Object.entries(error.fields).map(([key, message]) => [
                key.replace(/^answers\./, ""),
                message,
              ]),
            );
            setErrors(fields);
            if (Object.keys(fields).length === 0) setSummary([error.message]);
          } else setSummary(["Something went wrong. Please try again."]);
        });
      }}
    >
      <ErrorSummary errors={summaryItems} title="A few answers are missing" />
      {list.map((question, index) => (
        <ChoiceGroup
          key={question.key}
          id={`safety-${question.key}`}
          size="compact"
          legend={
            <>
              <span className="safety-question__area">
                {index + 1} of {list.length} · {AREA_NAMES[question.area]}
              </span>
              <span className="safety-question__text">{question.text}</span>
            </>
          }
          name={`safety-${question.key}`}
          value={answers[question.key] ?? null}
          onChange={(value) => {
            setAnswers((current) => ({ ...current, [question.key]: value }));
            setErrors(({ [question.key]: _gone, ...rest }) => rest);
          }}
          error={errors[question.key]}
          choices={question.options.map((option) => ({ value: option.value, label: option.label }))}
        />
      ))}
      <div className="actions">
        <Button type="submit" busy={take.isPending}>
          Finish the check
        </Button>
      </div>
      <p className="muted small">Only you will see your answers and what they mean.</p>
    </form>
  );
}
