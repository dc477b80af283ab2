import { type BaseSyntheticEvent, useState } from "react";
import {
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
  useForm,
} from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors, summaryErrors } from "./form-errors.ts";

const COULD_NOT_LOAD =
  "We couldn't reach Mend to check this form. Check your connection, or reload the page.";

interface Options<I extends FieldValues> {
  defaultValues: DefaultValues<I>;
  /** Send only the fields on screen (a form whose fields change with a choice). */
  shouldUnregister?: boolean;
  /** Each field's input id, so the error summary links to it and server messages land by it. */
  fieldIds: Partial<Record<Path<I>, string>>;
}

/**
 * Checks with `schema`, loading zod's resolver on the first check. A page whose first paint
 * should not wait for zod passes a loader of its schema instead, run on that first check too.
 */
function lazyResolver(schema: z.ZodType | (() => Promise<z.ZodType>)): Resolver<FieldValues> {
  return async (values, context, options) => {
    const [{ zodResolver }, checked] = await Promise.all([
      import("@hookform/resolvers/zod"),
      typeof schema === "function" ? schema() : schema,
    ]);
    // The resolver's types cannot follow a generic schema; the schema is what checks the form.
    return zodResolver(checked as never)(values as never, context, options as never);
  };
}

/**
 * A form checked by a contract schema, the way every Mend form works: errors next to fields and
 * in a linked summary, the server's field messages put by their inputs, and a calm status line
 * after success. `submit(send)` returns the submit handler; `send` may return the status text
 * to show.
 */
export function useSchemaForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S | (() => Promise<S>),
  { defaultValues, fieldIds, shouldUnregister = false }: Options<z.input<S>>,
) {
  type Input = z.input<S>;
  type Output = z.output<S>;
  const form = useForm<Input, unknown, Output>({
    resolver: lazyResolver(schema) as never,
    defaultValues,
    shouldUnregister,
  });
  const [serverMessages, setServerMessages] = useState<string[]>([]);
  const [status, setStatus] = useState("");
  const { errors } = form.formState;

  /**
   * `explain` may read a failure first (a wrong password, a taken e-mail): it can mark fields,
   * and return the summary's messages itself, or nothing to let the server's messages stand.
   */
  function submit(
    send: (values: Output) => Promise<unknown>,
    explain?: (error: unknown) => string[] | undefined,
  ) {
    const known = Object.keys(fieldIds) as Path<Input>[];
    const handle = form.handleSubmit(async (values) => {
      setServerMessages([]);
      setStatus("");
      try {
        const done = await send(values);
        if (typeof done === "string") setStatus(done);
      } catch (error) {
        setServerMessages(explain?.(error) ?? applyServerErrors(error, form.setError, known));
      }
    });
    // The checking code comes on the first check: offline, or after a new version replaced
    // the files this page knows, it cannot, and the person is told rather than left waiting.
    return (event?: BaseSyntheticEvent) =>
      handle(event).catch(() => setServerMessages([COULD_NOT_LOAD]));
  }

  /** Back to the start: the form's values, its errors and any server messages. */
  function clear() {
    form.reset();
    setServerMessages([]);
    setStatus("");
  }

  return {
    form,
    errors,
    submit,
    clear,
    summary: summaryErrors(errors, fieldIds, serverMessages),
    status,
  };
}
