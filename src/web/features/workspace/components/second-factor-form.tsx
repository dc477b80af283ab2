import { TotpBody } from "../../../../contracts/therapists.ts";
import { isApiError } from "../../../ui/api-client.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextField } from "../../../ui/field.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useSecondFactor } from "../api/workspace.ts";

const FIELD_IDS = { code: "second-factor-code" };

/** A six-digit code from the authenticator app, or one recovery code, for this session. */
export function SecondFactorForm({
  onDone,
  submitLabel = "Continue",
  allowRecoveryCode = true,
}: {
  onDone: () => void;
  submitLabel?: string;
  allowRecoveryCode?: boolean;
}) {
  const verify = useSecondFactor();
  const { form, errors, submit, summary } = useSchemaForm(TotpBody, {
    defaultValues: { code: "" },
    fieldIds: FIELD_IDS,
  });
  return (
    <form
      className="form"
      noValidate
      aria-label="Second step"
      onSubmit={submit(
        async ({ code }) => {
          await verify.mutateAsync(code);
          onDone();
        },
        (error) => {
          if (!isApiError(error) || error.status !== 401) return undefined;
          form.setError("code", { type: "server", message: error.message }, { shouldFocus: true });
          return [];
        },
      )}
    >
      <ErrorSummary errors={summary} />
      <TextField
        id={FIELD_IDS.code}
        label={allowRecoveryCode ? "Code from your app, or a recovery code" : "Six-digit code"}
        hint={
          allowRecoveryCode
            ? "Six digits from your authenticator app. Lost your phone? One of your recovery codes works once instead."
            : "Open your authenticator app and type the six digits it shows for Mend."
        }
        autoComplete="one-time-code"
        spellCheck={false}
        autoCapitalize="none"
        error={errors.code?.message}
        {...form.register("code")}
      />
      <div className="actions">
        <Button type="submit" busy={verify.isPending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
