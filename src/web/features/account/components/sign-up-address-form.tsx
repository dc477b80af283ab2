import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { accountRoutes, SignupVerifyBody } from "../../../../contracts/account.ts";
import { api, isApiError } from "../../../ui/api-client.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextField } from "../../../ui/field.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";

const AddressOnly = SignupVerifyBody.pick({ email: true });

/**
 * With e-mail on, the first step of signing up: the address alone. The answer is the same
 * whether or not it has an account, and so is what this says; the e-mail tells which.
 */
export function SignUpAddressForm({ next }: { next: string | null }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const ask = useMutation({
    mutationFn: (email: string) =>
      api.call(accountRoutes.signupVerify, { body: { email, ...(next ? { next } : {}) } }),
  });
  const { form, errors, submit, summary } = useSchemaForm(AddressOnly, {
    defaultValues: { email: "" },
    fieldIds: { email: "signup-email" },
  });

  if (sentTo) {
    return (
      <div role="status">
        <p>
          <strong>Check your e-mail.</strong> We sent a message to {sentTo}. It has a link to go on
          signing up, which works once, for a day.
        </p>
        <p>Nothing came after a few minutes? Look in your spam folder, then ask again.</p>
      </div>
    );
  }

  return (
    <form
      className="form"
      noValidate
      aria-label="Create an account"
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
      <p>First your e-mail address: we send you a link to go on from there.</p>
      <ErrorSummary errors={summary} />
      <TextField
        id="signup-email"
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
  );
}
