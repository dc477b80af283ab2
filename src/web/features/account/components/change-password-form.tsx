import { ChangePasswordForm as ChangePasswordSchema } from "../../../../contracts/account.ts";
import { LIMITS } from "../../../../domain/limits.ts";
import { isApiError } from "../../../ui/api-client.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextField } from "../../../ui/field.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useChangePassword } from "../api/account.ts";
import { useMe } from "../api/me.ts";

const FIELD_IDS = { currentPassword: "current-password", newPassword: "new-password" };

export function ChangePasswordForm() {
  const change = useChangePassword();
  const email = useMe().data?.user.email ?? "";
  const { form, errors, submit, summary, status } = useSchemaForm(ChangePasswordSchema, {
    defaultValues: { currentPassword: "", newPassword: "" },
    fieldIds: FIELD_IDS,
  });
  return (
    <form
      className="form form--tight"
      noValidate
      onSubmit={submit(
        async (values) => {
          await change.mutateAsync({ ...values, email });
          form.reset();
          return "Your password is changed. Any other devices were signed out.";
        },
        (error) => {
          if (isApiError(error) && error.code === "wrong_password") {
            form.setError("currentPassword", {
              type: "server",
              message: "That isn't your current password.",
            });
          }
          return undefined;
        },
      )}
    >
      <ErrorSummary errors={summary} />
      <TextField
        id={FIELD_IDS.currentPassword}
        className="field--short"
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword?.message}
        {...form.register("currentPassword")}
      />
      <TextField
        id={FIELD_IDS.newPassword}
        className="field--short"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${LIMITS.passwordMin} characters. Signing in elsewhere will need it too.`}
        error={errors.newPassword?.message}
        {...form.register("newPassword")}
      />
      <div className="actions">
        <Button type="submit" variant="secondary" busy={change.isPending}>
          Change password
        </Button>
      </div>
      <LiveStatus message={status} />
    </form>
  );
}
