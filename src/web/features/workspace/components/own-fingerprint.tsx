import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { useOwnFingerprint } from "../api/workspace.ts";

/**
 * The short fingerprint of this therapist's key. A partner lets the therapist in only after
 * seeing the same groups on their own screen, so it is shown large, to be read aloud in person.
 */
export function OwnFingerprint() {
  const fingerprint = useOwnFingerprint();
  if (fingerprint.isPending) return <Loading label="Working out your fingerprint…" />;
  if (fingerprint.isError) return <ErrorState error={fingerprint.error} />;
  return (
    <div className="stack">
      <p className="workspace-fingerprint">
        <span className="visually-hidden">Your fingerprint: </span>
        {fingerprint.data.split(" ").map((group, i) => (
          // The same group can appear twice; its place is what tells them apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: groups are positional
          <span key={i} className="workspace-fingerprint__group">
            {group}
          </span>
        ))}
      </p>
      <p className="muted small">
        Show or read these groups to the couple in person, not by e-mail or message. Each partner
        compares them with what Mend shows on their own screen before letting you in.
      </p>
    </div>
  );
}
