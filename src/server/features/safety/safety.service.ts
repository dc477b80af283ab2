import { z } from "zod";
import type { CrisisResource, SafetyCheck } from "../../../contracts/safety.ts";
import {
  evaluateSafetyCheck,
  feelsSafeEnoughToGoOn,
  RISKY_FEATURES,
  SAFETY_AREAS,
  SAFETY_QUESTIONS,
} from "../../../domain/safety-check.ts";
import { type Actor, type Scope, scopeOf } from "../../platform/access.ts";
import type { SafetyCheckRow } from "../../platform/db-schema.ts";
import { errors } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { storedEnum } from "../../platform/stored.ts";
import type { ServiceDeps } from "../deps.ts";
import type { SafetyStore } from "./safety.store.ts";

/** What the safety check needs from the couple: the viewer's own private flags, nothing else. */
export interface MemberFlags {
  setSafeEnough(scope: Scope, value: boolean): Promise<void>;
  individualMode(scope: Scope): Promise<boolean>;
}

const StoredAnswers = z.record(z.string(), z.string());

function present(row: SafetyCheckRow): z.infer<typeof SafetyCheck> {
  const result = evaluateSafetyCheck(StoredAnswers.parse(JSON.parse(row.answers)));
  return {
    id: row.id,
    at: row.at,
    concern: row.concern === 1,
    areas: result.ok ? result.areas.map((area) => storedEnum(SAFETY_AREAS, area)) : [],
  };
}

/**
 * The private safety check. Its answers are read by their author alone, it notifies nobody, and
 * nothing of it shows in what the partner sees: not a count, not a time.
 */
export function safetyService(
  { clock }: ServiceDeps,
  store: SafetyStore,
  resources: z.infer<typeof CrisisResource>[],
  members: MemberFlags,
) {
  return {
    questions: () => SAFETY_QUESTIONS.map((q) => ({ ...q, options: [...q.options] })),
    resources: () => resources,

    async take(actor: Actor, answers: Record<string, string>) {
      const result = evaluateSafetyCheck(answers);
      if (!result.ok) {
        throw errors.invalid(
          Object.fromEntries(
            Object.entries(result.fields).map(([key, message]) => [`answers.${key}`, message]),
          ),
          "Please answer every question; “I'd rather not say” is always fine.",
        );
      }
      const row: SafetyCheckRow = {
        id: newId(),
        user_id: actor.userId,
        answers: JSON.stringify(answers),
        concern: result.concern ? 1 : 0,
        at: clock.now().toISOString(),
      };
      await store.insert(row);
      // Someone not (or no longer) in a couple takes the check just the same.
      const scope = actor.coupleId ? scopeOf(actor) : null;
      if (scope) await members.setSafeEnough(scope, feelsSafeEnoughToGoOn(answers));
      return {
        check: present(row),
        resources: result.concern ? resources : [],
        riskyFeatures: result.concern ? RISKY_FEATURES.map((f) => ({ ...f })) : [],
        individualMode: scope ? await members.individualMode(scope) : false,
      };
    },

    async list(actor: Actor) {
      return (await store.listOwn(actor.userId)).map(present);
    },
  };
}
export type SafetyService = ReturnType<typeof safetyService>;
