import { useState } from "react";
import { Button } from "../../../ui/button.tsx";
import { ErrorState } from "../../../ui/query-state.tsx";
import { type InviteLinkData, useNewInvite } from "../api/couple.ts";
import { InviteLink } from "./invite-link.tsx";

/** While the partner has not joined: explain the link, and make a new one on request. */
export function InviteManager({
  invitePending,
  initialInvite = null,
}: {
  invitePending: boolean;
  initialInvite?: InviteLinkData | null;
}) {
  const [invite, setInvite] = useState<InviteLinkData | null>(initialInvite);
  const newInvite = useNewInvite();

  function makeLink() {
    newInvite.mutate(undefined, { onSuccess: (reply) => setInvite(reply.invite) });
  }

  return (
    <div className="stack-sm">
      {invite ? (
        <InviteLink invite={invite} />
      ) : invitePending ? (
        <p>
          An invite link is waiting to be used. Mend can show a link only once, so if you no longer
          have it, make a new one. The old link will then stop working.
        </p>
      ) : (
        <p>
          There is no working invite link at the moment. Links last seven days and work once. Make a
          new one when you feel ready to send it.
        </p>
      )}
      <div className="actions">
        <Button
          variant={invite || invitePending ? "secondary" : "primary"}
          onClick={makeLink}
          busy={newInvite.isPending}
        >
          Make a new link
        </Button>
      </div>
      {newInvite.isError ? (
        <ErrorState title="No new link this time" error={newInvite.error} />
      ) : null}
    </div>
  );
}
