import { useState } from "react";
import type { ShareableType } from "../../../../domain/therapist-links.ts";
import { Button } from "../../../ui/button.tsx";
import { useOptionalPeople } from "../../../ui/people.tsx";
import { useShareWithTherapist } from "../api/therapists.ts";
import "../therapists.css";

interface ShareToggleProps {
  type: ShareableType;
  id: string;
  /** The item's author: only one's own items can be shared. */
  by: string;
  /** Whether the item is shared with the therapist now, as its own reply says. */
  shared: boolean;
  /** What the item is, for screen readers ("your statement, version 2"). */
  itemLabel?: string;
}

/**
 * "Share with our therapist" on one's own reflection, statement version, addendum, story
 * paragraph, promise or check-in, shown only while a therapist's link is active.
 */
export function ShareWithTherapist({ type, id, by, shared, itemLabel }: ShareToggleProps) {
  const people = useOptionalPeople();
  const therapist = people?.therapist ?? null;
  const mine = people?.meId === by;
  const share = useShareWithTherapist();
  const [failed, setFailed] = useState(false);
  const [stopped, setStopped] = useState(false);
  if (!therapist || !mine || !people) return null;
  const about = itemLabel ? ` ${itemLabel}` : "";

  function toggle(next: boolean) {
    setFailed(false);
    share.mutate(
      { type, id, shared: next },
      { onSuccess: () => setStopped(!next), onError: () => setFailed(true) },
    );
  }

  return (
    <div className="share-toggle">
      {/* The state line is the live region, so a change is heard once, where it shows. */}
      <p className="share-toggle__state" role="status">
        {failed
          ? "That didn't go through. Please try again."
          : shared
            ? `Shared with ${therapist.name}`
            : stopped
              ? `${therapist.name} no longer sees it.`
              : ""}
      </p>
      {shared ? (
        <Button
          size="small"
          variant="quiet"
          busy={share.isPending}
          aria-label={`Stop sharing${about} with ${therapist.name}`}
          onClick={() => toggle(false)}
        >
          Stop sharing
        </Button>
      ) : (
        <Button
          size="small"
          variant="secondary"
          busy={share.isPending}
          aria-label={itemLabel ? `Share${about} with our therapist` : undefined}
          onClick={() => toggle(true)}
        >
          Share with our therapist
        </Button>
      )}
    </div>
  );
}
