import { useId, useState } from "react";
import { DeleteAccountForm } from "../../../../contracts/account.ts";
import { isApiError } from "../../../ui/api-client.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextField } from "../../../ui/field.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useDeleteAccount } from "../api/account.ts";
import { useMe } from "../api/me.ts";

/** Deleting the account: a deliberate second step, with the password, and no drama. */
export function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const [open, setOpen] = useState(false);
  const panelId = `d${useId().replace(/:/g, "")}`;
  const remove = useDeleteAccount();
  const email = useMe().data?.user.email ?? "";
  const { form, errors, submit, clear, summary } = useSchemaForm(DeleteAccountForm, {
    defaultValues: { password: "" },
    fieldIds: { password: "delete-password" },
  });

  return (
    <div className="stack-sm">
      <p>
        Deleting your account signs you out everywhere and removes your account from Mend. If you're
        in a couple, you leave it. Mend does not send your partner a message about it.
      </p>
      {open ? null : (
        <Button
          variant="secondary"
          aria-expanded={false}
          aria-controls={panelId}
          onClick={() => setOpen(true)}
        >
          Delete my account…
        </Button>
      )}
      {open ? (
        <div className="inline-panel inline-panel--danger" id={panelId}>
          <form
            className="form form--tight"
            noValidate
            onSubmit={submit(
              async (values) => {
                await remove.mutateAsync({ ...values, email });
                onDeleted();
              },
              (error) => {
                if (
                  isApiError(error) &&
                  (error.code === "wrong_password" || error.status === 401)
                ) {
                  form.setError("password", {
                    type: "server",
                    message: "That password isn't right. Your account has not been deleted.",
                  });
                }
                return undefined;
              },
            )}
          >
            <p className="danger-title">This can't be undone.</p>
            <p>
              Take a moment if you need it. If you only want a break, you can simply sign out;
              everything will be here when you come back.
            </p>
            <ErrorSummary errors={summary} />
            <TextField
              id="delete-password"
              className="field--short"
              label="Your password, to confirm"
              type="password"
              autoComplete="current-password"
              error={errors.password?.message}
              {...form.register("password")}
            />
            <div className="actions">
              <Button type="submit" variant="danger" busy={remove.isPending}>
                Delete my account for good
              </Button>
              <Button
                variant="quiet"
                onClick={() => {
                  setOpen(false);
                  clear();
                }}
              >
                Keep my account
              </Button>
            </div>
          </form>
        </div>
      ) : null}
    </div>
  );
}
