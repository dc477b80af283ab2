import { useState } from "react";
import { Link, useParams } from "react-router";
import { resetWithLink } from "../../../../client/session.ts";
import { ResetForm } from "../../../../contracts/account.ts";
import { LIMITS } from "../../../../domain/limits.ts";
import { deriveInWorker } from "../../../crypto/derive.ts";
import { api, isApiError } from "../../../ui/api-client.ts";
import { Button } from "../../../ui/button.tsx";
import { Card } from "../../../ui/card.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextField } from "../../../ui/field.tsx";
import { Page } from "../../../ui/page.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useFinishSignup } from "../api/auth.ts";
import { unlockDevice } from "../api/device-keys.ts";
import { holdForRecoveryCode } from "../api/me.ts";
import { RecoveryCode } from "../components/recovery-code.tsx";
import { UnlockingStatus } from "../components/unlocking-status.tsx";

/**
 * The page an operator's one-time reset link opens: a new password and new keys. Said plainly
 * what it costs: words kept private before stay sealed for good.
 */
export function ResetPage() {
  const { token = "" } = useParams();
  const finish = useFinishSignup();
  const [made, setMade] = useState<{ code: string; email: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const { form, errors, submit, summary } = useSchemaForm(ResetForm, {
    defaultValues: { newPassword: "" },
    fieldIds: { newPassword: "reset-password" },
  });

  return (
    <Page heading="Start again with new keys" title="Reset" width="narrow">
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
              async ({ newPassword }) => {
                setBusy(true);
                holdForRecoveryCode(true);
                try {
                  const reset = await resetWithLink(api, { token, newPassword }, deriveInWorker);
                  await unlockDevice(reset.opened, reset.unlockKey);
                  setMade({ code: reset.recoveryCode, email: reset.user.email });
                } catch (error) {
                  holdForRecoveryCode(false);
                  throw error;
                } finally {
                  setBusy(false);
                }
              },
              (error) =>
                isApiError(error) && error.status === 404
                  ? [
                      "This reset link doesn't work any more: it was used, or more than a day has passed. Ask for a new one.",
                    ]
                  : undefined,
            )}
          >
            <p>
              This link lets you sign in again. What you kept private in Mend was locked with your
              earlier keys, and it stays locked: nobody can open it any more. What you share with
              your partner, they can let you back into once you are signed in.
            </p>
            <ErrorSummary errors={summary} />
            <TextField
              id="reset-password"
              label="New password"
              type="password"
              autoComplete="new-password"
              hint={`At least ${LIMITS.passwordMin} characters.`}
              error={errors.newPassword?.message}
              {...form.register("newPassword")}
            />
            <div className="actions">
              <Button type="submit" busy={busy}>
                Set my new password
              </Button>
            </div>
            {busy ? <UnlockingStatus /> : null}
          </form>
        )}
      </Card>
      <p>
        Remembered your password after all? <Link to="/signin">Sign in</Link>
      </p>
    </Page>
  );
}
