import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ChangePasswordBody } from "../../../../contracts/account.ts";
import { LIMITS } from "../../../../domain/limits.ts";
import { isApiError } from "../../../ui/api-client.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextField } from "../../../ui/field.tsx";
import { applyServerErrors, summaryErrors } from "../../../ui/form-errors.ts";
import { LiveStatus } from "../../../ui/status.tsx";
import { useChangePassword } from "../api/account.ts";

type Input = z.input<typeof ChangePasswordBody>;
type Output = z.output<typeof ChangePasswordBody>;

const FIELD_IDS = { currentPassword: "current-password", newPassword: "new-password" };

export function ChangePasswordForm() {
  const change = useChangePassword();
  const [serverMessages, setServerMessages] = useState<string[]>([]);
  const [status, setStatus] = useState("");
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(ChangePasswordBody),
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const { errors } = form.formState;
  return (
    <form
      className="form form--tight"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        setServerMessages([]);
        setStatus("");
        change.mutate(values, {
          onSuccess: () => {
            form.reset();
            setStatus("Your password is changed. Any other devices were signed out.");
          },
          onError: (error) => {
            if (isApiError(error) && error.status === 401 && !error.fields.currentPassword) {
              form.setError("currentPassword", {
                type: "server",
                message: "That isn't your current password.",
              });
            }
            setServerMessages(
              applyServerErrors(error, form.setError, ["currentPassword", "newPassword"]),
            );
          },
        });
      })}
    >
      <ErrorSummary errors={summaryErrors(errors, FIELD_IDS, serverMessages)} />
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
