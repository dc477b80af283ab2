import { useQuery } from "@tanstack/react-query";
import { grantTherapist, rotateSpaceKey } from "../../../../client/session.ts";
import { coupleRoutes } from "../../../../contracts/couples.ts";
import { type TherapistLink, therapistRoutes } from "../../../../contracts/therapists.ts";
import { liveLink, type ShareableType } from "../../../../domain/therapist-links.ts";
import { api, currentKeyring, isApiError, keyOf } from "../../../ui/api-client.ts";
import { useRefreshingMutation } from "../../../ui/use-refreshing-mutation.ts";

export type { TherapistLink };

export const linksQueryKey = keyOf(therapistRoutes.links);
export const auditQueryKey = keyOf(therapistRoutes.audit);
/** A grant or a new key changes the couple's own grants, read from the couple view. */
const coupleKey = keyOf(coupleRoutes.view);

/** The couple's therapist links, the standing one and earlier ones. Polls so consent shows up. */
export function useTherapistLinks(enabled = true) {
  return useQuery({
    queryKey: linksQueryKey,
    queryFn: ({ signal }) => api.call(therapistRoutes.links, {}, { signal }),
    refetchInterval: 30_000,
    enabled,
  });
}

/**
 * The therapist of an active link, or null: forms offer "and your therapist" only then. A
 * failed read offers nothing rather than stopping the couple's screens.
 */
export function useActiveTherapist(enabled = true): { id: string; name: string } | null {
  const links = useTherapistLinks(enabled);
  const link = links.data ? liveLink(links.data.links) : null;
  return link?.status === "active" ? { id: link.therapist.id, name: link.therapist.name } : null;
}

/** The couple's audit chain, oldest first as the chain is linked. */
export function useAudit(enabled = true) {
  return useQuery({
    queryKey: auditQueryKey,
    queryFn: ({ signal }) => api.call(therapistRoutes.audit, {}, { signal }),
    refetchInterval: 60_000,
    enabled,
  });
}

function requireKeyring() {
  const keyring = currentKeyring();
  if (!keyring) throw new Error("Your private space is locked on this device. Sign in again.");
  return keyring;
}

/** No therapist has that address: said kindly by the form, not as a failure. */
export function isNoSuchTherapist(error: unknown): boolean {
  return isApiError(error) && error.status === 404;
}

export function useProposeTherapist() {
  return useRefreshingMutation([linksQueryKey, auditQueryKey], (email: string) =>
    api.call(therapistRoutes.propose, { body: { email } }),
  );
}

export function useConsentTherapist() {
  return useRefreshingMutation([linksQueryKey, auditQueryKey], (linkId: string) =>
    api.call(therapistRoutes.consent, { params: { linkId } }),
  );
}

/** "Not now" to a partner's proposal: the same DELETE, before any key was granted. */
export function useEndLink() {
  return useRefreshingMutation([linksQueryKey, auditQueryKey], (linkId: string) =>
    api.call(therapistRoutes.unlink, { params: { linkId } }),
  );
}

export function useGrantTherapist() {
  return useRefreshingMutation([linksQueryKey, auditQueryKey, coupleKey], (link: TherapistLink) =>
    grantTherapist(api, requireKeyring(), link),
  );
}

/**
 * Ends a link at once. When the therapist held a key, a new space key follows for the two
 * partners alone (the partner's public key from the couple view); if that fails (offline), the
 * link has still ended and the server keeps the therapist out: `rotated` says so.
 */
export function useUnlinkTherapist() {
  return useRefreshingMutation(
    [linksQueryKey, auditQueryKey, coupleKey],
    async ({ link, partner }: { link: TherapistLink; partner: PartnerKey | null }) => {
      await api.call(therapistRoutes.unlink, { params: { linkId: link.id } });
      if (link.grantedVersions.length === 0) return { rotated: true };
      try {
        await rotateSpaceKey(api, requireKeyring(), partner);
        return { rotated: true };
      } catch {
        return { rotated: false };
      }
    },
  );
}

type PartnerKey = { id: string; publicKey: string };

/** The new key again, after an unlink whose key change did not go through. */
export function useRotateSpaceKey() {
  return useRefreshingMutation(
    [linksQueryKey, coupleKey, auditQueryKey],
    (partner: PartnerKey | null) => rotateSpaceKey(api, requireKeyring(), partner),
  );
}

export function useShareWithTherapist() {
  return useRefreshingMutation(
    [auditQueryKey],
    (input: { type: ShareableType; id: string; shared: boolean }) =>
      api.call(therapistRoutes.share, { body: input }),
  );
}
