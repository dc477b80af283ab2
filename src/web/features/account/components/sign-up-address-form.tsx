import { accountRoutes } from "../../../../contracts/account.ts";
import { api } from "../../../ui/api-client.ts";
import { MailedLinkForm } from "./mailed-link-form.tsx";

/**
 * With e-mail on, the first step of signing up: the address alone. The answer is the same
 * whether or not it has an account, and so is what this says; the e-mail tells which.
 */
export function SignUpAddressForm({ next }: { next: string | null }) {
  return (
    <MailedLinkForm
      id="signup-email"
      label="Create an account"
      intro={<p>First your e-mail address: we send you a link to go on from there.</p>}
      sent={(email) => (
        <p>
          <strong>Check your e-mail.</strong> We sent a message to {email}. It has a link to go on
          signing up, which works once, for a day.
        </p>
      )}
      send={(email) =>
        api.call(accountRoutes.signupVerify, { body: { email, ...(next ? { next } : {}) } })
      }
    />
  );
}
