import { Link, useParams } from "react-router";
import { isApiError } from "../../../ui/api-client.ts";
import { Button } from "../../../ui/button.tsx";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { ErrorState } from "../../../ui/query-state.tsx";
import { Notice } from "../../../ui/status.tsx";
import { useConfirmEmail } from "../api/email.ts";

/**
 * Where the link a new address received lands. It asks before changing anything, because mail
 * systems open links to check them; signed in or not, the link moves its own account only.
 */
export function EmailChangePage() {
  const { token = "" } = useParams();
  const confirm = useConfirmEmail();
  const gone = isApiError(confirm.error) && confirm.error.status === 404;

  return (
    <Page heading="Confirm your new address" title="New address" width="narrow">
      <Card>
        {confirm.isSuccess ? (
          <Notice tone="success" title="Your address is changed">
            <p>
              From now on you sign in with <span className="user-text">{confirm.data.email}</span>.
              Your password, your private words and everything you share stay as they were.
            </p>
            <p>
              <Link to="/account">Go to your account</Link>
            </p>
          </Notice>
        ) : (
          <div className="stack">
            <p>
              This makes the address this link was sent to the one you sign in with. Nothing else
              about your account changes.
            </p>
            <div className="actions">
              <Button busy={confirm.isPending} onClick={() => confirm.mutate(token)}>
                Use this address
              </Button>
            </div>
            {gone ? (
              <div role="alert">
                <p>
                  <strong>This link no longer works.</strong> A link works once, for a day. Ask for
                  a new one on your <Link to="/account">account page</Link>.
                </p>
              </div>
            ) : null}
            {confirm.isError && !gone ? (
              <ErrorState title="Your address was not changed" error={confirm.error} />
            ) : null}
          </div>
        )}
      </Card>
    </Page>
  );
}
