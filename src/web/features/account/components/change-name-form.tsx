import { ChangeNameBody } from "../../../../contracts/account.ts";
import { LIMITS } from "../../../../domain/limits.ts";
import { Button } from "../../../ui/button.tsx";
import { ErrorSummary } from "../../../ui/error-summary.tsx";
import { TextField } from "../../../ui/field.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { useSchemaForm } from "../../../ui/use-schema-form.ts";
import { useChangeName } from "../api/name.ts";

const FIELD_IDS = { name: "account-name" };

/** The name is not sealed: the partner, and a therapist the couple links, read it as it is. */
export function ChangeNameForm({ name }: { name: string }) {
  const change = useChangeName();
  const { form, errors, submit, summary, status } = useSchemaForm(ChangeNameBody, {
    defaultValues: { name },
    fieldIds: FIELD_IDS,
  });
  return (
    <form
      className="form form--tight"
      noValidate
      onSubmit={submit(async (values) => {
        const { user } = await change.mutateAsync(values.name);
        form.reset({ name: user.name });
        return `Saved. Your partner now sees you as ${user.name}.`;
      })}
    >
      <ErrorSummary errors={summary} />
      <TextField
        id={FIELD_IDS.name}
        className="field--short"
        label="Your name"
        autoComplete="name"
        maxLength={LIMITS.nameMax}
        hint="What your partner sees, and a therapist if you link one. Unlike your words, it is not sealed."
        error={errors.name?.message}
        {...form.register("name")}
      />
      <div className="actions">
        <Button type="submit" variant="secondary" busy={change.isPending}>
          Save name
        </Button>
      </div>
      <LiveStatus message={status} />
    </form>
  );
}
