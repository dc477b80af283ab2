import { type ReactNode, useEffect, useRef, useState } from "react";
import { Navigate, useNavigate, useParams } from "react-router";
import { SignupForm } from "../../../../contracts/account.ts";
import { LIMITS } from "../../../../domain/limits.ts";
import { isApiError } from "../../../ui/api-client.ts";
import { Button, ButtonLink } from "../../../ui/button.tsx";
import { Card } from "../../../ui/card.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextField } from "../../../ui/field.tsx";
import { formatDate } from "../../../ui/format.ts";
import { Page } from "../../../ui/page.tsx";
import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { Notice } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useMe } from "../../account/api/me.ts";
import { RecoveryCode } from "../../account/components/recovery-code.tsx";
import { UnlockingStatus } from "../../account/components/unlocking-status.tsx";
import { useTherapistInvite, useTherapistSignup } from "../api/workspace.ts";
import { type TotpSecret, TotpSetup } from "../components/totp-setup.tsx";
import "../workspace.css";

const NameAndPassword = SignupForm.omit({ email: true });
const FIELD_IDS = { name: "therapist-name", password: "therapist-password" };

interface Made {
  email: string;
  recoveryCode: string;
  totp: TotpSecret;
}

function LinkNotWorking() {
  return (
    <Page heading="This link doesn't work any more" title="Therapist invite" width="narrow">
      <p>
        A therapist's invite link works once. This one may have been used already or have run out.
      </p>
      <p>Ask whoever runs Mend for a new link, and open the new one.</p>
      <div className="actions">
        <ButtonLink to="/signin" variant="secondary">
          Sign in instead
        </ButtonLink>
      </div>
    </Page>
  );
}

function AccountForm({
  token,
  email,
  onMade,
}: {
  token: string;
  email: string;
  onMade: (made: Made) => void;
}) {
  const signup = useTherapistSignup();
  const { form, errors, submit, summary } = useSchemaForm(NameAndPassword, {
    defaultValues: { name: "", password: "" },
    fieldIds: FIELD_IDS,
  });
  return (
    <form
      className="form"
      noValidate
      aria-label="Create your therapist account"
      onSubmit={submit(async (values) => {
        const made = await signup.mutateAsync({ token, email, ...values });
        onMade({ email: made.user.email, recoveryCode: made.recoveryCode, totp: made.totp });
      })}
    >
      <ErrorSummary errors={summary} />
      <dl className="details">
        <div>
          <dt>E-mail</dt>
          <dd>{email}</dd>
        </div>
      </dl>
      <TextField
        id={FIELD_IDS.name}
        label="Your name"
        hint="Couples see this name when they look for you, e.g. “Dr. Lee” or “Sam Lee”."
        autoComplete="name"
        maxLength={LIMITS.nameMax}
        error={errors.name?.message}
        {...form.register("name")}
      />
      <TextField
        id={FIELD_IDS.password}
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${LIMITS.passwordMin} characters. A short sentence is easy to remember and hard to guess.`}
        error={errors.password?.message}
        {...form.register("password")}
      />
      <div className="actions">
        <Button type="submit" busy={signup.isPending}>
          Create account
        </Button>
      </div>
      {signup.isPending ? <UnlockingStatus text="Making your keys in this browser…" /> : null}
    </form>
  );
}

/**
 * The operator's one-time link: an account with the same sealed keys as a partner's, its
 * recovery code, then the second factor; only after that does the caseload open.
 */
export function TherapistJoinPage() {
  const { token = "" } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const [made, setMade] = useState<Made | null>(null);
  const [step, setStep] = useState<"account" | "recovery" | "totp">("account");
  const stepRef = useRef<HTMLDivElement>(null);
  const invite = useTherapistInvite(token, step === "account" && !made);

  // Each new step takes focus, so a screen reader starts reading where the page changed.
  useEffect(() => {
    if (step !== "account") stepRef.current?.focus();
  }, [step]);

  if (step === "account" && me.data) return <Navigate to="/" replace />;

  let body: ReactNode;
  if (made && step === "recovery") {
    body = (
      <RecoveryCode
        code={made.recoveryCode}
        email={made.email}
        doneLabel="Continue to the second step"
        onDone={() => setStep("totp")}
      />
    );
  } else if (made && step === "totp") {
    body = <TotpSetup totp={made.totp} onDone={() => navigate("/therapist", { replace: true })} />;
  } else if (invite.isPending || me.isPending) {
    body = <Loading label="Opening your invite…" />;
  } else if (invite.isError) {
    if (isApiError(invite.error) && invite.error.status === 404) return <LinkNotWorking />;
    body = <ErrorState error={invite.error} onRetry={() => void invite.refetch()} />;
  } else {
    body = (
      <>
        <Card title="Your account">
          <p className="muted">
            Your words and your notes are locked in this browser before they are sent, the same way
            couples' words are. The invite is for {invite.data.email} and works until{" "}
            {formatDate(invite.data.expiresAt)}.
          </p>
          <AccountForm
            token={token}
            email={invite.data.email}
            onMade={(next) => {
              setMade(next);
              setStep("recovery");
            }}
          />
        </Card>
        <Notice>
          <p>
            Next you'll keep a recovery code and set up a second step at sign-in with an
            authenticator app on your phone. Have it at hand.
          </p>
        </Notice>
      </>
    );
  }

  return (
    <Page
      heading="Join Mend as a therapist"
      title="Therapist account"
      width="narrow"
      intro={
        <p>
          Couples you work with can choose to share parts of their work in Mend with you. You see
          only what both of them let you see.
        </p>
      }
    >
      <div ref={stepRef} tabIndex={-1} className="workspace-step">
        {step === "account" ? body : <Card>{body}</Card>}
      </div>
    </Page>
  );
}
