import { Link } from "react-router";
import { accountRoutes } from "../../../../contracts/account.ts";
import { api } from "../../../ui/api-client.ts";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { Notice } from "../../../ui/status.tsx";
import { useSendsMail } from "../api/sends-mail.ts";
import { MailedLinkForm } from "../components/mailed-link-form.tsx";

/**
 * "Forgot your password" by e-mail: a sign-in link to the address, if it has an account. The
 * page says the same either way, as the server does, and what the link can and cannot give back.
 */
export function ForgotPage() {
  const sendsMail = useSendsMail();
  return (
    <Page heading="Get a sign-in link" title="Forgot your password" width="narrow">
      {sendsMail === false ? (
        <Notice>
          <p>
            This Mend sends no e-mail. If you kept your recovery code,{" "}
            <Link to="/recover">choose a new password with it</Link>. If not, whoever runs this Mend
            can give you a one-time link.
          </p>
        </Notice>
      ) : (
        <Card>
          <MailedLinkForm
            id="forgot-email"
            label="Get a sign-in link"
            intro={
              <p>
                We e-mail you a link to choose a new password. It lets you sign in again, with new
                keys: what you kept private stays locked with your earlier ones.
              </p>
            }
            sent={(email) => (
              <p>
                <strong>Check your e-mail.</strong> If {email} has an account here, a link is on its
                way. It works once, for a day.
              </p>
            )}
            send={(email) => api.call(accountRoutes.forgot, { body: { email } })}
          />
        </Card>
      )}
      <Notice>
        <p>
          Kept your recovery code? <Link to="/recover">Use it instead</Link>: it keeps your private
          words. Either way, your partner's browser can let you back into what the two of you share.
        </p>
      </Notice>
      <p>
        Remembered it? <Link to="/signin">Sign in</Link>
      </p>
    </Page>
  );
}
