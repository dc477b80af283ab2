import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { coupleRoutes } from "../../../../contracts/couples.ts";
import { api, currentKeyring } from "../../../ui/api-client.ts";
import { Card } from "../../../ui/card.tsx";
import { ConfirmInline } from "../../../ui/confirm-inline.tsx";
import { ErrorState } from "../../../ui/query-state.tsx";
import { useCouple } from "../../couples/api/couple.ts";
import { meQueryKey, outlivesSession, useMe } from "../api/me.ts";

/**
 * "Leave the couple space" (ADR 0026): what goes and what stays said plainly, the export offered
 * first, and a second step in place. Afterwards the person is in no couple, still signed in.
 */
export function LeaveCouple() {
  const me = useMe();
  const inCouple = Boolean(me.data?.couple);
  const couple = useCouple(inCouple);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const leave = useMutation({
    mutationFn: () => api.call(coupleRoutes.leave, { body: { confirm: "leave" } }),
    onSuccess: async () => {
      currentKeyring()?.forgetSpace();
      // Everything read so far belonged to the couple just left.
      queryClient.removeQueries({ predicate: (query) => !outlivesSession(query.queryKey) });
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      navigate("/", { replace: true });
    },
  });
  if (!inCouple || !couple.data) return null;
  const meId = couple.data.me.id;
  const partner = couple.data.partners.find((p) => p.id !== meId) ?? null;

  return (
    <Card title="Leave the couple space">
      {partner ? (
        <div className="stack-sm">
          <p>
            If you and {partner.name} are going separate ways, you can leave the couple space and
            keep your account.
          </p>
          <ul>
            <li>
              <strong>Your private items are deleted for good</strong>: everything only you could
              see, drafts included.
            </li>
            <li>
              <strong>What you shared stays</strong> with {partner.name}, who can still read it.
              Anything you showed a therapist is no longer shown to them.
            </li>
            <li>
              {partner.name} is told that you left. Their browser makes a new key for the space, so
              nothing written after you leave opens for you.
            </li>
            <li>You stay signed in, and can start or join a couple space again later.</li>
          </ul>
          <p>
            Want a copy of your words first? Use <strong>Download all my data</strong>, just above,
            or read them on the <Link to="/account/export">printable summary</Link> before you
            leave.
          </p>
          <ConfirmInline
            label="Leave the couple space…"
            variant="secondary"
            size="normal"
            question={`Leave the couple space with ${partner.name}? Your private items are deleted, and this can't be undone.`}
            confirmLabel="Leave for good"
            cancelLabel="Stay"
            busy={leave.isPending}
            onConfirm={() => leave.mutate()}
          />
          {leave.isError ? <ErrorState title="You haven't left" error={leave.error} /> : null}
        </div>
      ) : (
        <p>
          You're the only one in this couple space, so there is nobody to leave it to. Wait until
          your partner has joined, or delete your account below if you want to go.
        </p>
      )}
    </Card>
  );
}
