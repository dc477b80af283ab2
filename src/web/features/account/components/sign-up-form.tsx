import { useState } from "react";
import { SignupForm as SignupSchema } from "../../../../contracts/account.ts";
import { LIMITS } from "../../../../domain/limits.ts";
import { isApiError } from "../../../ui/api-client.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextField } from "../../../ui/field.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useFinishSignup, useSignup } from "../api/auth.ts";
import { RecoveryCode } from "./recovery-code.tsx";
import { UnlockingStatus } from "./unlocking-status.tsx";

const FIELD_IDS = { name: "signup-name", email: "signup-email", password: "signup-password" };

/**
 * Create an account: the keys are made here, in the browser, and the recovery code is shown
 * once before the person goes on. Signed in from the first step; the caller decides where next.
 * Opened from a sign-up link, the address is the one it was mailed to, and the link goes along.
 */
export function SignUpForm({
  onSuccess,
  link,
}: {
  onSuccess?: () => void;
  link?: { email: string; token: string };
}) {
  const signup = useSignup();
  const finish = useFinishSignup();
  const [made, setMade] = useState<{ code: string; email: string } | null>(null);
  const { form, errors, submit, summary } = useSchemaForm(SignupSchema, {
    defaultValues: { name: "", email: link?.email ?? "", password: "" },
    fieldIds: FIELD_IDS,
  });

  if (made) {
    return (
      <RecoveryCode
        code={made.code}
        email={made.email}
        onDone={async () => {
          await finish();
          onSuccess?.();
        }}
      />
    );
  }

  return (
    <form
      className="form"
      noValidate
      aria-label="Create an account"
      onSubmit={submit(
        async (values) => {
          const { recoveryCode, user } = await signup.mutateAsync({
            ...values,
            token: link?.token,
          });
          setMade({ code: recoveryCode, email: user.email });
        },
        (error) => {
          if (isApiError(error) && error.status === 409 && !error.fields.email) {
            form.setError("email", { type: "server", message: error.message });
          }
          return undefined;
        },
      )}
    >
      <ErrorSummary errors={summary} />
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
        label="E-mail"
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        readOnly={link !== undefined}
        hint={link ? "The address the sign-up link was sent to." : undefined}
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
      {signup.isPending ? <UnlockingStatus /> : null}
    </form>
  );
}
