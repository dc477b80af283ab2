import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { newItemId } from "../../../../client/crypto/account-keys.ts";
import { joinCouple, newInviteLink, startCouple } from "../../../../client/session.ts";
import {
  type CoupleView,
  type CreateCoupleReply,
  coupleRoutes,
  type InvitePreview,
  type PhaseChangeBody,
} from "../../../../contracts/couples.ts";
import type { Draft } from "../../../../contracts/words.ts";
import type { Stance } from "../../../../domain/stance.ts";
import { api, currentKeyring, isApiError, keyOf } from "../../../ui/api-client.ts";
import { meQueryKey as meKey } from "../../account/api/me.ts";

export const coupleQueryKey = keyOf(coupleRoutes.view);

export type CoupleViewData = z.infer<typeof CoupleView>;
export type InviteLinkData = z.infer<typeof CreateCoupleReply>["invite"];
export type PhaseChangeInput = Draft<z.output<typeof PhaseChangeBody>>;

/** The couple as this partner sees it. Polls gently so a partner's answer shows up. */
export function useCouple(enabled = true) {
  return useQuery({
    queryKey: coupleQueryKey,
    queryFn: ({ signal }) => api.call(coupleRoutes.view, {}, { signal }),
    refetchInterval: 30_000,
    enabled,
  });
}

function requireKeyring() {
  const keyring = currentKeyring();
  if (!keyring) throw new Error("Your private space is locked on this device. Sign in again.");
  return keyring;
}

/**
 * Starts the couple with a new space key; the invite's `url` is the whole link to send, the
 * key's secret after `#k=` (a fragment never reaches the server).
 */
export function useCreateCouple() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (stance: Stance) => {
      const keyring = requireKeyring();
      const started = await startCouple(api, keyring.opened, stance);
      keyring.forgetSpace();
      return { ...started, invite: { ...started.invite, url: started.link } };
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coupleQueryKey }),
  });
}

/** A fresh invite link (with a new box for the key); the old one stops working. */
export function useNewInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const { invite, link } = await newInviteLink(api, requireKeyring());
      return { invite: { ...invite, url: link } };
    },
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

export type InvitePreviewData = z.infer<typeof InvitePreview>;

/** Joins with the space key the link's secret opened, granted to oneself in this browser. */
export function useAcceptInvite(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      stance,
      preview,
      spaceKey,
    }: {
      stance: Stance;
      preview: InvitePreviewData;
      spaceKey: Uint8Array;
    }) => {
      const keyring = requireKeyring();
      const reply = await joinCouple(api, keyring.opened, token, preview, spaceKey, stance);
      keyring.forgetSpace();
      return reply;
    },
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
      const reply = await api.call(coupleRoutes.changePhase, {
        body: body.reason ? { ...body, reasonId: newItemId() } : body,
      });
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
    /** Names the suggestion answered, so a stale screen cannot end another one. */
    mutationFn: (id: string) => api.call(coupleRoutes.cancelPendingPhase, { query: { id } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: coupleQueryKey }),
  });
}
