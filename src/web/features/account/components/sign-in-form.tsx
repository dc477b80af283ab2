import { Link } from "react-router";
import { isApiError } from "../../../../client/api-error.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextField } from "../../../ui/field.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { loadLoginSchema, preloadSignIn, useLogin } from "../api/login.ts";
import { UnlockingStatus } from "./unlocking-status.tsx";

const FIELD_IDS = { email: "signin-email", password: "signin-password" };

export function SignInForm({ onSuccess }: { onSuccess?: () => void }) {
  const login = useLogin();
  const { form, errors, submit, summary } = useSchemaForm(loadLoginSchema, {
    defaultValues: { email: "", password: "" },
    fieldIds: FIELD_IDS,
  });

  return (
    <form
      className="form"
      noValidate
      aria-label="Sign in"
      onFocus={preloadSignIn}
      onSubmit={submit(
        async (values) => {
          // The form may unmount once signed in; the promise still settles here.
          await login.mutateAsync(values);
          onSuccess?.();
        },
        (error) => {
          if (!isApiError(error) || error.status !== 401) return undefined;
          form.resetField("password");
          return ["That e-mail and password don't match an account. Check them and try again."];
        },
      )}
    >
      <ErrorSummary errors={summary} />
      <TextField
        id={FIELD_IDS.email}
        label="E-mail"
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
        <Link to="/recover">Forgot your password?</Link>
      </div>
      {login.isPending ? <UnlockingStatus /> : null}
    </form>
  );
}
