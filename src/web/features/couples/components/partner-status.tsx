import { Card } from "../../../ui/card.tsx";
import { usePeople } from "../../../ui/people.tsx";
import type { CoupleViewData } from "../api/couple.ts";
import { InviteManager } from "./invite-manager.tsx";

/**
 * Whether the partner has joined; until then, the invite link. After a partner left, not
 * "waiting": the space goes on with this person, and an invite stays possible, quietly.
 */
export function PartnerStatus({ couple }: { couple: CoupleViewData }) {
  const people = usePeople();
  if (people.partner) {
    return (
      // No dot or light: nothing here may look like a sign of who is online right now.
      <p className="together">
        <span>
          You and <strong>{people.partner.name}</strong> are both here.
        </span>
      </p>
    );
  }
  if (couple.partnerLeft) {
    return (
      <Card title="Going on from here" tone="calm">
        <p>
          You can keep using Mend on your own, at your pace; everything the two of you shared stays
          here for you to read. If one day you want to share this space with someone, an invite link
          lets them in with their own account.
        </p>
        <InviteManager invitePending={couple.invitePending} />
      </Card>
    );
  }
  return (
    <Card title="Waiting for your partner" tone="attention">
      <p>
        Mend works best with both of you. Your partner joins with an invite link and picks their own
        private stance. Until then you can look around and start an agreement to suggest.
      </p>
      <InviteManager invitePending={couple.invitePending} />
    </Card>
  );
}
