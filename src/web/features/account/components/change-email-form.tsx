import { useId, useState } from "react";
import { ChangeEmailForm as ChangeEmailSchema } from "../../../../contracts/account.ts";
import { isApiError } from "../../../ui/api-client.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextField } from "../../../ui/field.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useChangeEmail } from "../api/email.ts";

const FIELD_IDS = { email: "change-email-address", password: "change-email-password" };

/**
 * The address one signs in with, changed behind a second step and the password. Where the
 * instance sends e-mail, the new address must take a link first; this says so and waits.
 */
export function ChangeEmailForm({ current }: { current: string }) {
  const [open, setOpen] = useState(false);
  const panelId = `e${useId().replace(/:/g, "")}`;
  const change = useChangeEmail();
  const { form, errors, submit, summary, status } = useSchemaForm(ChangeEmailSchema, {
    defaultValues: { email: "", password: "" },
    fieldIds: FIELD_IDS,
  });

  if (!open) {
    return (
      <div className="stack-sm">
        <div className="actions">
          <Button
            variant="secondary"
            aria-expanded={false}
            aria-controls={panelId}
            onClick={() => setOpen(true)}
          >
            Change e-mail…
          </Button>
        </div>
        <LiveStatus message={status} />
      </div>
    );
  }

  return (
    <form
      id={panelId}
      className="form form--tight inline-panel"
      noValidate
      aria-label="Change your e-mail address"
      onSubmit={submit(
        async (values) => {
          const reply = await change.mutateAsync({ ...values, current });
          form.reset({ email: "", password: "" });
          setOpen(false);
          return reply
            ? `Saved. You now sign in with ${reply.user.email}.`
            : `Check the inbox of ${values.email}: we sent a link there. Your address changes once you follow it, within a day; until then you sign in as before.`;
        },
        (error) => {
          if (isApiError(error) && (error.code === "wrong_password" || error.status === 401)) {
            form.setError("password", {
              type: "server",
              message: "That password isn't right. Your address has not been changed.",
            });
            // The field says it; the server's own words would say it twice.
            return [];
          }
          return undefined;
        },
      )}
    >
      <ErrorSummary errors={summary} />
      <TextField
        id={FIELD_IDS.email}
        label="New e-mail address"
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        error={errors.email?.message}
        {...form.register("email")}
      />
      <TextField
        id={FIELD_IDS.password}
        className="field--short"
        label="Your password, to confirm"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register("password")}
      />
      <div className="actions">
        <Button type="submit" variant="secondary" busy={change.isPending}>
          Change my e-mail
        </Button>
        <Button variant="quiet" disabled={change.isPending} onClick={() => setOpen(false)}>
          Keep it as it is
        </Button>
      </div>
    </form>
  );
}
