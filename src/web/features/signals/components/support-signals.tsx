import { useId } from "react";
import { formatDate } from "../../../ui/format.ts";
import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { useShareSignals, useSignals, useTherapistActive } from "../api/signals.ts";
import { splitSignals } from "../signals.ts";
import { QuickAnswers } from "./quick-answers.tsx";
import { SignalCard } from "./signal-card.tsx";
import "../signals.css";

/**
 * "When to seek support" on the support page: the signals as calm cards, the folded ones as a
 * line each, the two quick answers, and, with a linked therapist, whether to share one's view.
 */
export function SupportSignals() {
  const signals = useSignals();
  if (signals.isPending) return <Loading />;
  if (signals.isError) {
    return <ErrorState error={signals.error} onRetry={() => void signals.refetch()} />;
  }
  const { signals: all, referrals, myAnswers, sharedWithTherapist } = signals.data;
  const { open, folded } = splitSignals(all, new Date());
  return (
    <div className="support-signals">
      <p className="muted">
        You don't have to find your way through this alone. A note appears here when what you do in
        Mend suggests a couples therapist could help. Each is worked out from counts and dates,
        never from your words, and what your partner keeps private never shows here.
      </p>
      {open.length === 0 ? (
        <p className="support-signals__none">
          {folded.length === 0 ? "Nothing here right now." : "Nothing open right now."} If you'd
          like a therapist anyway, that is always a good reason.
        </p>
      ) : (
        <ul className="support-signals__list">
          {open.map((signal) => (
            <li key={signal.key}>
              <SignalCard signal={signal} referrals={referrals} />
            </li>
          ))}
        </ul>
      )}
      {folded.length > 0 ? (
        <div className="support-signals__folded">
          <h3 className="support-signals__subtitle">Folded away for now</h3>
          <ul>
            {folded.map((signal) => (
              <li key={signal.key}>
                {signal.title}: snoozed until{" "}
                <time dateTime={signal.snoozedUntil ?? ""}>
                  {formatDate(signal.snoozedUntil ?? "")}
                </time>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <QuickAnswers answers={myAnswers} />
      <ShareWithTherapist shared={sharedWithTherapist} />
    </div>
  );
}

function ShareWithTherapist({ shared }: { shared: boolean }) {
  const active = useTherapistActive();
  const share = useShareSignals();
  const id = useId();
  if (!active) return null;
  return (
    <div className="support-signals__share">
      <h3 className="support-signals__subtitle">With your therapist</h3>
      <label className="check" htmlFor={id}>
        <input
          type="checkbox"
          id={id}
          checked={shared}
          disabled={share.isPending}
          onChange={(event) => share.mutate(event.target.checked)}
        />
        Show these notes, as I see them, to our therapist
      </label>
      {share.isError ? (
        <p className="field__error" role="alert">
          That didn't go through. Please try again.
        </p>
      ) : null}
    </div>
  );
}
