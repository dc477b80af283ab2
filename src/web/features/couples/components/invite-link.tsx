import { CopyField } from "../../../ui/copy-button.tsx";
import { formatDate } from "../../../ui/format.ts";
import type { InviteLinkData } from "../api/couple.ts";

/** A freshly made invite link, shown this once, with how to pass it on safely. */
export function InviteLink({ invite }: { invite: InviteLinkData }) {
  return (
    <div className="invite-link stack-sm">
      <CopyField label="Invite link for your partner" value={invite.url} />
      <ul className="invite-link__tips small">
        <li>
          Send it in a way only your partner will see, such as a direct message. It works once,
          until {formatDate(invite.expiresAt)}.
        </li>
        <li>
          <strong>Copy it now.</strong> For your privacy Mend keeps only a scrambled copy of the
          link, so it can't show it to you again. If it gets lost, you can make a new one.
        </li>
        <li>Your partner chooses their own stance when they join. They never see yours.</li>
      </ul>
    </div>
  );
}
