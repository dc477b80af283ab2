import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { z } from "zod";
import { Email } from "../../../../contracts/account.ts";
import { isApiError } from "../../../ui/api-client.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextField } from "../../../ui/field.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";

const AddressOnly = z.object({ email: Email });

/**
 * Asks for a link by e-mail (a sign-in link, a sign-up link). The server answers the same
 * whether or not the address has an account, and so does this: `sent` says what comes next.
 */
export function MailedLinkForm({
  id,
  label,
  intro,
  sent,
  send,
}: {
  id: string;
  label: string;
  intro: ReactNode;
  sent: (email: string) => ReactNode;
  send: (email: string) => Promise<unknown>;
}) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const ask = useMutation({ mutationFn: send });
  const { form, errors, submit, summary } = useSchemaForm(AddressOnly, {
    defaultValues: { email: "" },
    fieldIds: { email: id },
  });

  if (sentTo) {
    return (
      <div role="status">
        {sent(sentTo)}
        <p>Nothing came after a few minutes? Look in your spam folder, then ask again.</p>
      </div>
    );
  }
  return (
    <form
      className="form"
      noValidate
      aria-label={label}
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
      {intro}
      <ErrorSummary errors={summary} />
      <TextField
        id={id}
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
