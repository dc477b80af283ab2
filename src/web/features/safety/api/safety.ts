import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { coupleRoutes } from "../../../../contracts/couples.ts";
import {
  type SafetyCheckReply,
  type SafetyQuestionsReply,
  type SafetyResourcesReply,
  safetyRoutes,
} from "../../../../contracts/safety.ts";
import { api, keyOf } from "../../../ui/api-client.ts";

export type SafetyQuestion = z.infer<typeof SafetyQuestionsReply>["questions"][number];
export type SafetyResult = z.infer<typeof SafetyCheckReply>;
export type CrisisResource = z.infer<typeof SafetyResourcesReply>["resources"][number];

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
    select: (reply) => reply.checks,
  });
}

/**
 * Sends the answers. The result is kept by the screen that asked, never in the shared cache,
 * so it is gone once the person moves on.
 */
export function useTakeSafetyCheck() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: Record<string, string>) =>
      api.call(safetyRoutes.take, { body: { answers } }),
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
