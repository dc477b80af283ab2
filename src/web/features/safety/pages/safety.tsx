import { useEffect, useRef, useState } from "react";
import { Button } from "../../../ui/button.tsx";
import { Card } from "../../../ui/card.tsx";
import { formatDate } from "../../../ui/format.ts";
import { Page } from "../../../ui/page.tsx";
import { useOptionalPeople } from "../../../ui/people.tsx";
import { PrivateNote } from "../../../ui/private-note.tsx";
import { Notice } from "../../../ui/status.tsx";
import { type SafetyResult, useSafetyChecks } from "../api/safety.ts";
import { IndividualModeToggle } from "../components/individual-mode.tsx";
import { ResourceList, Resources } from "../components/resources.tsx";
import { SafetyCheckForm } from "../components/safety-check-form.tsx";

function PrivacyNotice() {
  return (
    <Notice title="Only you see this">
      <p>
        This check is for you alone. Your partner is never told that you took it or what you
        answered, and nothing on their screens changes because of it. Take it when you're on your
        own.
      </p>
      <p>
        Your browser keeps a history of the pages you visit, this one too. If someone else uses this
        device, a private browsing window leaves less behind. <strong>Quick exit</strong>, at the
        top of the page or Shift pressed three times, leaves at once.
      </p>
    </Notice>
  );
}

function LastChecked() {
  const checks = useSafetyChecks();
  const latest = checks.data?.reduce<string | null>(
    (last, check) => (last === null || check.at > last ? check.at : last),
    null,
  );
  if (!latest) return null;
  return (
    <p className="muted small">
      You last took this check on {formatDate(latest)}. Your earlier answers aren't shown again, so
      nobody looking over your shoulder can read them.
    </p>
  );
}

function ConcernResult({
  result,
  inCouple,
  individualMode,
}: {
  result: SafetyResult;
  inCouple: boolean;
  individualMode: boolean;
}) {
  return (
    <>
      <Card title="Thank you for answering" tone="attention">
        <p>
          Some of your answers suggest you may not feel fully safe right now. You deserve to be
          safe. You don't have to be sure about what is happening to reach out for help, and you
          don't have to decide anything today.
        </p>
      </Card>
      <Card title="Where to find help">
        <ResourceList resources={result.resources} />
      </Card>
      {result.riskyFeatures.length > 0 ? (
        <Card title="Parts of Mend that could make things harder">
          <p className="muted">
            Mend is built for two people who are safe with each other. When that isn't so, some
            features could be used against you. You decide what to keep using.
          </p>
          <ul className="risky">
            {result.riskyFeatures.map((feature) => (
              <li key={feature.key} className="risky__item">
                <p className="risky__title">{feature.title}</p>
                <p className="risky__why">{feature.why}</p>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {inCouple ? (
        <Card title="Use Mend on your own for now" id="on-my-own">
          <IndividualModeToggle on={individualMode} prominent />
        </Card>
      ) : null}
    </>
  );
}

function CalmResult({ answeredSafe }: { answeredSafe: boolean }) {
  return (
    <Card title="Thank you for answering" tone="calm">
      <p>
        Nothing in your answers points to a safety concern right now. If that changes, you can come
        back to this check at any time, and the places to turn to below are there whenever you need
        them.
      </p>
      {answeredSafe ? (
        <p>
          You said you feel safe enough to keep working on things together, so your private
          checklist on Home shows that too. Only you see it.
        </p>
      ) : null}
    </Card>
  );
}

/** The private safety check: alone, seen by its author alone, and help close at hand. */
export function SafetyPage() {
  const people = useOptionalPeople();
  const inCouple = people !== null;
  const [result, setResult] = useState<{ reply: SafetyResult; safe: boolean } | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (result) {
      resultRef.current?.focus();
      resultRef.current?.scrollIntoView({ block: "start" });
    }
  }, [result]);

  const concern = result?.reply.check.concern ?? false;
  const individualMode = people?.individualMode ?? false;

  return (
    <Page
      heading="Your safety"
      width="narrow"
      intro={
        <p>
          A few private questions about how safe you feel: in yourself, in your body and your home,
          with money, and in making your own choices.
        </p>
      }
    >
      <PrivacyNotice />
      {result ? (
        <div className="stack result-focus" ref={resultRef} tabIndex={-1}>
          {concern ? (
            <ConcernResult
              result={result.reply}
              inCouple={inCouple}
              individualMode={individualMode}
            />
          ) : (
            <CalmResult answeredSafe={result.safe} />
          )}
          <div className="actions">
            <Button variant="secondary" onClick={() => setResult(null)}>
              Take the check again
            </Button>
          </div>
        </div>
      ) : (
        <Card title="The check">
          <PrivateNote>Only you see your answers. It takes about two minutes.</PrivateNote>
          <SafetyCheckForm onDone={(reply) => setResult({ reply, safe: !reply.check.concern })} />
          <LastChecked />
        </Card>
      )}
      {inCouple && !concern ? (
        <Card title="Using Mend on your own" tone="quiet" id="on-my-own">
          <p>
            If working on things together doesn't feel right or safe for now, you can pause the
            couple features for yourself.
          </p>
          <IndividualModeToggle on={individualMode} />
        </Card>
      ) : null}
      {concern ? null : (
        <Card title="Where to find help">
          <Resources />
        </Card>
      )}
    </Page>
  );
}
