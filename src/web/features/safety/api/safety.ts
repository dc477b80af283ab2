import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { newItemId } from "../../../../client/crypto/account-keys.ts";
import { coupleRoutes } from "../../../../contracts/couples.ts";
import {
  type SafetyQuestionsReply,
  type SafetyResourcesReply,
  safetyRoutes,
} from "../../../../contracts/safety.ts";
import {
  evaluateSafetyCheck,
  feelsSafeEnoughToGoOn,
  RISKY_FEATURES,
  type RiskyFeature,
  type SafetyArea,
} from "../../../../domain/safety-check.ts";
import { api, isApiError, keyOf } from "../../../ui/api-client.ts";

export type SafetyQuestion = z.infer<typeof SafetyQuestionsReply>["questions"][number];
export type CrisisResource = z.infer<typeof SafetyResourcesReply>["resources"][number];

/** A check as this browser reads it: the server never learns whether it raised a concern. */
export interface ReadCheck {
  id: string;
  at: string;
  concern: boolean;
  areas: SafetyArea[];
}

export interface SafetyResult {
  check: ReadCheck;
  resources: CrisisResource[];
  riskyFeatures: RiskyFeature[];
}

function readCheck(check: {
  id: string;
  at: string;
  answers: Record<string, string> | null;
}): ReadCheck {
  const result = check.answers ? evaluateSafetyCheck(check.answers) : null;
  return {
    id: check.id,
    at: check.at,
    concern: result?.ok ? result.concern : false,
    areas: result?.ok ? result.areas : [],
  };
}

const checksKey = keyOf(safetyRoutes.list);
/** "Safe enough" and individual-only mode live in the viewer's own couple view. */
const coupleKey = keyOf(coupleRoutes.view);

export function useSafetyQuestions() {
  return useQuery({
    queryKey: keyOf(safetyRoutes.questions),
    queryFn: ({ signal }) => api.call(safetyRoutes.questions, {}, { signal }),
    select: (reply) => reply.questions,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Crisis resources as the operator configured them; open to everyone, signed in or not. */
export function useSafetyResources() {
  return useQuery({
    queryKey: keyOf(safetyRoutes.resources),
    queryFn: ({ signal }) =>
      api.call(safetyRoutes.resources, {}, { signal, expectUnauthorized: true }),
    select: (reply) => reply.resources,
    staleTime: 10 * 60_000,
  });
}

/** The viewer's own earlier checks: never anyone else's. */
export function useSafetyChecks() {
  return useQuery({
    queryKey: checksKey,
    queryFn: ({ signal }) => api.call(safetyRoutes.list, {}, { signal }),
    select: (reply) => reply.checks.map(readCheck),
  });
}

/**
 * Seals and sends the answers, and works out here what they mean: a concern shows the resources
 * and what could make things worse, and "safe enough to go on" is told to the server as a bare
 * yes or no. The result is kept by the screen that asked, never in the shared cache, so it is
 * gone once the person moves on.
 */
export function useTakeSafetyCheck() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (answers: Record<string, string>): Promise<SafetyResult> => {
      const { check } = await api.call(safetyRoutes.take, { body: { id: newItemId(), answers } });
      try {
        await api.call(coupleRoutes.safeEnough, {
          body: { safeEnough: feelsSafeEnoughToGoOn(answers) },
        });
      } catch (error) {
        // Someone not (or no longer) in a couple takes the check just the same.
        if (!isApiError(error) || error.status !== 404) throw error;
      }
      const read = readCheck({ ...check, answers });
      const resources = read.concern
        ? (await api.call(safetyRoutes.resources, {}, { expectUnauthorized: true })).resources
        : [];
      return {
        check: read,
        resources,
        riskyFeatures: read.concern ? RISKY_FEATURES.map((feature) => ({ ...feature })) : [],
      };
    },
    gcTime: 0,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: checksKey }),
        queryClient.invalidateQueries({ queryKey: coupleKey }),
      ]),
  });
}

/** Couple features paused (or back on) for the viewer alone; the partner is never told. */
export function useSetIndividualMode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (on: boolean) => api.call(coupleRoutes.individualMode, { body: { on } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: coupleKey }),
  });
}
