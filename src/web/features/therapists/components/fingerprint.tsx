import { useQuery } from "@tanstack/react-query";
import { keyFingerprint } from "../../../../client/crypto/account-keys.ts";
import { fingerprintGroups } from "../links.ts";

/** A key's short fingerprint in groups, so two people can read it to each other group by group. */
export function Fingerprint({ publicKey, label }: { publicKey: string; label: string }) {
  const fingerprint = useQuery({
    queryKey: ["fingerprint", publicKey],
    queryFn: () => keyFingerprint(publicKey),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!fingerprint.data) return <p className="fingerprint">…</p>;
  return (
    // A list read as one code: each group is announced on its own, in order.
    <ul className="fingerprint" aria-label={label}>
      {fingerprintGroups(fingerprint.data).map((group, index) => (
        // Groups can repeat; their place is what names them.
        // biome-ignore lint/suspicious/noArrayIndexKey: the order is the identity here
        <li key={index} className="fingerprint__group">
          <code>{group}</code>
        </li>
      ))}
    </ul>
  );
}
