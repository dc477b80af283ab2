import type { Referral } from "../../../../contracts/signals.ts";
import { Button } from "../../../ui/button.tsx";
import { formatDate } from "../../../ui/format.ts";
import { type Signal, useSnooze } from "../api/signals.ts";
import { contactsOf, SNOOZE_CHOICES } from "../signals.ts";
import "../signals.css";

interface SignalCardProps {
  signal: Signal;
  referrals: readonly Referral[];
}

/** One signal, calmly: why it matters, what was noticed and since when, one next step, snooze. */
export function SignalCard({ signal, referrals }: SignalCardProps) {
  const snooze = useSnooze();
  const headingId = `signal-${signal.key}`;
  return (
    <article className="signal" aria-labelledby={headingId}>
      <h3 className="signal__title" id={headingId}>
        {signal.title}
      </h3>
      <p className="signal__why">{signal.why}</p>
      <h4 className="signal__subtitle">What we noticed</h4>
      <ul className="signal__evidence">
        {signal.evidence.map((e) => (
          <li key={`${e.what}-${e.since}`}>
            {e.words}{" "}
            <span className="muted small">
              (since <time dateTime={e.since}>{formatDate(e.since)}</time>)
            </span>
          </li>
        ))}
      </ul>
      <p className="muted small">{signal.clearsWhen}</p>
      <h4 className="signal__subtitle">One next step</h4>
      <NextStep referrals={referrals} />
      <fieldset className="signal__snooze" disabled={snooze.isPending}>
        <legend className="small">Not now? Fold this note away, just for you:</legend>
        <div className="actions">
          {SNOOZE_CHOICES.map(({ days, label }) => (
            <Button
              key={days}
              variant="quiet"
              size="small"
              onClick={() => snooze.mutate({ key: signal.key, days })}
            >
              {label}
            </Button>
          ))}
        </div>
        {snooze.isError ? (
          <p className="field__error" role="alert">
            That didn't go through. Please try again.
          </p>
        ) : null}
      </fieldset>
    </article>
  );
}

/** The operator's couples therapists, or, without a list, how to find one. */
export function NextStep({ referrals }: { referrals: readonly Referral[] }) {
  if (referrals.length === 0) {
    return (
      <div className="signal__step">
        <p>Talk to a couples therapist, together if you can.</p>
        <details className="signal__find">
          <summary>How to find one</summary>
          <ul>
            <li>
              Look for someone trained in couples therapy, and ask whether they work with broken
              trust or infidelity.
            </li>
            <li>Your doctor, health insurer or a local counselling service can suggest names.</li>
            <li>
              A first conversation is a chance to see whether you both feel safe with them; it's
              fine to try someone else.
            </li>
          </ul>
        </details>
      </div>
    );
  }
  return (
    <div className="signal__step">
      <p>Talk to a couples therapist, together if you can. These are suggested here:</p>
      <ul className="signal__referrals">
        {referrals.map((referral) => (
          <li key={referral.name} className="signal__referral">
            <strong>{referral.name}</strong>
            {referral.detail ? <span className="muted small">{referral.detail}</span> : null}
            {contactsOf(referral).map((contact) => (
              <a key={contact.href} className="signal__contact" href={contact.href}>
                {contact.label}
              </a>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
