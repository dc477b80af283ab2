import type { z } from "zod";
import type { CrisisResource, SafetyCheckBody } from "../../../contracts/safety.ts";
import { SAFETY_QUESTIONS } from "../../../domain/safety-check.ts";
import type { Actor } from "../../platform/access.ts";
import type { SafetyCheckRow } from "../../platform/db-schema.ts";
import type { ServiceDeps } from "../deps.ts";
import type { SafetyStore } from "./safety.store.ts";

/** The stored answers are an envelope only the author's browser opens; the type says plain. */
const sealedAnswers = (answers: z.infer<typeof SafetyCheckBody>["answers"]) =>
  answers as unknown as string;

/**
 * The private safety check. The server keeps its answers sealed and never learns them: whether
 * they raise a concern, and what follows (resources, feeling safe enough), is worked out in the
 * author's browser. It notifies nobody, and nothing of it shows in what the partner sees.
 */
export function safetyService(
  { clock }: ServiceDeps,
  store: SafetyStore,
  resources: z.infer<typeof CrisisResource>[],
) {
  return {
    questions: () => SAFETY_QUESTIONS.map((q) => ({ ...q, options: [...q.options] })),
    resources: () => resources,

    async take(actor: Actor, input: z.infer<typeof SafetyCheckBody>) {
      const row: SafetyCheckRow = {
        id: input.id,
        user_id: actor.userId,
        answers: sealedAnswers(input.answers),
        at: clock.now().toISOString(),
      };
      await store.insert(row);
      return { check: { id: row.id, at: row.at } };
    },

    async list(actor: Actor) {
      return (await store.listOwn(actor.userId)).map((row) => ({
        id: row.id,
        at: row.at,
        answers: row.answers as unknown as z.infer<typeof SafetyCheckBody>["answers"],
      }));
    },
  };
}
export type SafetyService = ReturnType<typeof safetyService>;
