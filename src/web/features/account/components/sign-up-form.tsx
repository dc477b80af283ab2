import { SignupBody } from "../../../../contracts/account.ts";
import { LIMITS } from "../../../../domain/limits.ts";
import { isApiError } from "../../../ui/api-client.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextField } from "../../../ui/field.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useSignup } from "../api/auth.ts";

const FIELD_IDS = { name: "signup-name", email: "signup-email", password: "signup-password" };

/** Create an account. Signs in on success; the caller decides where to go next. */
export function SignUpForm({ onSuccess }: { onSuccess?: () => void }) {
  const signup = useSignup();
  const { form, errors, submit, summary } = useSchemaForm(SignupBody, {
    defaultValues: { name: "", email: "", password: "" },
    fieldIds: FIELD_IDS,
  });

  return (
    <form
      className="form"
      noValidate
      aria-label="Create an account"
      onSubmit={submit(
        async (values) => {
          // The form may unmount once signed in; the promise still settles here.
          await signup.mutateAsync(values);
          onSuccess?.();
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
