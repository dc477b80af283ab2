import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { SignupBody } from "../../../../contracts/account.ts";
import { LIMITS } from "../../../../domain/limits.ts";
import { isApiError } from "../../../ui/api-client.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextField } from "../../../ui/field.tsx";
import { applyServerErrors, summaryErrors } from "../../../ui/form-errors.ts";
import { useSignup } from "../api/auth.ts";

type Input = z.input<typeof SignupBody>;
type Output = z.output<typeof SignupBody>;

const FIELD_IDS = { name: "signup-name", email: "signup-email", password: "signup-password" };

/** Create an account. Signs in on success; the caller decides where to go next. */
export function SignUpForm({ onSuccess }: { onSuccess?: () => void }) {
  const signup = useSignup();
  const [serverMessages, setServerMessages] = useState<string[]>([]);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(SignupBody),
    defaultValues: { name: "", email: "", password: "" },
  });
  const { errors } = form.formState;

  return (
    <form
      className="form"
      noValidate
      aria-label="Create an account"
      onSubmit={form.handleSubmit(async (values) => {
        setServerMessages([]);
        // The form may unmount once signed in; the promise still settles here.
        await signup.mutateAsync(values).then(
          () => onSuccess?.(),
          (error: unknown) => {
            if (isApiError(error) && error.status === 409 && !error.fields.email) {
              form.setError("email", { type: "server", message: error.message });
            }
            setServerMessages(
              applyServerErrors(error, form.setError, ["name", "email", "password"]),
            );
          },
        );
      })}
    >
      <ErrorSummary errors={summaryErrors(errors, FIELD_IDS, serverMessages)} />
      <TextField
        id={FIELD_IDS.name}
        label="Your name"
        hint="Your partner will see this name. A first name or nickname is fine."
        autoComplete="given-name"
        maxLength={LIMITS.nameMax}
        error={errors.name?.message}
        {...form.register("name")}
      />
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
    </form>
  );
}
