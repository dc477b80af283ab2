import { useEffect, useRef } from "react";
import type { CoupleView } from "../../../../contracts/couples.ts";
import { Button } from "../../../ui/button.tsx";
import { formatDate } from "../../../ui/format.ts";
import { Notice } from "../../../ui/status.tsx";
import { useRotateSpaceKey } from "../../therapists/api/therapists.ts";

/**
 * Home, after the partner left (ADR 0026): said plainly, and the new space key made here, for
 * this person alone, as after a therapist was unlinked.
 */
export function PartnerLeft({ couple }: { couple: CoupleView }) {
  const left = couple.partnerLeft ?? null;
  const rotate = useRotateSpaceKey();
  const tried = useRef(false);
  const owed = left?.keyChangeOwed ?? false;

  useEffect(() => {
    if (!owed || tried.current) return;
    tried.current = true;
    rotate.mutate(null);
  }, [owed, rotate]);

  if (!left) return null;
  return (
    <Notice title={`${left.name} left the couple space on ${formatDate(left.at)}`}>
      <p>
        What you both shared stays here, and you can still read all of it. Their private items went
        with them.
      </p>
      {owed ? (
        <p>
          {rotate.isError
            ? "Your space still needs a new key, so that nothing you write from now on opens for them. Making it didn't work just now."
            : "Your browser is making a new key for your space, so nothing you write from now on opens for them."}
        </p>
      ) : (
        <p>Your space has a new key: nothing you write from now on opens for them.</p>
      )}
      {owed && rotate.isError ? (
        <div className="actions">
          <Button variant="secondary" busy={rotate.isPending} onClick={() => rotate.mutate(null)}>
            Make the new key
          </Button>
        </div>
      ) : null}
    </Notice>
  );
}
