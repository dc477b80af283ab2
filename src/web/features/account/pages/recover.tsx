import { useState } from "react";
import { Link } from "react-router";
import { NotARecoveryCode } from "../../../../client/session.ts";
import { RecoverForm } from "../../../../contracts/account.ts";
import { LIMITS } from "../../../../domain/limits.ts";
import { isApiError } from "../../../ui/api-client.ts";
import { Button } from "../../../ui/button.tsx";
import { Card } from "../../../ui/card.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextField } from "../../../ui/field.tsx";
import { Page } from "../../../ui/page.tsx";
import { Notice } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useFinishSignup, useRecover } from "../api/auth.ts";
import { RecoveryCode } from "../components/recovery-code.tsx";
import { UnlockingStatus } from "../components/unlocking-status.tsx";

const FIELD_IDS = { email: "recover-email", code: "recover-code", newPassword: "recover-password" };

/** Forgot the password, kept the recovery code: a new password and a new code, in one step. */
export function RecoverPage() {
  const recover = useRecover();
  const finish = useFinishSignup();
  const [made, setMade] = useState<{ code: string; email: string } | null>(null);
  const { form, errors, submit, summary } = useSchemaForm(RecoverForm, {
    defaultValues: { email: "", code: "", newPassword: "" },
    fieldIds: FIELD_IDS,
  });

  return (
    <Page
      heading={made ? "You're back in" : "Choose a new password"}
      title="Forgot your password"
      width="narrow"
      intro={
        made ? (
          <p>Your new password works from now on. Your old recovery code no longer does.</p>
        ) : (
          <p>
            Your recovery code is the one you kept when you created your account. With it, your
            private words stay yours.
          </p>
        )
      }
    >
      <Card>
        {made ? (
          <RecoveryCode
            code={made.code}
            email={made.email}
            onDone={() => void finish()}
            doneLabel="Go on to Mend"
          />
        ) : (
          <form
            className="form"
            noValidate
            aria-label="Choose a new password"
            onSubmit={submit(
              async (values) => {
                const { recoveryCode, user } = await recover.mutateAsync(values);
                setMade({ code: recoveryCode, email: user.email });
              },
              (error) => {
                if (error instanceof NotARecoveryCode) {
                  form.setError("code", {
                    type: "client",
                    message: "That isn't a whole recovery code: 32 letters and digits.",
                  });
                  return ["Check the recovery code: it has 32 letters and digits."];
                }
                if (isApiError(error) && error.status === 401) {
                  return [
                    "That e-mail and recovery code don't match an account. Check both and try again.",
                  ];
                }
                return undefined;
              },
            )}
          >
            <ErrorSummary errors={summary} />
            <TextField
              id={FIELD_IDS.email}
              label="E-mail"
              type="email"
              autoComplete="email"
              inputMode="email"
              spellCheck={false}
              error={errors.email?.message}
              {...form.register("email")}
            />
            <TextField
              id={FIELD_IDS.code}
              label="Recovery code"
              hint="Like 7K2M-9QXD-… Dashes and case don't matter."
              autoComplete="off"
              spellCheck={false}
              error={errors.code?.message}
              {...form.register("code")}
            />
            <TextField
              id={FIELD_IDS.newPassword}
              label="New password"
              type="password"
              autoComplete="new-password"
              hint={`At least ${LIMITS.passwordMin} characters.`}
              error={errors.newPassword?.message}
              {...form.register("newPassword")}
            />
            <div className="actions">
              <Button type="submit" busy={recover.isPending}>
                Set my new password
              </Button>
            </div>
            {recover.isPending ? <UnlockingStatus /> : null}
          </form>
        )}
      </Card>
      {made ? null : (
        <Notice>
          <p>
            No recovery code? Whoever runs this Mend can restore your sign-in. Your private words
            would stay locked, and your partner could let you back into what you share.
          </p>
        </Notice>
      )}
      <p>
        Remembered it? <Link to="/signin">Sign in</Link>
      </p>
    </Page>
  );
}
