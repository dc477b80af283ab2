import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { accountRoutes, ForgotBody } from "../../../../contracts/account.ts";
import { api, isApiError } from "../../../ui/api-client.ts";
import { Button } from "../../../ui/button.tsx";
import { Card } from "../../../ui/card.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextField } from "../../../ui/field.tsx";
import { Page } from "../../../ui/page.tsx";
import { Notice } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useSendsMail } from "../api/sends-mail.ts";

/**
 * "Forgot your password" by e-mail: a sign-in link to the address, if it has an account. The
 * page says the same either way, as the server does, and what the link can and cannot give back.
 */
export function ForgotPage() {
  const sendsMail = useSendsMail();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const ask = useMutation({
    mutationFn: (email: string) => api.call(accountRoutes.forgot, { body: { email } }),
  });
  const { form, errors, submit, summary } = useSchemaForm(ForgotBody, {
    defaultValues: { email: "" },
    fieldIds: { email: "forgot-email" },
  });

  return (
    <Page heading="Get a sign-in link" title="Forgot your password" width="narrow">
      {sendsMail === false ? (
        <Notice>
          <p>
            This Mend sends no e-mail. If you kept your recovery code,{" "}
            <Link to="/recover">choose a new password with it</Link>. If not, whoever runs this Mend
            can give you a one-time link.
          </p>
        </Notice>
      ) : (
        <Card>
          {sentTo ? (
            <div role="status">
              <p>
                <strong>Check your e-mail.</strong> If {sentTo} has an account here, a link is on
                its way. It works once, for a day.
              </p>
              <p>Nothing came after a few minutes? Look in your spam folder, then ask again.</p>
            </div>
          ) : (
            <form
              className="form"
              noValidate
              aria-label="Get a sign-in link"
              onSubmit={submit(
                async ({ email }) => {
                  await ask.mutateAsync(email);
                  setSentTo(email);
                },
                (error) =>
                  isApiError(error) && error.status === 429
                    ? ["Several links were asked for already. Wait a while, then try again."]
                    : undefined,
              )}
            >
              <p>
                We e-mail you a link to choose a new password. It lets you sign in again, with new
                keys: what you kept private stays locked with your earlier ones.
              </p>
              <ErrorSummary errors={summary} />
              <TextField
                id="forgot-email"
                label="E-mail"
                type="email"
                autoComplete="email"
                inputMode="email"
                spellCheck={false}
                error={errors.email?.message}
                {...form.register("email")}
              />
              <div className="actions">
                <Button type="submit" busy={ask.isPending}>
                  Send me a link
                </Button>
              </div>
            </form>
          )}
        </Card>
      )}
      <Notice>
        <p>
          Kept your recovery code? <Link to="/recover">Use it instead</Link>: it keeps your private
          words. Either way, your partner's browser can let you back into what the two of you share.
        </p>
      </Notice>
      <p>
        Remembered it? <Link to="/signin">Sign in</Link>
      </p>
    </Page>
  );
}
