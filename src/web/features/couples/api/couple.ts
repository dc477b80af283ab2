import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { accountRoutes } from "../../../../contracts/account.ts";
import {
  type CoupleView,
  type CreateCoupleBody,
  type CreateCoupleReply,
  coupleRoutes,
  type PhaseChangeBody,
} from "../../../../contracts/couples.ts";
import type { Stance } from "../../../../domain/stance.ts";
import { api, isApiError, keyOf } from "../../../ui/api-client.ts";

export const coupleQueryKey = keyOf(coupleRoutes.view);
const meKey = keyOf(accountRoutes.me);

export type CoupleViewData = z.infer<typeof CoupleView>;
export type InviteLinkData = z.infer<typeof CreateCoupleReply>["invite"];
export type PhaseChangeInput = z.output<typeof PhaseChangeBody>;

/** The couple as this partner sees it. Polls gently so a partner's answer shows up. */
export function useCouple(enabled = true) {
  return useQuery({
    queryKey: coupleQueryKey,
    queryFn: ({ signal }) => api.call(coupleRoutes.view, {}, { signal }),
    refetchInterval: 30_000,
    enabled,
  });
}

export function useCreateCouple() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof CreateCoupleBody>) =>
      api.call(coupleRoutes.create, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coupleQueryKey }),
  });
}

/** A fresh invite link; the old one stops working. */
export function useNewInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.call(coupleRoutes.newInvite),
    onSettled: () => queryClient.invalidateQueries({ queryKey: coupleQueryKey }),
  });
}

export const invitePreviewKey = (token: string) =>
  keyOf(coupleRoutes.previewInvite, { params: { token } });

/** Who sent an invite; null when the link is unknown, used or expired. */
export function useInvitePreview(token: string) {
  return useQuery({
    queryKey: invitePreviewKey(token),
    queryFn: async ({ signal }) => {
      try {
        return await api.call(
          coupleRoutes.previewInvite,
          { params: { token } },
          { signal, expectUnauthorized: true },
        );
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function useAcceptInvite(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (stance: Stance) =>
      api.call(coupleRoutes.acceptInvite, { params: { token }, body: { stance } }),
    onSuccess: (reply) => {
      // Known now: update "who am I" at once so Home opens without a detour.
      queryClient.setQueryData<{ couple: unknown } | null>(meKey, (me) =>
        me ? { ...me, couple: reply.couple } : me,
      );
      void queryClient.invalidateQueries({ queryKey: meKey });
      void queryClient.invalidateQueries({ queryKey: coupleQueryKey });
    },
  });
}

export function useSetSafeEnough() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (safeEnough: boolean) =>
      api.call(coupleRoutes.safeEnough, { body: { safeEnough } }),
    onMutate: async (safeEnough) => {
      await queryClient.cancelQueries({ queryKey: coupleQueryKey });
      const previous = queryClient.getQueryData<CoupleViewData>(coupleQueryKey);
      if (previous) {
        queryClient.setQueryData<CoupleViewData>(coupleQueryKey, {
          ...previous,
          me: { ...previous.me, safeEnough },
        });
      }
      return { previous };
    },
    onError: (_error, _value, context) => {
      if (context?.previous) queryClient.setQueryData(coupleQueryKey, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: coupleQueryKey }),
  });
}

/** Propose or confirm a move forward (202 / 200), or step back at once (200). */
export function useChangePhase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PhaseChangeInput) => {
      // Both answers are checked: a proposal waits for the partner, a change is done.
      const reply = await api.call(coupleRoutes.changePhase, { body });
      return "pending" in reply
        ? ({ kind: "proposed", to: reply.pending.to } as const)
        : ({ kind: "changed", phase: reply.phase } as const);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: coupleQueryKey }),
        queryClient.invalidateQueries({ queryKey: meKey }),
      ]),
  });
}

/** The proposer withdraws, or the other partner says "not yet". */
export function useCancelPendingPhase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.call(coupleRoutes.cancelPendingPhase),
    onSettled: () => queryClient.invalidateQueries({ queryKey: coupleQueryKey }),
  });
}
