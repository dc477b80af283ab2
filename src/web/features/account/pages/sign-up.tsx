import { Link, useSearchParams } from "react-router";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { Loading } from "../../../ui/query-state.tsx";
import { Notice } from "../../../ui/status.tsx";
import { useSendsMail } from "../api/sends-mail.ts";
import { SignUpAddressForm } from "../components/sign-up-address-form.tsx";
import { SignUpForm } from "../components/sign-up-form.tsx";

export function SignUpPage() {
  const [params] = useSearchParams();
  const next = params.get("next");
  const sendsMail = useSendsMail();
  const signinHref = next ? `/signin?next=${encodeURIComponent(next)}` : "/signin";
  return (
    <Page
      heading="Create your account"
      title="Create account"
      width="narrow"
      intro={
        <p>
          Each of you has your own account. What you keep private stays private, even from your
          partner.
        </p>
      }
    >
      <Card>
        {sendsMail === undefined ? <Loading /> : null}
        {sendsMail === true ? <SignUpAddressForm next={next} /> : null}
        {sendsMail === false ? <SignUpForm /> : null}
      </Card>
      <Notice>
        <p>
          If you share this device, consider a private browser window: it keeps less of what you
          visit.
        </p>
      </Notice>
      <p>
        Already have an account? <Link to={signinHref}>Sign in</Link>
      </p>
    </Page>
  );
}
