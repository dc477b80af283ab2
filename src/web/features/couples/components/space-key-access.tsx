import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { keyFingerprint } from "../../../../client/crypto/account-keys.ts";
import { grantPartner } from "../../../../client/session.ts";
import { api, currentKeyring } from "../../../ui/api-client.ts";
import { Button } from "../../../ui/button.tsx";
import { Card } from "../../../ui/card.tsx";
import { LiveStatus } from "../../../ui/status.tsx";
import { type CoupleViewData, coupleQueryKey } from "../api/couple.ts";

function useFingerprint(publicKey: string) {
  return useQuery({
    queryKey: ["fingerprint", publicKey],
    queryFn: () => keyFingerprint(publicKey),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * After an account reset one partner holds no key to what the couple shares. The other can give
 * it again, from their own browser, once the two have compared the new key's fingerprint in
 * person, so nobody who only took over the account gets in.
 */
export function SpaceKeyAccess({ couple }: { couple: CoupleViewData }) {
  const me = couple.partners.find((p) => p.id === couple.me.id);
  const partner = couple.partners.find((p) => p.id !== couple.me.id);
  if (me && !me.hasSpaceKey) return <WaitingForAccess publicKey={me.publicKey} partner={partner} />;
  if (partner && !partner.hasSpaceKey) return <GiveAccess partner={partner} />;
  return null;
}

function WaitingForAccess({
  publicKey,
  partner,
}: {
  publicKey: string;
  partner: CoupleViewData["partners"][number] | undefined;
}) {
  const fingerprint = useFingerprint(publicKey);
  const name = partner?.name ?? "your partner";
  return (
    <Card title={`Waiting for ${name} to let you back in`} tone="attention">
      <p>
        Your account has new keys, so what the two of you share is locked to you for now. {name} can
        open it for you again from their own device. What you kept private before the reset stays
        sealed with your earlier keys.
      </p>
      <p>When you are together, show {name} this code; they will see the same one:</p>
      <p className="recovery-code__value">
        <code>{fingerprint.data ?? "…"}</code>
      </p>
    </Card>
  );
}

function GiveAccess({ partner }: { partner: CoupleViewData["partners"][number] }) {
  const fingerprint = useFingerprint(partner.publicKey);
  const queryClient = useQueryClient();
  const [checked, setChecked] = useState(false);
  const checkId = `checked${useId().replace(/:/g, "")}`;
  const give = useMutation({
    mutationFn: async () => {
      const keyring = currentKeyring();
      if (!keyring) throw new Error("Your private space is locked on this device.");
      await grantPartner(api, keyring, partner);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: coupleQueryKey }),
  });
  return (
    <Card title={`${partner.name} can't open what you share`} tone="attention">
      <p>
        {partner.name}'s account was reset and has new keys. Only you can let them back into what
        the two of you share. Do it only after checking, in person, that it is really them.
      </p>
      <p>Ask {partner.name} to show you the code on their Home. It should read:</p>
      <p className="recovery-code__value">
        <code>{fingerprint.data ?? "…"}</code>
      </p>
      <div className="check">
        <input
          id={checkId}
          type="checkbox"
          checked={checked}
          onChange={(event) => setChecked(event.target.checked)}
        />
        <label htmlFor={checkId}>
          We compared the codes together, in person, and they are the same.
        </label>
      </div>
      <div className="actions">
        <Button disabled={!checked} busy={give.isPending} onClick={() => give.mutate()}>
          Let {partner.name} back in
        </Button>
      </div>
      <LiveStatus message={give.isError ? "That didn't work. Please try again." : ""} />
    </Card>
  );
}
