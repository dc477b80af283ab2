import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { LoginBody } from "../../../../contracts/account.ts";
import { isApiError } from "../../../ui/api-client.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextField } from "../../../ui/field.tsx";
import { applyServerErrors, summaryErrors } from "../../../ui/form-errors.ts";
import { useLogin } from "../api/auth.ts";

type Input = z.input<typeof LoginBody>;
type Output = z.output<typeof LoginBody>;

const FIELD_IDS = { email: "signin-email", password: "signin-password" };

export function SignInForm({ onSuccess }: { onSuccess?: () => void }) {
  const login = useLogin();
  const [serverMessages, setServerMessages] = useState<string[]>([]);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(LoginBody),
    defaultValues: { email: "", password: "" },
  });
  const { errors } = form.formState;

  return (
    <form
      className="form"
      noValidate
      aria-label="Sign in"
      onSubmit={form.handleSubmit(async (values) => {
        setServerMessages([]);
        // The form may unmount once signed in; the promise still settles here.
        await login.mutateAsync(values).then(
          () => onSuccess?.(),
          (error: unknown) => {
            if (isApiError(error) && error.status === 401) {
              setServerMessages([
                "That email and password don't match an account. Check them and try again.",
              ]);
              form.resetField("password");
              return;
            }
            setServerMessages(applyServerErrors(error, form.setError, ["email", "password"]));
          },
        );
      })}
    >
      <ErrorSummary errors={summaryErrors(errors, FIELD_IDS, serverMessages)} />
      <TextField
        id={FIELD_IDS.email}
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        error={errors.email?.message}
        {...form.register("email")}
      />
      <TextField
        id={FIELD_IDS.password}
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register("password")}
      />
      <div className="actions">
        <Button type="submit" busy={login.isPending}>
          Sign in
        </Button>
      </div>
    </form>
  );
}
