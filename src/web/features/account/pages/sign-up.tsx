import { Link, useSearchParams } from "react-router";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { Notice } from "../../../ui/status.tsx";
import { SignUpForm } from "../components/sign-up-form.tsx";

export function SignUpPage() {
  const [params] = useSearchParams();
  const next = params.get("next");
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
        <SignUpForm />
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
