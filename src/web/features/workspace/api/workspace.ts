import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { keyFingerprint, newItemId } from "../../../../client/crypto/account-keys.ts";
import { b64 } from "../../../../client/crypto/encoding.ts";
import { readSharedCouple, signUpTherapist } from "../../../../client/session.ts";
import {
  type CaseloadCouple,
  type SharedItem,
  type TherapistCoupleView,
  therapistRoutes,
} from "../../../../contracts/therapists.ts";
import { deriveInWorker } from "../../../crypto/derive.ts";
import { api, currentKeyring, featureKey, keyOf } from "../../../ui/api-client.ts";
import { useRefreshingMutation } from "../../../ui/use-refreshing-mutation.ts";
import { unlockDevice } from "../../account/api/device-keys.ts";
import { holdForRecoveryCode, meQueryKey, outlivesSession } from "../../account/api/me.ts";

export type { CaseloadCouple, SharedItem };
export type SharedCouple = z.infer<typeof TherapistCoupleView>;

const therapistFeature = featureKey(therapistRoutes.caseload);

function openedKeys() {
  const opened = currentKeyring()?.opened;
  if (!opened) throw new Error("Your keys are locked on this device. Sign in again.");
  return opened;
}

/** The address an operator's invite is for, while the link is unused. */
export function useTherapistInvite(token: string, enabled: boolean) {
  return useQuery({
    queryKey: keyOf(therapistRoutes.invitePreview, { params: { token } }),
    queryFn: ({ signal }) =>
      api.call(therapistRoutes.invitePreview, { params: { token } }, { signal }),
    enabled,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * The therapist's account, keys made in this browser. The app stays "signed out" until the
 * second factor is set up, so no screen moves on before the codes were kept.
 */
export function useTherapistSignup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { token: string; email: string; name: string; password: string }) => {
      holdForRecoveryCode(true);
      try {
        const made = await signUpTherapist(api, input, deriveInWorker);
        await unlockDevice(made.opened, made.unlockKey);
        return made;
      } catch (error) {
        holdForRecoveryCode(false);
        throw error;
      }
    },
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (query) => !outlivesSession(query.queryKey) });
    },
  });
}

/** A TOTP or recovery code gives this session its second factor; then "who am I" again. */
export function useSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    // A wrong code is answered 401: that is an answer here, not a lost session.
    mutationFn: (code: string) =>
      api.call(therapistRoutes.totp, { body: { code } }, { expectUnauthorized: true }),
    onSuccess: async () => {
      holdForRecoveryCode(false);
      await queryClient.refetchQueries({ queryKey: meQueryKey });
    },
  });
}

export function useInvitations() {
  return useQuery({
    queryKey: keyOf(therapistRoutes.invitations),
    queryFn: ({ signal }) => api.call(therapistRoutes.invitations, {}, { signal }),
    refetchInterval: 60_000,
  });
}

export function useAnswerInvitation() {
  return useRefreshingMutation(
    [therapistFeature],
    ({ linkId, answer }: { linkId: string; answer: "accept" | "decline" }) =>
      api.call(answer === "accept" ? therapistRoutes.accept : therapistRoutes.decline, {
        params: { linkId },
      }),
  );
}

/**
 * Every read of a couple's data is a line in that couple's audit: these are read when the
 * therapist opens the page or asks again, never on a timer or on returning to the window.
 */
const ON_REQUEST = { refetchOnWindowFocus: false, refetchOnReconnect: false } as const;

export function useCaseload() {
  return useQuery({
    queryKey: keyOf(therapistRoutes.caseload),
    queryFn: ({ signal }) => api.call(therapistRoutes.caseload, {}, { signal }),
    ...ON_REQUEST,
  });
}

/** One couple's shared items, opened with the grants the reply itself carries. */
export function useSharedCouple(id: string) {
  return useQuery({
    queryKey: keyOf(therapistRoutes.couple, { params: { id } }),
    queryFn: () => readSharedCouple(api, openedKeys(), id),
    ...ON_REQUEST,
  });
}

export function useNotes(id: string) {
  return useQuery({
    queryKey: keyOf(therapistRoutes.notes, { params: { id } }),
    queryFn: ({ signal }) => api.call(therapistRoutes.notes, { params: { id } }, { signal }),
  });
}

/** A private note, sealed with the therapist's own key by the one client. */
export function useAddNote(id: string) {
  return useRefreshingMutation([therapistFeature], (text: string) =>
    api.call(therapistRoutes.addNote, { params: { id }, body: { id: newItemId(), text } }),
  );
}

/** The fingerprint of this therapist's own public key, to compare with the couple in person. */
export function useOwnFingerprint() {
  return useQuery({
    queryKey: ["workspace", "own-fingerprint", currentKeyring()?.opened.userId ?? null],
    queryFn: () => keyFingerprint(b64(openedKeys().identity.publicKey)),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
