import { PROMISE_ISSUE_LABELS, type PromiseLint } from "../../../../domain/promise-linter.ts";
import { Button } from "../../../ui/button.tsx";
import { type Suggestion, suggestionOf } from "../builder.ts";

const USE_LABELS: Record<Suggestion["field"], string> = {
  text: "Use this wording",
  noticeHow: "Use this sign",
  cadence: "Use this when",
};

/**
 * The linter's thoughts, each with why it matters and what to try instead, and where the
 * suggestion is something to paste, a button that puts it into its field. Advice only: nothing
 * here stops the promise from being sent.
 */
export function LintList({
  id,
  title,
  lints,
  onUse,
}: {
  id: string;
  title: string;
  lints: readonly PromiseLint[];
  onUse: (suggestion: Suggestion) => void;
}) {
  if (lints.length === 0) return null;
  return (
    <div className="promises-lints" id={id}>
      <p className="promises-lints__title">{title}</p>
      <ol className="promises-lints__list">
        {lints.map((lint) => {
          const suggestion = suggestionOf(lint);
          return (
            <li className="promises-lint" key={`${lint.issue}-${lint.start ?? "all"}`}>
              <p className="promises-lint__head">
                {lint.text ? <span className="promises-lint__words">“{lint.text}”</span> : null}
                <span className="badge badge--attention">{PROMISE_ISSUE_LABELS[lint.issue]}</span>
              </p>
              <p className="promises-lint__why">{lint.why}</p>
              <p className="promises-lint__instead">
                <span className="promises-lint__instead-label">You could: </span>
                {lint.instead}
              </p>
              {suggestion ? (
                <div className="actions">
                  <Button
                    size="small"
                    variant="secondary"
                    aria-label={
                      suggestion.field === "cadence"
                        ? undefined
                        : `${USE_LABELS[suggestion.field]}: ${suggestion.value}`
                    }
                    onClick={() => onUse(suggestion)}
                  >
                    {USE_LABELS[suggestion.field]}
                  </Button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
