import { Link, useSearchParams } from "react-router";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { useSendsMail } from "../api/sends-mail.ts";
import { SignInForm } from "../components/sign-in-form.tsx";

export function SignInPage() {
  const sendsMail = useSendsMail();
  const [params] = useSearchParams();
  const next = params.get("next");
  const signupHref = next ? `/signup?next=${encodeURIComponent(next)}` : "/signup";
  return (
    <Page
      heading="Sign in"
      width="narrow"
      intro={<p>Welcome back. Take a breath; there's no rush.</p>}
    >
      <Card>
        <SignInForm />
      </Card>
      {sendsMail ? (
        <p>
          No recovery code? <Link to="/forgot">Get a sign-in link by e-mail</Link>
        </p>
      ) : null}
      <p>
        New to Mend? <Link to={signupHref}>Create an account</Link>
      </p>
    </Page>
  );
}
