import { useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import { accountRoutes } from "../../../../contracts/account.ts";
import { api, isApiError } from "../../../ui/api-client.ts";
import { Card } from "../../../ui/card.tsx";
import { Page } from "../../../ui/page.tsx";
import { ErrorState, Loading } from "../../../ui/query-state.tsx";
import { Notice } from "../../../ui/status.tsx";
import { SignUpForm } from "../components/sign-up-form.tsx";

/**
 * The page a sign-up link opens: the address it was mailed to, fixed, and the rest of signing
 * up as without e-mail; the keys are made here. A spent or old link says so and offers a new one.
 */
export function SignUpLinkPage() {
  const { token = "" } = useParams();
  const [params] = useSearchParams();
  const next = params.get("next");
  const again = next ? `/signup?next=${encodeURIComponent(next)}` : "/signup";
  const link = useQuery({
    queryKey: ["signup-link", token],
    queryFn: ({ signal }) =>
      api.call(accountRoutes.signupLink, { body: { token } }, { signal, expectUnauthorized: true }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const gone = isApiError(link.error) && (link.error.status === 404 || link.error.status === 400);

  return (
    <Page heading="Create your account" title="Create account" width="narrow">
      <Card>
        {link.isPending ? <Loading /> : null}
        {gone ? (
          <div role="alert">
            <p>
              <strong>This sign-up link no longer works.</strong> A link works once, for a day.
            </p>
            <p>
              <Link to={again}>Ask for a new one</Link>. Already signed up?{" "}
              <Link to="/signin">Sign in</Link>
            </p>
          </div>
        ) : null}
        {link.isError && !gone ? (
          <ErrorState error={link.error} onRetry={() => void link.refetch()} />
        ) : null}
        {link.data ? <SignUpForm link={{ email: link.data.email, token }} /> : null}
      </Card>
      <Notice>
        <p>
          If you share this device, consider a private browser window: it keeps less of what you
          visit.
        </p>
      </Notice>
    </Page>
  );
}
